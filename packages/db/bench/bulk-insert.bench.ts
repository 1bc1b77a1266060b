/**
 * Bulk import speed on SQLite: 100k coded segments through `insertCodedSegments` (in one
 * transaction) against raw better-sqlite3 prepared-statement inserts. Target: >= 25% of raw speed.
 * Run: pnpm --filter @peerbridge/db bench
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/connection';
import { migrateToLatest } from '../src/migrate';
import { createStudy } from '../src/repositories/study.repository';
import { insertCodedSegments, writeStudyImport } from '../src/repositories/study-import.repository';
import { withTransaction } from '../src/transaction';

const SEGMENTS = 100_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'peerbridge-bench-'));
  const handle = await openDatabase({ url: join(dir, 'bench.db') });
  try {
    await migrateToLatest(handle);
    const db = handle.db;
    const now = new Date().toISOString();
    await db
      .insertInto('user')
      .values({
        id: 'u',
        name: 'Bench',
        email: 'b@example.test',
        emailVerified: 0,
        image: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db.insertInto('organization').values({ id: 'org', name: 'Bench', created_at: now }).execute();
    const setup = async (name: string) => {
      const study = await createStudy(db, 'org', { name, ownerUserId: 'u' });
      const documentId = randomUUID();
      const codeId = randomUUID();
      await writeStudyImport(db, 'org', study.id, {
        run: { id: randomUUID(), fileName: `${name}.qdpx`, fileSha256: name.padEnd(64, '0'), format: 'qdpx' },
        participants: [],
        documents: [{ id: documentId, sourceGuid: 'D', name: 'D', text: 'x'.repeat(1000) }],
        codes: [{ id: codeId, guid: 'C', name: 'C' }],
        segments: [],
        observations: [],
      });
      const rows = Array.from({ length: SEGMENTS }, (_, i) => ({
        id: randomUUID(),
        documentId,
        codeId,
        selectionGuid: `S-${i}`,
        startOffset: i % 900,
        endOffset: (i % 900) + 50,
        coder: 'coder-a',
        createdAtSource: '2026-01-01T00:00:00Z',
      }));
      return { studyId: study.id, rows };
    };

    const raw = await setup('raw');
    const sqlite = handle.sqlite!;
    const stmt = sqlite.prepare(
      'insert into coded_segment (id, study_id, document_id, code_id, selection_guid, start_offset, end_offset, coder, created_at_source) values (?,?,?,?,?,?,?,?,?)',
    );
    let start = performance.now();
    sqlite.transaction(() => {
      for (const r of raw.rows) {
        stmt.run(
          r.id,
          raw.studyId,
          r.documentId,
          r.codeId,
          r.selectionGuid,
          r.startOffset,
          r.endOffset,
          r.coder,
          r.createdAtSource,
        );
      }
    })();
    const rawMs = performance.now() - start;

    const repo = await setup('repo');
    start = performance.now();
    await withTransaction(db, (trx) => insertCodedSegments(trx, 'org', repo.studyId, repo.rows));
    const repoMs = performance.now() - start;

    const ratio = rawMs / repoMs;
    console.log(
      `100k segments: raw better-sqlite3 ${rawMs.toFixed(0)} ms, insertCodedSegments ${repoMs.toFixed(0)} ms, ` +
        `${(ratio * 100).toFixed(0)}% of raw speed (target >= 25%)`,
    );
    if (ratio < 0.25) process.exitCode = 1;
  } finally {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * The study page's memos and sets (ADR 0044) on both dialects, on the rich synthetic project: note counts
 * beside codes and documents, notes paged with author and date, every page read audited, sets narrowing the
 * index, co-occurrence and agreement, only the owner served, and a pseudonymised study saying it kept none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RICH, richQdpx } from '@peerbridge/refi-qda/testing';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aMember, aResearcherInOrgA } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { importStudy } from './import-study';
import { listStudyNotes, studyNotesIndex } from './study-notes';
import { studyAgreement, studyCoOccurrence } from './study-read-models';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-study-notes-'));
const file = join(dir, 'rich.qdpx');
const key = new TextEncoder().encode('researcher-key-of-at-least-thirty-two-bytes!');
beforeAll(() => writeFileSync(file, richQdpx()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDialects())('a study’s memos and sets on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;
  let studyId: string;
  let pseudonymizedId: string;
  let setId: string;

  const idOf = async (name: string) =>
    (await db.selectFrom('study').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    researcher = await aResearcherInOrgA(db);
    await importStudy(db, researcher, { file, study: 'Rich' });
    await importStudy(db, researcher, { file, study: 'Rich pseudonymised', pseudonymKey: key });
    studyId = await idOf('Rich');
    pseudonymizedId = await idOf('Rich pseudonymised');
    setId = (
      await db.selectFrom('study_set').select('id').where('guid', '=', RICH.set).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts each code’s and document’s notes, with their segments, and lists the sets', async () => {
    const index = await studyNotesIndex(db, researcher, { studyId });
    expect(index.pseudonymized).toBe(false);
    expect(index.projectNotes).toBe(1);
    expect(index.set).toBeNull();
    expect(index.sets).toEqual([
      { id: setId, name: 'Podpora', description: 'Kódy, zdroje a mema o podpoře', documents: 1, codes: 2 },
    ]);
    const codes = Object.fromEntries(index.codes.map((c) => [c.name, [c.segments, c.notes]]));
    // Naděje: its own memo and the memo on one of its codings; the two "Podpora" codes keep their paths.
    expect(codes).toEqual({
      Emoce: [0, 0],
      Naděje: [2, 2],
      Strach: [1, 0],
      Práce: [0, 0],
      'Práce > Podpora': [2, 0],
      Rodina: [0, 0],
      'Rodina > Podpora': [1, 0],
    });
    const documents = Object.fromEntries(index.documents.map((d) => [d.name, [d.segments, d.notes]]));
    // Rozhovor 1: its own memo, a selection's and a coding's.
    expect(documents).toEqual({
      'Rozhovor 1': [5, 3],
      'Poznámka z terénu': [1, 0],
      'Prázdný dokument': [0, 0],
    });
  });

  it('lists a code’s notes with author and date as stored, and a document’s in pages that add up', async () => {
    const hope = await db
      .selectFrom('code')
      .select('id')
      .where('guid', '=', RICH.hope)
      .executeTakeFirstOrThrow();
    const onHope = await listStudyNotes(db, researcher, { studyId, about: 'code', codeId: hope.id });
    expect(onHope.nextCursor).toBeNull();
    expect(
      onHope.items.map((n) => [n.target, n.name, n.text, n.author, n.code?.name, n.document?.name]),
    ).toEqual([
      ['code', 'Memo ke kódu Naděje', 'Kódovat jen výslovné zmínky.', null, 'Naděje', undefined],
      ['coding', 'Memo ke kódování', 'Souhlasím s kodérkou A.', 'Kodér B', 'Naděje', 'Rozhovor 1'],
    ]);

    const interview = await db
      .selectFrom('document')
      .select('id')
      .where('source_guid', '=', RICH.interview)
      .executeTakeFirstOrThrow();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listStudyNotes>> = await listStudyNotes(db, researcher, {
        studyId,
        about: 'document',
        documentId: interview.id,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      for (const n of page.items) seen.push(n.name ?? '');
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(new Set(['Memo k rozhovoru', 'Memo k úryvku', 'Memo ke kódování']));
    expect(seen).toHaveLength(3);

    const project = await listStudyNotes(db, researcher, { studyId, about: 'project' });
    expect(project.items).toHaveLength(1);
    expect(project.items[0]).toMatchObject({
      target: 'project',
      name: 'Výzkumný deník',
      author: 'Kodérka A',
      createdAt: '2025-01-10T08:01:00Z',
    });
    expect(project.items[0]?.text).toContain('Den 2: shoda mezi kodéry.');
  });

  it('audits each page of notes read, and refuses a limit over the cap and a forged cursor by field', async () => {
    const before = await db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'study.notes_read')
      .where('entity_id', '=', studyId)
      .execute();
    await listStudyNotes(db, researcher, { studyId, about: 'project' });
    const after = await db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'study.notes_read')
      .where('entity_id', '=', studyId)
      .execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.actor_user_id).toBe(researcher.userId);
    await expect(listStudyNotes(db, researcher, { studyId, about: 'project', limit: 101 })).rejects.toThrow(
      /limit/,
    );
    await expect(
      listStudyNotes(db, researcher, { studyId, about: 'project', cursor: 'forged' }),
    ).rejects.toThrow(/cursor/);
    await expect(listStudyNotes(db, researcher, { studyId, about: 'code' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'codeId' })],
    });
  });

  it('a set narrows the index, the co-occurrence and the agreement to its documents and codes', async () => {
    const index = await studyNotesIndex(db, researcher, { studyId, setId });
    expect(index.set).toEqual({ id: setId, name: 'Podpora' });
    expect(index.codes.map((c) => c.name)).toEqual(['Práce > Podpora', 'Rodina > Podpora']);
    expect(index.documents.map((d) => d.name)).toEqual(['Rozhovor 1']);

    const whole = await studyAgreement(db, researcher, { studyId, unit: 'document' });
    const narrowed = await studyAgreement(db, researcher, { studyId, unit: 'document', setId });
    expect(whole.set).toBeNull();
    expect(narrowed.set).toEqual({ id: setId, name: 'Podpora' });
    const codeNames = (r: typeof whole) => r.codes.map((c) => r.codeNames[c.codeId]).sort();
    expect(codeNames(whole)).toContain('Naděje');
    expect(codeNames(narrowed)).toEqual(['Podpora', 'Podpora']);
    const co = await studyCoOccurrence(db, researcher, { studyId, setId, coOccurrence: 'across-coders' });
    expect(co.set?.name).toBe('Podpora');
    for (const r of co.rows) {
      expect(co.codeNames[r.codeA]).toBe('Podpora');
      expect(co.codeNames[r.codeB]).toBe('Podpora');
    }
  });

  it('refuses another study’s set by field, and serves nobody but the owner', async () => {
    await expect(studyNotesIndex(db, researcher, { studyId: pseudonymizedId, setId })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'setId' })],
    });
    await expect(studyAgreement(db, researcher, { studyId: pseudonymizedId, setId })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const other = await aMember(db, 'org-a', 'r-2', 'researcher');
    await expect(studyNotesIndex(db, other, { studyId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listStudyNotes(db, other, { studyId, about: 'project' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a pseudonymised study says it kept no notes or sets', async () => {
    const index = await studyNotesIndex(db, researcher, { studyId: pseudonymizedId });
    expect(index.pseudonymized).toBe(true);
    expect(index.projectNotes).toBe(0);
    expect(index.sets).toEqual([]);
    expect(index.codes.every((c) => c.notes === 0)).toBe(true);
    expect(
      (await listStudyNotes(db, researcher, { studyId: pseudonymizedId, about: 'project' })).items,
    ).toEqual([]);
  });
});

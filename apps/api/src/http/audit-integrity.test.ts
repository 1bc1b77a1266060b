/** The api's watch over the audit chain: `/readyz` reports a broken chain or guard, start refuses to run. */
import { Writable } from 'node:stream';
import { appendAuditEvents, openDatabase } from '@peerbridge/db';
import { withGuardsLifted } from '@peerbridge/db/audit-tamper';
import { createTestDatabase, testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { startServer } from '../server';
import { startTestApi, testEnv } from '../test-support/test-server';

/** A pino destination that keeps the JSON lines. */
function captureLog(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    stream,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe.each(testDialects())('the audit chain at start and in /readyz on %s', (dialect) => {
  it('reports a changed event in /readyz (details only in the log) and a dropped guard after that', async () => {
    const api = await startTestApi(dialect);
    try {
      const [first] = await appendAuditEvents(api.handle.db, null, [
        { actorUserId: null, action: 'auth.failed', entityType: 'user' },
        { actorUserId: null, action: 'auth.failed', entityType: 'user' },
      ]);
      expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(200);
      await withGuardsLifted(api.handle.db, async () => {
        await api.handle.db
          .updateTable('audit_event')
          .set({ action: 'nothing' })
          .where('id', '=', first?.id as string)
          .execute();
      });
      const broken = await fetch(`${api.baseUrl}/readyz`);
      expect(broken.status).toBe(503);
      const body = await broken.json();
      expect(body).toEqual({ status: 'unavailable', checks: { database: 'ok', auditChain: 'broken' } });
      expect(JSON.stringify(body)).not.toContain(first?.id);
    } finally {
      await api.close();
    }
    const again = await startTestApi(dialect);
    try {
      if (dialect === 'sqlite') await sql`drop trigger audit_event_no_delete`.execute(again.handle.db);
      else
        await sql`alter table audit_event disable trigger audit_event_append_only`.execute(again.handle.db);
      const missing = await fetch(`${again.baseUrl}/readyz`);
      expect(missing.status).toBe(503);
      expect(await missing.json()).toEqual({
        status: 'unavailable',
        checks: { database: 'ok', auditChain: 'guard missing' },
      });
    } finally {
      await again.close();
    }
  });

  it('writes a checkpoint to the log at start, and refuses to start on a broken chain or a missing trigger', async () => {
    const tdb = await createTestDatabase(dialect);
    try {
      const env = testEnv({ DATABASE_URL: tdb.url, PORT: '0', LOG_LEVEL: 'info' });
      const log = captureLog();
      const server = await startServer({ env, logger: createLogger(env, log.stream) });
      await server.stop();
      const handle = await openDatabase({ url: tdb.url });
      try {
        const [event] = await appendAuditEvents(handle.db, null, [
          { actorUserId: null, action: 'auth.failed', entityType: 'user' },
        ]);
        const checkpoints = log.lines().filter((l) => l.auditCheckpoint);
        expect(checkpoints.length).toBe(2);
        expect(checkpoints[0]?.auditCheckpoint).toMatchObject({ format: 'peerbridge-audit-checkpoint/1' });

        await withGuardsLifted(handle.db, async () => {
          await handle.db
            .updateTable('audit_event')
            .set({ entity_type: 'x' })
            .where('id', '=', event?.id as string)
            .execute();
        });
        await expect(startServer({ env, logger: createLogger(env, captureLog().stream) })).rejects.toThrow(
          new RegExp(
            `audit log has been tampered with[\\s\\S]*event #1 id ${event?.id}: content does not match`,
          ),
        );
        await withGuardsLifted(handle.db, async () => {
          await handle.db
            .updateTable('audit_event')
            .set({ entity_type: 'user' })
            .where('id', '=', event?.id as string)
            .execute();
        });
        if (dialect === 'sqlite') await sql`drop trigger audit_event_no_update`.execute(handle.db);
        else await sql`drop trigger audit_event_append_only on audit_event`.execute(handle.db);
        await expect(startServer({ env, logger: createLogger(env, captureLog().stream) })).rejects.toThrow(
          /guard trigger audit_event_(no_update|append_only) \(missing\)/,
        );
      } finally {
        await handle.destroy();
      }
    } finally {
      await tdb.drop();
    }
  });
});

/**
 * Test support, run as its own process: appends `count` audit events, one transaction each, to one
 * organisation's chain. Argv: database URL, organisation id, actor id, count, a label.
 */
import { openDatabase } from '../connection';
import { appendAuditEvents } from '../repositories/audit.repository';

const [url, org, actor, count, label] = process.argv.slice(2);
const handle = await openDatabase({ url });
try {
  for (let i = 0; i < Number(count); i++) {
    await appendAuditEvents(handle.db, org ?? null, [
      {
        actorUserId: actor ?? null,
        action: 'worker.read',
        entityType: 'peer_worker',
        entityId: `${label}-${i}`,
      },
    ]);
  }
} finally {
  await handle.destroy();
}

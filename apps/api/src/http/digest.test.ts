/**
 * The e-mail digest (ADR 0037) against a real SMTP server started here (`smtp-server`), on both
 * dialects: two api processes start at once over the seeded demo, and each supervisor with unread
 * notifications gets exactly one e-mail for the day, saying how many items wait and linking to the
 * portal, with no PSW name, indicator, conflict, finding or date from the seeded data in it. A send the
 * server refuses gives the day back, and the next run delivers it.
 */

import { openDatabase } from '@peerbridge/db';
import { catalog, conflictIds, findingIds, indicatorIds } from '@peerbridge/domain';
import { countUnreadNotifications, type UserRole } from '@peerbridge/services';
import { createTestDatabase, type TestDatabase, testDialects } from '@peerbridge/testing';
import type {} from '@peerbridge/testing/global-setup';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { startServer } from '../server';
import { testEnv } from '../test-support/test-server';
import { sendDigestsNow } from './digest';

interface Received {
  to: string[];
  raw: string;
}

/** The text of a received message: headers and body with quoted-printable undone. */
function decoded(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(unfolded.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function startSmtp(refuseFirst: { count: number }) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuseFirst.count > 0) {
          refuseFirst.count--;
          const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDialects())('the e-mail digest on %s', (dialect) => {
  let tdb: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const refuse = { count: 0 };
  const PUBLIC_URL = 'https://peerbridge.example.test';

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    smtp = await startSmtp(refuse);
    // The demo is seeded by an api without a digest: nothing is sent then.
    const plain = testEnv({ DATABASE_URL: tdb.url, PORT: '0' });
    const seeding = await startServer({ env: plain, logger: createLogger(plain), seedDemo: true });
    await seeding.stop();
    expect(smtp.received).toEqual([]);
  });
  afterAll(async () => {
    await smtp.close();
    await tdb.drop();
  });

  it('sends each supervisor one digest a day, from two processes at once, with a count and a link only', async () => {
    const env = testEnv({
      DATABASE_URL: tdb.url,
      PORT: '0',
      SMTP_URL: smtp.url,
      DIGEST_FROM: 'digest@peerbridge.example.test',
      PUBLIC_URL,
    });
    const [one, two] = await Promise.all([
      startServer({ env, logger: createLogger(env) }),
      startServer({ env, logger: createLogger(env) }),
    ]);
    await one.stop();
    await two.stop();

    const handle = await openDatabase({ url: tdb.url });
    try {
      // Who should hear: every member with unread notifications, as the bell counts them.
      const members = await handle.db
        .selectFrom('membership as m')
        .innerJoin('user as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'm.organization_id', 'm.role', 'u.email'])
        .execute();
      const expected = new Map<string, number>();
      for (const m of members) {
        const roles = members
          .filter((o) => o.user_id === m.user_id && o.organization_id === m.organization_id)
          .map((o) => o.role as UserRole);
        const unread = await countUnreadNotifications(handle.db, {
          userId: m.user_id,
          organizationId: m.organization_id,
          roles,
        });
        if (unread > 0 && m.role === 'supervisor') expected.set(m.email, unread);
      }
      expect(expected.size).toBeGreaterThan(0);
      const to = smtp.received.flatMap((r) => r.to).sort();
      expect(to).toEqual([...expected.keys()].sort());

      const workers = await handle.db.selectFrom('peer_worker').select('display_name').execute();
      const units = await handle.db.selectFrom('unit').select('name').execute();
      const forbidden = [
        ...workers.map((w) => w.display_name),
        ...workers.flatMap((w) => w.display_name.split(/\s+/)).filter((part) => part.length > 3),
        ...units.map((u) => u.name),
        ...indicatorIds,
        ...indicatorIds.flatMap((id) => [catalog.indicators[id].label.en, catalog.indicators[id].label.cs]),
        ...conflictIds,
        ...conflictIds.flatMap((id) => [catalog.conflicts[id].label.en, catalog.conflicts[id].label.cs]),
        ...findingIds,
        'severe',
        'overdue',
      ];
      for (const mail of smtp.received) {
        const text = decoded(mail.raw);
        const body = text.slice(text.search(/\r?\n\r?\n/));
        const count = expected.get(mail.to[0] as string) as number;
        expect(body).toContain(`You have ${count} item${count === 1 ? '' : 's'} in PeerBridge.`);
        expect(body).toContain(`${PUBLIC_URL}/notifications`);
        for (const word of forbidden) expect(text.toLowerCase(), word).not.toContain(word.toLowerCase());
        // No date of any kind in what the person reads (the transport's own Date header aside).
        expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}/);
      }
      const claims = await handle.db.selectFrom('digest_sent').selectAll().execute();
      expect(claims).toHaveLength(expected.size);
      expect(claims.every((c) => c.sent_at !== null)).toBe(true);
    } finally {
      await handle.destroy();
    }
  });

  it('sends nothing more that day, and a refused send is retried by the next run', async () => {
    const handle = await openDatabase({ url: tdb.url });
    const settings = { smtpUrl: smtp.url, from: 'digest@peerbridge.example.test', publicUrl: PUBLIC_URL };
    const logger = createLogger(testEnv());
    try {
      const before = smtp.received.length;
      const again = await sendDigestsNow(handle.db, settings, logger);
      expect(again.sent).toBe(0);
      expect(smtp.received.length).toBe(before);

      const tomorrow = new Date(Date.now() + 86_400_000);
      refuse.count = 1;
      const refused = await sendDigestsNow(handle.db, settings, logger, tomorrow);
      expect(refused.failed).toBe(1);
      expect(refused.sent).toBe(before - 1);
      const retried = await sendDigestsNow(handle.db, settings, logger, tomorrow);
      expect(retried).toMatchObject({ sent: 1, failed: 0, alreadyClaimed: before - 1 });
      expect(smtp.received.length).toBe(2 * before);
    } finally {
      await handle.destroy();
    }
  });
});

/**
 * Values that cannot be true (issue 9), over real HTTP on both dialects: each is refused BAD_REQUEST
 * with an issue naming the field, and no table changes (row counts of every table before and after).
 * Dates before the PSW started or in the future, event counts past what a month holds, due dates more
 * than two years ahead, names with nothing visible, e-mails past RFC 5321 lengths, lone surrogates.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from './root';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { countRows, type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PASSPHRASE = 'a long synthetic passphrase';

type Case = [
  name: string,
  who: 'supervisor' | 'admin',
  call: (c: TestClient, a: OrgFixture) => Promise<unknown>,
  path: string,
  says: RegExp,
];

const user =
  (name: string, email = `${randomUUID()}@a.example.test`) =>
  (c: TestClient) =>
    c.admin.createUser.mutate({
      requestId: randomUUID(),
      name,
      email,
      password: PASSPHRASE,
      roles: ['supervisor'],
    });

const cases: Case[] = [
  [
    'an observation dated before the PSW started',
    'supervisor',
    (c, a) =>
      c.supervision.recordObservations.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        observations: [{ indicator: 'stress', value: 3, observedAt: day(-500) }],
      }),
    'observations.0.observedAt',
    /on or after the PSW started/,
  ],
  [
    'an observation dated tomorrow',
    'supervisor',
    (c, a) =>
      c.supervision.recordObservations.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        observations: [{ indicator: 'stress', value: 3, observedAt: day(1) }],
      }),
    'observations.0.observedAt',
    /not in the future/,
  ],
  [
    'after-hours contacts past one an hour for a month (745)',
    'supervisor',
    (c, a) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        heldOn: day(0),
        observations: [{ indicator: 'after_hours_client_contact', value: 745 }],
      }),
    'observations.0.value',
    /0 to 744/,
  ],
  [
    'friendship requests in the millions',
    'supervisor',
    (c, a) =>
      c.supervision.recordObservations.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        observations: [{ indicator: 'client_friendship_requests', value: 4_000_000, observedAt: day(0) }],
      }),
    'observations.0.value',
    /0 to 744/,
  ],
  [
    'a due date three years ahead',
    'supervisor',
    (c, a) =>
      c.supervision.answerCard.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        cardId: 'supervision_focus_team_position',
        decision: 'accepted',
        dueOn: day(3 * 365),
      }),
    'dueOn',
    /at most two years ahead/,
  ],
  ['a name of zero-width characters', 'admin', user('\u200b\u200c\u2060\ufeff'), 'name', /visible character/],
  ['a name of combining marks only', 'admin', user('\u0301\u0308\u0327'), 'name', /visible character/],
  [
    'a name of non-breaking and ideographic spaces',
    'admin',
    user('\u00a0\u3000\u2003'),
    'name',
    /expected a name/,
  ],
  ['a name with a lone surrogate', 'admin', user('Ana \ud800'), 'name', /lone surrogate/],
  [
    'an e-mail with a 65-character local part',
    'admin',
    user('Local Part', `${'l'.repeat(65)}@a.example.test`),
    'email',
    /64 characters before the @/,
  ],
  [
    'an e-mail of 255 characters',
    'admin',
    user('Long Address', `x@${'d'.repeat(240)}.example.test`),
    'email',
    /at most 254/,
  ],
  [
    'a PSW display name of a zero-width joiner',
    'admin',
    (c, a) =>
      c.admin.createWorker.mutate({
        requestId: randomUUID(),
        displayName: '\u200d',
        unitId: a.unitId,
        startedOn: day(-10),
      }),
    'displayName',
    /visible character/,
  ],
  [
    'a unit name of word joiners and spaces',
    'admin',
    (c) =>
      c.admin.createUnit.mutate({ requestId: randomUUID(), name: ' \u2060 \u2060 ', setting: 'inpatient' }),
    'name',
    /visible character/,
  ],
  [
    'session notes with a lone low surrogate',
    'supervisor',
    (c, a) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        heldOn: day(0),
        privateNotes: 'talked about \udc00 the rota',
      }),
    'privateNotes',
    /lone surrogate/,
  ],
];

describe.each(testDialects())('impossible values on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  const jars = {} as Record<'supervisor' | 'admin', CookieJar>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a } = await seedTwoOrganizations(api.handle));
    for (const who of ['supervisor', 'admin'] as const) {
      jars[who] = new CookieJar();
      expect((await signIn(api.baseUrl, jars[who], a.users[who].email, PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(cases)('refuses %s, naming the field, writing nothing', async (_name, who, call, path, says) => {
    const before = await countRows(api.handle);
    const error = await call(trpcClient(api.baseUrl, jars[who]), a).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data as unknown as {
      code: string;
      issues: { path: string; message: string }[] | null;
    };
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.issues?.map((i) => i.path)).toEqual([path]);
    expect(data.issues?.[0]?.message).toMatch(says);
    expect((error as Error).message).toContain(path);
    expect(await countRows(api.handle)).toEqual(before);
  });

  it('refuses a raw JSON body holding "\\ud800", naming the field, and stores no U+FFFD', async () => {
    const before = await countRows(api.handle);
    const body = `{"requestId":"${randomUUID()}","name":"Unit \\ud800 North","setting":"inpatient"}`;
    expect(body).toContain('\\ud800');
    const response = await jars.admin.fetch(`${api.baseUrl}/trpc/admin.createUnit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    const json = (await response.json()) as {
      error: { message: string; data: { issues: { path: string }[] } };
    };
    expect(json.error.data.issues.map((i) => i.path)).toEqual(['name']);
    expect(json.error.message).toMatch(/name: expected text without lone surrogate/);
    expect(await countRows(api.handle)).toEqual(before);
    const units = await api.handle.db.selectFrom('unit').select('name').execute();
    expect(units.some((u) => u.name.includes('\ufffd') || u.name.includes('North'))).toBe(false);
  });

  it('still accepts the largest plausible values (744 contacts, a one-letter name)', async () => {
    const c = trpcClient(api.baseUrl, jars.supervisor);
    await c.supervision.recordObservations.mutate({
      requestId: randomUUID(),
      workerId: a.workerId,
      observations: [{ indicator: 'after_hours_client_contact', value: 744, observedAt: day(0) }],
    });
    const admin = trpcClient(api.baseUrl, jars.admin);
    await admin.admin.createUnit.mutate({ requestId: randomUUID(), name: 'Ž', setting: 'community' });
  });
});

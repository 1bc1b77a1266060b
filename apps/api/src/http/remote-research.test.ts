/**
 * The remote CLI's upload route over real HTTP on both dialects: an oversize upload, a truncated one, a
 * zip bomb, a missing options line, a file name with a folder and a file no import reads each get a clear
 * error and write nothing, and leave no file in the upload store it shares with the portal (ADR 0020, whose
 * size limit it keeps); an import leaves none either. A session cookie alone does not open these routes
 * (a token is the only way in).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEC_CONVENTION } from '@peerbridge/refi-qda';
import { buildZip, syntheticQdpx } from '@peerbridge/refi-qda/testing';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi } from '../test-support/test-server';
import { researchToken } from '../test-support/token-client';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from '../test-support/two-organizations';

const LIMIT = 64 * 1024;

interface ErrorBody {
  error: { name: string; code: string; message: string; issues: { path: string }[] };
}
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

describe.each(testDialects())('the upload route on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let token: string;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = await mkdtemp(join(tmpdir(), 'peerbridge-remote-uploads-test-'));
    api = await startTestApi(dialect, {}, { studyUploads: { dir: uploadDir, limits: { maxBytes: LIMIT } } });
    ({ a } = await seedTwoOrganizations(api.handle));
    token = await researchToken(api.handle.db, a.users.researcher.id, a.organizationId);
  });
  afterAll(async () => {
    await api.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  /** What an upload may leave behind: rows, and files in the upload store. */
  const counts = async () => {
    const studies = await api.handle.db.selectFrom('study').select('id').execute();
    const runs = await api.handle.db.selectFrom('import_run').select('id').execute();
    const files = await readdir(uploadDir).catch(() => []);
    return { studies: studies.length, runs: runs.length, files: files.length };
  };

  const upload = (body: Uint8Array | string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api/research/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    });

  const line = (options: Record<string, unknown>) =>
    `${JSON.stringify({ study: 'uploaded', fileName: 'p.qdpx', ...options })}\n`;

  it('refuses an upload over the limit with 413 and writes nothing', async () => {
    const before = await counts();
    expect(before.files).toBe(0);
    const response = await upload(Buffer.concat([Buffer.from(line({})), Buffer.alloc(LIMIT + 1, 0x41)]));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({
      code: 'too_large',
      message: expect.stringContaining(`larger than ${LIMIT} bytes`),
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a zip bomb by its compression ratio, naming the entry; nothing written', async () => {
    const before = await counts();
    const bomb = buildZip([{ name: 'project.qde', data: Buffer.alloc(4 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(LIMIT);
    const response = await upload(Buffer.concat([Buffer.from(line({})), bomb]));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.name).toBe('RefiQdaError');
    expect(error.message).toMatch(/ratio|project\.qde/);
    expect(JSON.stringify(error)).not.toContain(uploadDir);
    expect(await counts()).toEqual(before);
  });

  it('says a truncated upload ended early, and writes nothing', async () => {
    const before = await counts();
    const url = new URL(`${api.baseUrl}/api/research/import`);
    let answered: number | string = 'connection closed';
    const closed = new Promise<void>((resolve) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-length': '50000' },
        },
        (res) => {
          res.resume();
          answered = res.statusCode ?? 0;
          resolve();
        },
      );
      req.on('error', () => resolve());
      req.write(line({}));
      req.write(Buffer.alloc(1000, 0x41));
      // The server has started spooling into the upload store before the client goes away, before
      // sending the promised 50,000 bytes.
      void expect
        .poll(async () => (await counts()).files)
        .toBe(1)
        .then(() => req.destroy());
    });
    await closed;
    expect(answered).toBe('connection closed');
    await expect.poll(async () => (await counts()).files).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('names the bad option and what was expected; nothing written', async () => {
    const before = await counts();
    const noLine = await upload('PK\u0003\u0004 no options line');
    expect(noLine.status).toBe(400);
    expect((await errorOf(noLine)).message).toContain('no file after its options line');
    const folder = await upload(`${line({ fileName: '../../etc/p.qdpx' })}PK`);
    expect(folder.status).toBe(400);
    expect(await errorOf(folder)).toMatchObject({
      name: 'ServiceError',
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'fileName' })],
    });
    const badMapping = await upload(`${line({ mapping: { codes: 'not a list' } })}PK`);
    expect(badMapping.status).toBe(400);
    expect((await errorOf(badMapping)).issues[0]?.path).toMatch(/^mapping\./);
    // The upload store's name rule, as for the portal: a file no import reads is refused by its name.
    const text = await upload(`${line({ fileName: 'notes.pdf' })}some notes`);
    expect(text.status).toBe(400);
    expect(await errorOf(text)).toMatchObject({
      name: 'StudyInputError',
      code: 'invalid_input',
      message: expect.stringContaining('notes.pdf'),
      expected: expect.stringContaining('.qdpx'),
    });
    expect(await counts()).toEqual(before);
  });

  it('imports through the upload store and leaves no file in it, on a commit as on a dry run', async () => {
    const before = await counts();
    const file = syntheticQdpx(SPEC_CONVENTION);
    const dry = await upload(Buffer.concat([Buffer.from(line({ study: 'stored', dryRun: true })), file]));
    expect(dry.status).toBe(200);
    const dryText = await dry.text();
    expect(JSON.parse(dryText)).toMatchObject({ status: 'dry_run' });
    expect(dryText).not.toContain(uploadDir);
    expect(await counts()).toEqual(before);
    const done = await upload(Buffer.concat([Buffer.from(line({ study: 'stored' })), file]));
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'imported', counts: { coded_segment: 10 } });
    expect(await counts()).toEqual({ studies: before.studies + 1, runs: before.runs + 1, files: 0 });
  });

  it("opens to a token only: no token, or a researcher's session cookie, is 401", async () => {
    const jar = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.researcher.email, PASSWORD);
    for (const path of ['/api/research/studies', '/api/research/codebook']) {
      const withCookie = await jar.fetch(`${api.baseUrl}${path}`);
      expect(withCookie.status).toBe(401);
      expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(401);
      const withToken = await fetch(`${api.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withToken.status).toBe(200);
    }
    // A proxy's Basic auth beside the session cookie is no token: the session still answers.
    const me = await jar.fetch(`${api.baseUrl}/trpc/account.me`, {
      headers: { authorization: 'Basic c3ludGhldGljOnByb3h5' },
    });
    expect(me.status).toBe(200);
    // A Bearer header wins over the cookie, even a malformed one: answered as signed out.
    const bearer = await jar.fetch(`${api.baseUrl}/trpc/account.me`, {
      headers: { authorization: 'Bearer' },
    });
    expect(bearer.status).toBe(401);
  });
});

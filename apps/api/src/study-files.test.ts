/**
 * Study files over real HTTP (issue 14, ADR 0020): each REFI-QDA sample uploads and previews; the import's
 * limits hold on the upload (zip bomb, oversize, a truncated file, a transfer cut off) with a clear error and
 * nothing written, not even an audit event, and no temporary file left; a mapping becomes the study's mapping
 * on commit; two researchers commit at once; exports download, pseudonymised with a key; another
 * researcher's upload or study is "not found", and that refusal is audited.
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { DatabaseHandle } from '@peerbridge/db';
import { SPEC_CONVENTION } from '@peerbridge/refi-qda';
import {
  buildZip,
  fixtures,
  NVIVO_SAMPLE,
  readZipEntries,
  sharedSample,
  syntheticQdpx,
} from '@peerbridge/refi-qda/testing';
import { createStudyUploads, type UploadPreview } from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

const MAX_BYTES = 512 * 1024;

const previewOf = async (response: Response) => (await response.json()) as UploadPreview;
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;
const convention = SPEC_CONVENTION;

/** Every row that an import or its audit could write, counted. */
async function footprint(handle: DatabaseHandle) {
  const count = async (table: 'study' | 'import_run' | 'coded_segment' | 'document' | 'audit_event') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    study: await count('study'),
    import_run: await count('import_run'),
    coded_segment: await count('coded_segment'),
    document: await count('document'),
    audit_event: await count('audit_event'),
  };
}

describe.each(testDialects())('study files over HTTP on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let b: OrgFixture;
  let jarA: CookieJar;
  let jarB: CookieJar;
  let jarSupervisor: CookieJar;
  let clientA: TestClient;
  let clientB: TestClient;
  let uploadDir: string;
  const uploads = () => createStudyUploads({ dir: uploadDir });
  let downloads = 0;
  const zipEntries = async (bytes: Buffer) => {
    const file = join(`${uploadDir}-downloads`, `${++downloads}.qdpx`);
    await mkdir(`${uploadDir}-downloads`, { recursive: true });
    await writeFile(file, bytes);
    return readZipEntries(file);
  };

  const upload = (jar: CookieJar, body: Uint8Array, fileName: string, study: string) =>
    jar.fetch(
      `${api.baseUrl}/api/studies/uploads?study=${encodeURIComponent(study)}&fileName=${encodeURIComponent(fileName)}`,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body },
    );

  beforeAll(async () => {
    uploadDir = await mkdtemp(join(tmpdir(), 'peerbridge-uploads-test-'));
    api = await startTestApi(
      dialect,
      {},
      { studyUploads: { dir: uploadDir, limits: { maxBytes: MAX_BYTES } } },
    );
    ({ a, b } = await seedTwoOrganizations(api.handle));
    jarA = new CookieJar();
    jarB = new CookieJar();
    jarSupervisor = new CookieJar();
    expect((await signIn(api.baseUrl, jarA, a.users.researcher.email, PASSWORD)).status).toBe(200);
    expect((await signIn(api.baseUrl, jarB, b.users.researcher.email, PASSWORD)).status).toBe(200);
    expect((await signIn(api.baseUrl, jarSupervisor, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    clientA = trpcClient(api.baseUrl, jarA);
    clientB = trpcClient(api.baseUrl, jarB);
  });
  afterAll(async () => {
    await api?.close();
    await rm(uploadDir, { recursive: true, force: true });
    await rm(`${uploadDir}-downloads`, { recursive: true, force: true });
  });

  const samples: Array<[string, () => Promise<Buffer>]> = [
    ['synthetic-czech.qdpx', async () => syntheticQdpx(convention)],
    ['atlasti-8.4-mac-standard-project.qde', () => readFile(fixtures.atlasSample)],
  ];
  const nvivo = sharedSample(NVIVO_SAMPLE);
  if (nvivo) samples.push([NVIVO_SAMPLE, () => readFile(nvivo)]);

  it.each(samples)('uploads and previews %s, writing nothing before the commit', async (name, bytes) => {
    const before = await footprint(api.handle);
    const response = await upload(jarA, await bytes(), name, `Preview of ${name}`);
    expect(response.status).toBe(201);
    const preview = await previewOf(response);
    expect(preview.upload).toMatchObject({ fileName: name });
    expect(preview.report.status).toBe('dry_run');
    expect(preview.report.study).toEqual({ name: `Preview of ${name}`, created: true });
    expect(preview.report.counts.document).toBeGreaterThan(0);
    expect(Array.isArray(preview.report.unmappedCodes)).toBe(true);
    expect(Array.isArray(preview.report.offsetDecisions)).toBe(true);
    expect(preview.mapping.codes).toEqual([]);
    expect(await footprint(api.handle)).toEqual(before);
    await clientA.research.discardUpload.mutate({ uploadId: preview.upload.id });
    expect(await uploads().count()).toBe(0);
  });

  it('commits with a mapping for an unmapped code: one transaction, one audit event, the mapping saved', async () => {
    const response = await upload(jarA, syntheticQdpx(convention), 'rozhovory.qdpx', 'Czech study');
    const preview = await previewOf(response);
    const unmapped = preview.report.unmappedCodes as { guid: string; name: string; segments: number }[];
    const radost = unmapped.find((code) => code.name === 'Radost');
    expect(radost).toBeDefined();
    const mapping = {
      codes: [{ guid: radost?.guid ?? '', indicator: 'shares_lived_experience' as const, value: 4 }],
    };
    const again = await clientA.research.previewUpload.mutate({
      uploadId: preview.upload.id,
      study: 'Czech study',
      mapping,
    });
    expect(again.report.unmappedCodes.map((c) => c.name)).not.toContain('Radost');
    expect(again.report.counts.study_observation).toBeGreaterThan(0);
    const before = await footprint(api.handle);
    const committed = await clientA.research.commitUpload.mutate({
      uploadId: preview.upload.id,
      study: 'Czech study',
      mapping,
    });
    expect(committed.report.status).toBe('imported');
    const after = await footprint(api.handle);
    expect(after.study).toBe(before.study + 1);
    expect(after.audit_event).toBe(before.audit_event + 1);
    const study = await api.handle.db
      .selectFrom('study')
      .selectAll()
      .where('id', '=', committed.studyId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(study.mapping ?? 'null').codes).toEqual([
      expect.objectContaining({ guid: radost?.guid, indicator: 'shares_lived_experience' }),
    ]);
    const event = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'study.import')
      .where('entity_id', '=', committed.studyId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.details as unknown as string)).toMatchObject({
      via: 'api',
      file: 'rozhovory.qdpx',
    });
    expect(await uploads().count()).toBe(0);
    // The saved mapping is the study's: the next preview into it starts from it.
    const next = await previewOf(await upload(jarA, syntheticQdpx(convention), 'again.qdpx', 'Czech study'));
    expect(next.report.status).toBe('already_imported');
    expect(next.mapping.codes).toHaveLength(1);
    await clientA.research.discardUpload.mutate({ uploadId: next.upload.id });
  });

  it('refuses a zip bomb with a clear error, writing nothing and keeping no file', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const bomb = buildZip([
      { name: 'project.qde', data: Buffer.from('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>') },
      { name: 'sources/big.txt', data: zeros, compressed: deflateRawSync(zeros, { level: 9 }) },
    ]);
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const before = await footprint(api.handle);
    const response = await upload(jarA, bomb, 'bomb.qdpx', 'Bomb study');
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/bomb\.qdpx.*zip bomb/);
    expect(error.message).not.toContain(uploadDir);
    expect(await footprint(api.handle)).toEqual(before);
    expect(await uploads().count()).toBe(0);
  });

  it('refuses an upload over the size limit with 413, naming the limit, writing nothing', async () => {
    const before = await footprint(api.handle);
    const response = await upload(jarA, Buffer.alloc(MAX_BYTES + 1, 0x41), 'huge.csv', 'Huge study');
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.message).toContain(`huge.csv: the file is larger than ${MAX_BYTES} bytes`);
    expect(await footprint(api.handle)).toEqual(before);
    expect(await uploads().count()).toBe(0);
  });

  it('refuses a truncated .qdpx with a clear error, writing nothing', async () => {
    const whole = syntheticQdpx(convention);
    const before = await footprint(api.handle);
    const response = await upload(
      jarA,
      whole.subarray(0, Math.floor(whole.length / 2)),
      'cut.qdpx',
      'Cut study',
    );
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toMatch(/cut\.qdpx.*not a readable zip archive/);
    expect(await footprint(api.handle)).toEqual(before);
    expect(await uploads().count()).toBe(0);
  });

  it('keeps nothing of a transfer cut off before its declared length', async () => {
    const before = await footprint(api.handle);
    const url = new URL(`${api.baseUrl}/api/studies/uploads?study=Cut&fileName=cut.qdpx`);
    const req = request(url, {
      method: 'POST',
      headers: {
        cookie: jarA.header(),
        'content-type': 'application/octet-stream',
        'content-length': '100000',
      },
    });
    req.on('error', () => undefined);
    req.write(syntheticQdpx(convention).subarray(0, 2000));
    // The server has started spooling the upload (its folder exists) before the client goes away.
    await expect.poll(() => uploads().count()).toBe(1);
    req.destroy();
    await expect.poll(() => uploads().count()).toBe(0);
    expect(await footprint(api.handle)).toEqual(before);
  });

  it('refuses a file the import cannot read by its name, before reading it', async () => {
    const response = await upload(jarA, Buffer.from('hello'), 'notes.pdf', 'Pdf study');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('notes.pdf');
    expect(await uploads().count()).toBe(0);
  });

  it("answers another researcher's upload as not found, and refuses a supervisor", async () => {
    const preview = await previewOf(await upload(jarA, syntheticQdpx(convention), 'mine.qdpx', 'Mine'));
    await expect(
      clientB.research.commitUpload.mutate({ uploadId: preview.upload.id, study: 'Mine' }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    expect(
      (
        await fetch(`${api.baseUrl}/api/studies/uploads/${preview.upload.id}`, {
          method: 'DELETE',
          headers: { cookie: jarB.header() },
        })
      ).status,
    ).toBe(404);
    expect((await upload(jarSupervisor, syntheticQdpx(convention), 'x.qdpx', 'X')).status).toBe(403);
    expect((await upload(new CookieJar(), syntheticQdpx(convention), 'x.qdpx', 'X')).status).toBe(401);
    // Still there for its owner.
    await clientA.research.discardUpload.mutate({ uploadId: preview.upload.id });
    expect(await uploads().count()).toBe(0);
  });

  it('lets two researchers import at once; both succeed', async () => {
    const [pa, pb] = await Promise.all([
      upload(jarA, syntheticQdpx(convention), 'a.qdpx', 'Concurrent A').then(previewOf),
      upload(jarB, syntheticQdpx(convention), 'b.qdpx', 'Concurrent B').then(previewOf),
    ]);
    const [ca, cb] = await Promise.all([
      clientA.research.commitUpload.mutate({ uploadId: pa.upload.id, study: 'Concurrent A' }),
      clientB.research.commitUpload.mutate({ uploadId: pb.upload.id, study: 'Concurrent B' }),
    ]);
    expect([ca.report.status, cb.report.status]).toEqual(['imported', 'imported']);
    expect(ca.report.counts.coded_segment).toBe(cb.report.counts.coded_segment);
  });

  it('downloads exports: JSON, each CSV table and qdpx, pseudonymised with a key; audited', async () => {
    const studies = await clientA.research.studies.query();
    const czech = studies.items.find((s) => s.name === 'Czech study');
    expect(czech).toBeDefined();
    const get = (query: string, jar = jarA, headers: Record<string, string> = {}) =>
      fetch(`${api.baseUrl}/api/studies/${czech?.id}/export?${query}`, {
        headers: { cookie: jar.header(), ...headers },
      });
    const json = await get('format=json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toContain('Czech-study.json');
    expect(((await json.json()) as { study: { name: string } }).study.name).toBe('Czech study');
    for (const table of ['segments', 'participants', 'codes']) {
      const csv = await get(`format=csv&table=${table}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
    }
    const plain = await zipEntries(Buffer.from(await (await get('format=qdpx')).arrayBuffer()));
    expect(plain.get('project.qde')?.toString('utf8')).toContain('Účastnice A');
    // The one rendering of an export (ADR 0029, as the CLI's): the imported project's own origin is kept.
    expect(plain.get('project.qde')?.toString('utf8')).toContain('origin="test generator"');
    const key = Buffer.from('a-synthetic-key-of-32-bytes-0123\n').toString('base64');
    const pseudo = await get('format=qdpx', jarA, { 'x-peerbridge-pseudonym-key': key });
    expect(pseudo.status).toBe(200);
    expect(pseudo.headers.get('content-disposition')).toContain('-pseudonymised.qdpx');
    const xml = (await zipEntries(Buffer.from(await pseudo.arrayBuffer())))
      .get('project.qde')
      ?.toString('utf8');
    expect(xml).not.toContain('Účastnice A');
    expect(xml).toMatch(/P-[0-9a-f]{16}/);
    const short = await get('format=qdpx', jarA, {
      'x-peerbridge-pseudonym-key': Buffer.from('short').toString('base64'),
    });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).message).toContain('at least 16 bytes');
    const exports = await api.handle.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'study.export')
      .where('entity_id', '=', czech?.id ?? '')
      .execute();
    expect(exports).toHaveLength(6);
    expect(JSON.stringify(exports)).not.toContain('a-synthetic-key');
  });

  it("answers another researcher's study as not found, and audits the refusal", async () => {
    const czech = (await clientA.research.studies.query()).items.find((s) => s.name === 'Czech study');
    const response = await fetch(`${api.baseUrl}/api/studies/${czech?.id}/export?format=json`, {
      headers: { cookie: jarB.header() },
    });
    expect(response.status).toBe(404);
    const refusal = await api.handle.db
      .selectFrom('audit_event')
      .select(['details', 'actor_user_id'])
      .where('action', '=', 'access.refused')
      .where('entity_id', '=', czech?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(refusal.actor_user_id).toBe(b.users.researcher.id);
  });
});

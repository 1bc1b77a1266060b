/** The upload store on its own (no database): safe names, the size limit while streaming, and whose an upload is. */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createStudyUploads, uploadFileName } from './study-uploads';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-upload-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const researcher: Actor = { userId: 'r-1', organizationId: 'org-a', roles: ['researcher'] };
const colleague: Actor = { userId: 'r-2', organizationId: 'org-a', roles: ['researcher'] };
const sameUserOtherOrg: Actor = { userId: 'r-1', organizationId: 'org-b', roles: ['researcher'] };
const supervisor: Actor = { userId: 's-1', organizationId: 'org-a', roles: ['supervisor'] };

async function* chunks(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('study uploads', () => {
  it('keeps only a safe base name with an extension the import reads', () => {
    expect(uploadFileName('../../etc/passwd.qdpx')).toBe('passwd.qdpx');
    expect(uploadFileName('C:\\Users\\x\\Rozhovory 2024.QDPX')).toBe('Rozhovory 2024.qdpx');
    expect(uploadFileName('a<b>|c.json')).toBe('a_b_c.json');
    expect(uploadFileName('...qde')).toBe('upload.qde');
    expect(() => uploadFileName('.qde')).toThrow(/\.qde/);
    expect(() => uploadFileName('notes.pdf')).toThrow(/notes\.pdf/);
    expect(uploadFileName('Rozhovor 03.DOCX')).toBe('Rozhovor 03.docx');
    expect(() => uploadFileName('project.qdpx.exe')).toThrow(/expected|cannot import/);
  });

  it('refuses a body over the limit while streaming and keeps nothing of it', async () => {
    const uploads = createStudyUploads({ dir: join(dir, 'limit'), limits: { maxBytes: 10 } });
    await expect(
      uploads.receive(researcher, chunks('12345', '67890', 'x'), {
        fileName: 'big.csv',
        declaredBytes: null,
      }),
    ).rejects.toMatchObject({ code: 'too_large', message: 'the file is larger than 10 bytes' });
    await expect(
      uploads.receive(researcher, chunks('1'), { fileName: 'big.csv', declaredBytes: 11 }),
    ).rejects.toMatchObject({ code: 'too_large' });
    await expect(
      uploads.receive(researcher, chunks('123'), { fileName: 'short.csv', declaredBytes: 5 }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('after 3 of 5 bytes'),
    });
    expect(await uploads.count()).toBe(0);
  });

  it('is its uploader’s alone, in their organisation, and private on disk', async () => {
    const uploads = createStudyUploads({ dir: join(dir, 'own') });
    const upload = await uploads.receive(researcher, chunks('participant,setting\nP1,community\n'), {
      fileName: 'p.csv',
      declaredBytes: null,
    });
    expect(upload.bytes).toBe(33);
    expect(upload.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const other of [colleague, sameUserOtherOrg])
      await expect(uploads.open(other, upload.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(uploads.discard(colleague, upload.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(uploads.open(supervisor, upload.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(uploads.open(researcher, '../own')).rejects.toMatchObject({ code: 'not_found' });
    const { file } = await uploads.open(researcher, upload.id);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'own', upload.id)).mode & 0o777).toBe(0o700);
    await uploads.discard(researcher, upload.id);
    expect(readdirSync(join(dir, 'own'))).toEqual([]);
  });

  it('refuses a non-researcher before reading a byte', async () => {
    const uploads = createStudyUploads({ dir: join(dir, 'role') });
    await expect(
      uploads.receive(supervisor, chunks('x'), { fileName: 'p.csv', declaredBytes: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await uploads.count()).toBe(0);
  });
});

/** Tests that malformed, hostile or inconsistent input fails with the right typed error and a clear message. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RefiQdaError, type RefiQdaErrorCode } from './errors';
import { readProject } from './project-reader';
import { buildZip } from './test-support/raw-zip';
import { IDS, SOURCE1_TEXT, syntheticQde, syntheticQdpx } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('hostile');
const SPEC = { unit: 'codePoint', crlf: 2, bomCounted: false } as const;

function file(name: string, data: string | Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, data);
  return path;
}

async function rejection(promise: Promise<unknown>, code: RefiQdaErrorCode): Promise<RefiQdaError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(RefiQdaError);
    const e = err as RefiQdaError;
    expect({ code: e.code, message: e.message }).toMatchObject({ code });
    return e;
  }
  throw new Error(`expected a ${code} error, but reading succeeded`);
}

const qdpxWith = (entries: { name: string; data: Buffer }[]) => buildZip(entries);
const sourceEntry = (data: Buffer) => ({ name: `sources/${IDS.source1}.txt`, data });

describe('malformed and structurally wrong XML', () => {
  it('reports an unclosed element with file, line and column', async () => {
    const path = file('broken.qde', '<?xml version="1.0"?>\n<Project name="x">\n  <Users>\n</Project>\n');
    const err = await rejection(readProject(path), 'malformed_xml');
    expect(err.message).toContain('broken.qde:4:');
    expect(err.location.line).toBe(4);
    expect(err.message).toMatch(/not well-formed XML/);
  });

  it('names the zip entry when the XML inside a .qdpx is broken', async () => {
    const path = file(
      'broken.qdpx',
      qdpxWith([{ name: 'project.qde', data: Buffer.from('<Project name="a"><Users') }]),
    );
    const err = await rejection(readProject(path), 'malformed_xml');
    expect(err.message).toContain('broken.qdpx!project.qde');
  });

  it('rejects a wrong root element, naming it and its line', async () => {
    const path = file(
      'codebook.qde',
      '<?xml version="1.0"?>\n\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
    );
    const err = await rejection(readProject(path), 'invalid_structure');
    expect(err.message).toContain('<CodeBook>');
    expect(err.message).toContain('expected <Project>');
    expect(err.location.line).toBe(3);
  });

  it('rejects a Code without guid, naming the element and line', async () => {
    const xml =
      '<Project name="p">\n<CodeBook><Codes>\n<Code name="bez guid" isCodable="true"/>\n</Codes></CodeBook></Project>';
    const err = await rejection(readProject(file('noguid.qde', xml)), 'missing_attribute');
    expect(err.message).toContain('<Code>');
    expect(err.message).toContain('"guid"');
    expect(err.location).toMatchObject({ element: 'Code', line: 3 });
  });

  it('rejects a non-numeric position', async () => {
    const xml = syntheticQde(SPEC).replace(/startPosition="\d+"/, 'startPosition="abc"');
    const err = await rejection(readProject(file('nan.qde', xml)), 'invalid_structure');
    expect(err.message).toContain('startPosition');
    expect(err.location.element).toBe('PlainTextSelection');
  });

  it('rejects an empty file', async () => {
    await rejection(readProject(file('empty.qde', '')), 'malformed_xml');
  });
});

describe('hostile XML', () => {
  it('refuses an XXE attempt (DOCTYPE with an external entity)', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project name="&xxe;"/>';
    const err = await rejection(readProject(file('xxe.qde', xml)), 'unsafe_xml');
    expect(err.message).toMatch(/DOCTYPE/);
    expect(err.message).not.toContain('root:');
  });

  it('refuses entity expansion (billion laughs)', async () => {
    const defs = ['<!ENTITY a0 "haha">'];
    for (let i = 1; i < 10; i++) defs.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE Project [${defs.join('')}]><Project name="&a9;"/>`;
    await rejection(readProject(file('laughs.qde', xml)), 'unsafe_xml');
  });

  it('treats an undeclared entity as malformed', async () => {
    await rejection(readProject(file('entity.qde', '<Project name="&secret;"/>')), 'malformed_xml');
  });

  it('refuses pathological nesting depth', async () => {
    const xml = `<Project name="d"><Description>${'<b>'.repeat(300)}${'</b>'.repeat(300)}</Description></Project>`;
    const err = await rejection(readProject(file('deep.qde', xml)), 'unsafe_xml');
    expect(err.message).toMatch(/maxXmlDepth/);
  });
});

describe('encoding', () => {
  it('rejects a Latin-1 source text, naming the entry and byte', async () => {
    const latin1 = Buffer.from('Caf\xe9 au lait, na\xefve\r\n', 'latin1');
    const path = file(
      'latin1.qdpx',
      qdpxWith([{ name: 'project.qde', data: Buffer.from(syntheticQde(SPEC)) }, sourceEntry(latin1)]),
    );
    const err = await rejection(readProject(path), 'bad_encoding');
    expect(err.message).toContain(`latin1.qdpx!sources/${IDS.source1}.txt`);
    expect(err.message).toContain('byte 3');
  });

  it('rejects Latin-1 bytes in the project XML', async () => {
    const xml = Buffer.from('<?xml version="1.0"?>\n<Project name="Caf\xe9"/>', 'latin1');
    const err = await rejection(readProject(file('latin1.qde', xml)), 'bad_encoding');
    expect(err.message).toContain('latin1.qde');
    expect(err.message).toMatch(/invalid UTF-8 at byte 40 \(line 2\)/);
  });

  it('finds a bad byte deep in a multi-chunk XML stream, with the right offset and line', async () => {
    // 300 000 two-byte characters span several read chunks and split sequences across chunk ends.
    const head = `<?xml version="1.0"?>\n<Project name="p">\n<Description>${'ř'.repeat(300_000)}`;
    const xml = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0xe9]),
      Buffer.from('</Description></Project>'),
    ]);
    const err = await rejection(readProject(file('deep-latin1.qde', xml)), 'bad_encoding');
    expect(err.message).toContain(`at byte ${Buffer.byteLength(head)} (line 3)`);
  });

  it('rejects XML that declares another encoding', async () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Project name="x"/>';
    const err = await rejection(readProject(file('declared.qde', xml)), 'bad_encoding');
    expect(err.message).toContain('ISO-8859-1');
  });

  it('rejects a UTF-16 source text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SOURCE1_TEXT, 'utf16le')]);
    const path = file(
      'utf16.qdpx',
      qdpxWith([{ name: 'project.qde', data: Buffer.from(syntheticQde(SPEC)) }, sourceEntry(utf16)]),
    );
    const err = await rejection(readProject(path), 'bad_encoding');
    expect(err.message).toMatch(/UTF-16LE/);
  });
});

describe('damaged and hostile zips', () => {
  const good = syntheticQdpx(SPEC);

  it('reports a truncated .qdpx as invalid_zip', async () => {
    const err = await rejection(
      readProject(file('truncated.qdpx', good.subarray(0, Math.floor(good.length / 2)))),
      'invalid_zip',
    );
    expect(err.message).toContain('truncated.qdpx');
    expect(err.message).toMatch(/complete zip/);
  });

  it('reports a .qdpx that is not a zip at all', async () => {
    await rejection(readProject(file('fake.qdpx', '<Project name="x"/>')), 'invalid_zip');
  });

  it('reports damaged compressed data', async () => {
    const zip = Buffer.from(good);
    // Overwrite bytes in the middle of the first entry's deflate stream.
    zip.fill(0xff, 60, 120);
    await rejection(readProject(file('damaged.qdpx', zip)), 'invalid_zip');
  });

  it('reports an entry whose CRC does not match', async () => {
    const path = file(
      'crc.qdpx',
      buildZip([
        { name: 'project.qde', data: Buffer.from('<Project name="x"/>'), method: 'store', crc: 12345 },
      ]),
    );
    const err = await rejection(readProject(path), 'invalid_zip');
    expect(err.message).toMatch(/CRC-32/);
  });

  it('reports a zip without a .qde as missing_project', async () => {
    const path = file('noproject.qdpx', qdpxWith([{ name: 'readme.txt', data: Buffer.from('nic') }]));
    const err = await rejection(readProject(path), 'missing_project');
    expect(err.message).toContain('readme.txt');
  });

  it('refuses entries with parent-relative or absolute paths', async () => {
    const traversal = file(
      'traversal.qdpx',
      qdpxWith([
        { name: 'project.qde', data: Buffer.from('<Project name="x"/>') },
        { name: '../evil.txt', data: Buffer.from('x') },
      ]),
    );
    expect((await rejection(readProject(traversal), 'unsafe_zip')).message).toContain('../evil.txt');
    const absolute = file(
      'absolute.qdpx',
      qdpxWith([
        { name: 'project.qde', data: Buffer.from('<Project name="x"/>') },
        { name: '/etc/evil', data: Buffer.from('x') },
      ]),
    );
    await rejection(readProject(absolute), 'unsafe_zip');
  });

  it('refuses a source path that climbs out of the sources folder', async () => {
    const xml = syntheticQde(SPEC, 'internal://../../etc/passwd');
    const path = file('climb.qdpx', qdpxWith([{ name: 'project.qde', data: Buffer.from(xml) }]));
    const err = await rejection(readProject(path), 'unsafe_path');
    expect(err.message).toContain('internal://../../etc/passwd');
  });

  describe('zip bombs', () => {
    // 64 MiB of zeros deflates to about 64 KiB: a ratio of roughly 1000.
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = deflateRawSync(zeros, { level: 9 });
    const project = { name: 'project.qde', data: Buffer.from(syntheticQde(SPEC)) };
    const bombEntry = (declaredSize: number) => ({
      name: `sources/${IDS.source1}.txt`,
      data: zeros,
      compressed: bomb,
      declaredSize,
    });

    it('refuses a highly compressible entry from its header, before inflating anything', async () => {
      const path = file('bomb-ratio.qdpx', buildZip([project, bombEntry(zeros.length)]));
      const err = await rejection(readProject(path), 'unsafe_zip');
      expect(err.message).toMatch(/zip bomb/);
      expect(err.message).toContain(`sources/${IDS.source1}.txt`);
    });

    it('stops a bomb that lies about its size as soon as it inflates past the declared size', async () => {
      const path = file('bomb-lying.qdpx', buildZip([project, bombEntry(1000)]));
      const err = await rejection(readProject(path), 'unsafe_zip');
      // Behaviour, not time (tests never assert timings): the refusal names the entry and the size it declared.
      expect(err.message).toMatch(/declares/);
      expect(err.message).toContain(`sources/${IDS.source1}.txt`);
      expect(err.message).toContain('1000');
    });

    it('applies the configurable per-entry size limit', async () => {
      const path = file('big.qdpx', syntheticQdpx(SPEC));
      const err = await rejection(readProject(path, { limits: { maxEntryBytes: 100 } }), 'unsafe_zip');
      expect(err.message).toMatch(/maxEntryBytes/);
    });

    it('applies the entry-count limit', async () => {
      const path = file('many.qdpx', syntheticQdpx(SPEC));
      const err = await rejection(readProject(path, { limits: { maxEntries: 1 } }), 'unsafe_zip');
      expect(err.message).toMatch(/2 entries/);
    });

    it('applies the source text limit while inflating', async () => {
      const path = file('srclimit.qdpx', syntheticQdpx(SPEC));
      const err = await rejection(readProject(path, { limits: { maxSourceTextBytes: 50 } }), 'unsafe_zip');
      expect(err.message.toLowerCase()).toContain(`sources/${IDS.source1}.txt`);
    });
  });
});

describe('inconsistent content', () => {
  it('rejects duplicate GUIDs, naming both places (case and braces do not hide a duplicate)', async () => {
    const xml = `<Project name="dup">
<CodeBook><Codes>
<Code guid="${IDS.joy}" name="A" isCodable="true"/>
<Code guid="{${IDS.joy.toUpperCase()}}" name="B" isCodable="true"/>
</Codes></CodeBook></Project>`;
    const err = await rejection(readProject(file('dup.qde', xml)), 'duplicate_guid');
    expect(err.message).toContain('<Code> at line 3');
    expect(err.message).toContain('<Code> at line 4');
    expect(err.message).toContain(IDS.joy);
  });

  it('rejects a selection beyond the text, naming source, selection and file', async () => {
    const xml = syntheticQde(SPEC).replace(/endPosition="\d+"/, 'endPosition="5000"');
    const path = file(
      'range.qdpx',
      qdpxWith([{ name: 'project.qde', data: Buffer.from(xml) }, sourceEntry(Buffer.from(SOURCE1_TEXT))]),
    );
    const err = await rejection(readProject(path), 'selection_out_of_range');
    expect(err.message).toContain(IDS.source1);
    expect(err.message).toContain('00000000-0000-4000-8000-000000000064');
    expect(err.message).toContain('range.qdpx!sources/');
  });

  it('rejects a negative or reversed selection at parse time', async () => {
    const xml = syntheticQde(SPEC).replace(/startPosition="\d+"/, 'startPosition="-3"');
    const err = await rejection(readProject(file('negative.qde', xml)), 'selection_out_of_range');
    expect(err.location.element).toBe('PlainTextSelection');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DomainValidationError } from '../../errors';
import { type Codebook, codebook } from './codebook';
import { codebookToQdcXml } from './qdc-xml';

const xsd = readFileSync(
  fileURLToPath(new URL('../../../test/fixtures/Codebook.xsd', import.meta.url)),
  'utf8',
);

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'codebook.qdc', contents: xml }],
    schema: [{ fileName: 'Codebook.xsd', contents: xsd }],
  });
}

describe('codebookToQdcXml', () => {
  it('writes a codebook that libxml2 validates against the REFI-QDA Codebook.xsd', async () => {
    for (const locale of ['en', 'cs'] as const) {
      const result = await validate(codebookToQdcXml(codebook({ locale })));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('puts every code with its GUID, name, codability and colour, and the description first', () => {
    const xml = codebookToQdcXml(codebook());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="PeerBridge">',
      ),
    ).toBe(true);
    expect(xml).toMatch(
      /<Code guid="[0-9a-f-]{36}" name="Roles" isCodable="false" color="#000000">\n\s+<Description>/,
    );
    expect(xml.match(/<Code /g)).toHaveLength(34 + 5 + 4 + 2);
    expect(xml.endsWith('</CodeBook>\n')).toBe(true);
  });

  it('escapes markup in names and descriptions and still validates', async () => {
    const book: Codebook = {
      ...codebook(),
      codes: [
        {
          guid: '00000000-0000-5000-8000-000000000001',
          name: 'Tom & "Jerry" <cats>',
          description: "line one\nline two's end",
          color: '#ABCDEF',
          isCodable: true,
          indicatorId: null,
          groupId: null,
          children: [],
        },
      ],
    };
    const xml = codebookToQdcXml(book, { origin: 'Test & Co' });
    expect(xml).toContain('name="Tom &amp; &quot;Jerry&quot; &lt;cats&gt;"');
    expect(xml).toContain('origin="Test &amp; Co"');
    expect((await validate(xml)).valid).toBe(true);
  });

  it('detects a file the schema would refuse before writing it', () => {
    const bad = { ...codebook(), codes: [{ ...codebook().codes[0]!, color: 'red' }] };
    expect(() => codebookToQdcXml(bad)).toThrow(/codes\.0\.color: expected a colour as #RRGGBB/);
    const dup = { ...codebook(), codes: [codebook().codes[0]!, codebook().codes[0]!] };
    expect(() => codebookToQdcXml(dup)).toThrow(DomainValidationError);
    expect(() => codebookToQdcXml({ ...codebook(), codes: [] })).toThrow(/at least one code/);
  });

  it('shows the validator is not lenient: files that break the schema fail', async () => {
    const xml = codebookToQdcXml(codebook());
    expect((await validate(xml.replace('isCodable="false"', 'isCodable="maybe"'))).valid).toBe(false);
    expect((await validate(xml.replace('color="#000000"', 'color="black"'))).valid).toBe(false);
    const descriptionAfterChild = xml.replace(
      /(\n\s+<Description>[^<]*<\/Description>)(\n\s+<Code [^>]*>\n\s+<Description>[^<]*<\/Description>)/,
      '$2$1',
    );
    expect(descriptionAfterChild).not.toBe(xml);
    expect((await validate(descriptionAfterChild)).valid).toBe(false);
  });
});

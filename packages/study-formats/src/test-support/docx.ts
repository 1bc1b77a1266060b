/**
 * Test helper: a minimal synthetic Word document (.docx), built byte by byte with the zip writer of the
 * refi-qda test support: the three parts Word needs ([Content_Types].xml, the package relationship,
 * word/document.xml), one `<w:p>` per paragraph. No real document is ever used.
 */
import { buildZip, type RawEntry } from '@peerbridge/refi-qda/testing';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** word/document.xml with one paragraph per string (an empty string is an empty paragraph). */
function documentXml(paragraphs: readonly string[]): string {
  const body = paragraphs
    .map((p) =>
      p === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

/** The bytes of a .docx holding `paragraphs`; `parts` replaces or adds entries (a broken document). */
export function docxOf(paragraphs: readonly string[], parts: Record<string, string | null> = {}): Buffer {
  const entries = new Map<string, string | null>([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['word/document.xml', documentXml(paragraphs)],
  ]);
  for (const [name, data] of Object.entries(parts)) entries.set(name, data);
  const zip: RawEntry[] = [];
  for (const [name, data] of entries) if (data !== null) zip.push({ name, data: Buffer.from(data, 'utf8') });
  return buildZip(zip);
}

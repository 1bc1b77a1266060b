/**
 * Test helper: a synthetic .qdpx with the quirks of the real NVivo for Mac 15 export (which is AGPL and so
 * stays out of the repo): users with an `id` attribute, a deep code tree of 262 codes in which the same name
 * stands under different parents, a lowercase `sources/` folder with a `sources/.root` entry, and text
 * sources that each come as a .docx and a 1-byte .txt (`\n`), with no selections.
 */

import { buildZip } from './raw-zip';

export const NVIVO_LIKE = {
  origin: 'NVivo for Mac 15.0.0',
  codeCount: 262,
  users: [
    { guid: '00000000-0000-4000-8000-00000000aa01', name: 'coder-one', id: 'C1' },
    { guid: '00000000-0000-4000-8000-00000000aa02', name: 'coder-two', id: 'C2' },
  ],
  sources: ['00000000-0000-4000-8000-00000000bb01', '00000000-0000-4000-8000-00000000bb02'],
} as const;

const codeGuid = (n: number) => `00000000-0000-4000-8000-${(0xc000 + n).toString(16).padStart(12, '0')}`;

/** 2 research questions × 6 themes × 20 leaves (+ the 2 roots, 12 themes, 8 `other` leaves) = 262 codes. */
function codebookXml(): string {
  let n = 0;
  const code = (name: string, children = '') =>
    `<Code guid="${codeGuid(n++)}" isCodable="true" name="${name}"${children ? `>${children}</Code>` : '/>'}`;
  const rq = (r: number) => {
    let themes = '';
    for (let t = 0; t < 6; t++) {
      let leaves = '';
      for (let l = 0; l < 20; l++) leaves += code(`rq${r}_theme${t}_leaf${l}`);
      // The same leaf name under different parents, as NVivo allows.
      if (t < 4) leaves += code('other');
      themes += code(t === 0 ? 'competencies' : `theme_${t}`, leaves);
    }
    return code(`rq${r}_definition`, themes);
  };
  const xml = rq(1) + rq(2);
  if (n !== NVIVO_LIKE.codeCount) throw new Error(`built ${n} codes, expected ${NVIVO_LIKE.codeCount}`);
  return xml;
}

export function nvivoLikeQde(): string {
  const [u1, u2] = NVIVO_LIKE.users;
  const users = NVIVO_LIKE.users
    .map((u) => `<User guid="${u.guid}" id="${u.id}" name="${u.name}"/>`)
    .join('');
  const sources = NVIVO_LIKE.sources
    .map(
      (g, i) =>
        `<TextSource creatingUser="${u1.guid}" creationDateTime="2024-09-15T15:36:47Z" guid="${g}" modifiedDateTime="2024-09-15T15:36:47Z" modifyingUser="${u2.guid}" name="source-${i + 1}" plainTextPath="internal://${g}.txt" richTextPath="internal://${g}.docx"/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?><Project basePath="" creatingUserGUID="${u1.guid}" creationDateTime="2024-09-15T15:36:45Z" modifiedDateTime="2024-09-15T15:36:51Z" modifyingUserGUID="${u1.guid}" name="synthetic nested project" origin="${NVIVO_LIKE.origin}" xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 Project.xsd"><Users>${users}</Users><CodeBook><Codes>${codebookXml()}</Codes></CodeBook><Sources>${sources}</Sources></Project>`;
}

/** The project as .qdpx bytes, laid out as NVivo for Mac writes it. */
export function nvivoLikeQdpx(): Buffer {
  const fakeDocx = Buffer.from('PK\u0003\u0004 synthetic docx placeholder', 'latin1');
  return buildZip([
    ...NVIVO_LIKE.sources.flatMap((g) => [
      { name: `sources/${g}.docx`, data: fakeDocx },
      { name: `sources/${g}.txt`, data: Buffer.from('\n') },
    ]),
    { name: 'sources/.root', data: Buffer.alloc(0) },
    { name: 'project.qde', data: Buffer.from(nvivoLikeQde(), 'utf8') },
  ]);
}

/**
 * Test support: a synthetic REFI-QDA project whose every name is a canary (a made-up word holding
 * `canary`): case names, document names, identifying variables, a variable name, coders (one an
 * e-mail address), a code name, code descriptions, notes, source descriptions, and inside the texts
 * in other spellings (upper case, possessive, decomposed accents, split over a line break).
 * A pseudonymised export or import must leave no `canary` in any byte.
 */
import { buildZip } from './raw-zip';

/** Every canary word: any of them, in any case, anywhere in an output is a leak. */
export const CANARY = /canary/i;

const g = (n: number) => `00000000-0000-4000-8000-${(0xc000 + n).toString(16).padStart(12, '0')}`;

export const CANARY_IDS = {
  coderA: g(1),
  coderB: g(2),
  stress: g(10),
  conflict: g(11),
  support: g(12),
  fullName: g(20),
  email: g(21),
  age: g(22),
  gender: g(23),
  tenure: g(24),
  setting: g(25),
  score: g(26),
  case1: g(30),
  case2: g(31),
  source1: g(40),
  source2: g(41),
  projectNote: g(50),
  codeNote: g(51),
} as const;

export const CANARY_NAMES = {
  case1: 'Zyxcanary Qworvel',
  case2: 'Žofcanary Řehoř',
  document1: 'Interview with Zyxcanary Qworvel.txt',
  document2: 'Dorcanary_Vlk_2024.txt',
  coderA: 'Mabcanary Coderova',
  coderB: 'jobcanary.smith@example.org',
  conflictCode: 'Conflict with Zyxcanary',
} as const;

export const CANARY_TEXT_1 =
  "Zyxcanary Qworvel said: I work with ZYXCANARY's team. Fencanary Realname is my legal name; " +
  'mail tixcanary@example.org. Mabcanary Coderova asked the questions. zyxcanary   qworvel laughed.\n' +
  'Qworvel again. The coder jobcanary.smith@example.org noted it. Dorcanary was there.\n';

/** The second case's name in decomposed (NFD) form, and split over a line break. */
export const CANARY_TEXT_2 =
  `${'Žofcanary'.normalize('NFD')} Řehoř works on a ward. Gilcanary Stone is a friend. Hexcanary helps. ` +
  'Interview with Zyxcanary Qworvel is another file. Name: hexcanary.w@example.org. Žofcanary\nŘehoř smiled. ' +
  'Dorcanary_Vlk_2024 mentioned.\n';

/** A selection by its phrase (and which occurrence), or by a sub-range of a phrase. */
interface SelectionSpec {
  guid: string;
  text: string;
  phrase: string;
  /** Characters to cut from the phrase's start / end (a selection starting or ending inside a name). */
  cutStart?: number;
  cutEnd?: number;
  code: string;
  selectionUser: string;
  codingUser: string;
}

export const CANARY_SELECTIONS: SelectionSpec[] = [
  {
    guid: g(100),
    text: CANARY_TEXT_1,
    phrase: 'Zyxcanary Qworvel said',
    code: g(10),
    selectionUser: g(1),
    codingUser: g(1),
  },
  {
    guid: g(101),
    text: CANARY_TEXT_1,
    phrase: "ZYXCANARY's team",
    cutStart: 3,
    code: g(11),
    selectionUser: g(2),
    codingUser: g(2),
  },
  {
    guid: g(102),
    text: CANARY_TEXT_1,
    phrase: 'Fencanary Realname is my legal name',
    code: g(12),
    selectionUser: g(1),
    codingUser: g(2),
  },
  {
    guid: g(103),
    text: CANARY_TEXT_1,
    phrase: 'asked the questions',
    code: g(10),
    selectionUser: g(2),
    codingUser: g(2),
  },
  {
    guid: g(104),
    text: CANARY_TEXT_1,
    phrase: 'noted it. Dorcanary',
    cutEnd: 4,
    code: g(12),
    selectionUser: g(1),
    codingUser: g(1),
  },
  {
    guid: g(105),
    text: CANARY_TEXT_2,
    phrase: 'works on a ward',
    code: g(10),
    selectionUser: g(1),
    codingUser: g(1),
  },
  {
    guid: g(106),
    text: CANARY_TEXT_2,
    phrase: 'Gilcanary Stone is a friend',
    code: g(11),
    selectionUser: g(2),
    codingUser: g(2),
  },
];

/** [start, end) of a selection in UTF-16 code units (the texts hold no characters outside the BMP). */
export function selectionRange(s: SelectionSpec): { start: number; end: number } {
  const at = s.text.indexOf(s.phrase);
  if (at < 0) throw new Error(`phrase not in text: ${s.phrase}`);
  return { start: at + (s.cutStart ?? 0), end: at + s.phrase.length - (s.cutEnd ?? 0) };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function selectionsXml(text: string): string {
  return CANARY_SELECTIONS.filter((s) => s.text === text)
    .map((s) => {
      const { start, end } = selectionRange(s);
      return `      <PlainTextSelection guid="${s.guid}" name="Zyxcanary selection" startPosition="${start}" endPosition="${end}" creatingUser="${s.selectionUser}">
        <Description>Selection about Zyxcanary Qworvel</Description>
        <Coding guid="${s.guid.replace('-4000-', '-4001-')}" creatingUser="${s.codingUser}"><CodeRef targetGUID="${s.code}"/></Coding>
      </PlainTextSelection>`;
    })
    .join('\n');
}

function caseXml(
  guid: string,
  name: string,
  source: string,
  values: Array<[string, string, string | number]>,
) {
  const vv = values
    .map(
      ([variable, type, value]) =>
        `<VariableValue><VariableRef targetGUID="${variable}"/><${type}Value>${esc(String(value))}</${type}Value></VariableValue>`,
    )
    .join('');
  return `    <Case guid="${guid}" name="${esc(name)}"><Description>Case of Zyxcanary</Description>${vv}<SourceRef targetGUID="${source}"/></Case>`;
}

export function canaryQde(): string {
  const I = CANARY_IDS;
  const N = CANARY_NAMES;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Zyxcanary project" origin="canary generator" creatingUserGUID="${I.coderA}">
  <Users>
    <User guid="${I.coderA}" name="${esc(N.coderA)}" id="MC"/>
    <User guid="${I.coderB}" name="${esc(N.coderB)}" id="JS"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${I.stress}" name="Stress" isCodable="true"><Description>Kelcanary described this code</Description><NoteRef targetGUID="${I.codeNote}"/></Code>
      <Code guid="${I.conflict}" name="${esc(N.conflictCode)}" isCodable="true"><Description>Named after Zyxcanary Qworvel</Description></Code>
      <Code guid="${I.support}" name="Support" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${I.fullName}" name="full_name" typeOfVariable="Text"/>
    <Variable guid="${I.email}" name="email" typeOfVariable="Text"/>
    <Variable guid="${I.age}" name="age" typeOfVariable="Integer"/>
    <Variable guid="${I.gender}" name="Gender" typeOfVariable="Text"/>
    <Variable guid="${I.tenure}" name="tenure_months" typeOfVariable="Integer"/>
    <Variable guid="${I.setting}" name="setting" typeOfVariable="Text"/>
    <Variable guid="${I.score}" name="Hobcanary_score" typeOfVariable="Integer"><Description>Pemcanary score</Description></Variable>
  </Variables>
  <Cases>
${caseXml(I.case1, N.case1, I.source1, [
  [I.fullName, 'Text', 'Fencanary Realname'],
  [I.email, 'Text', 'tixcanary@example.org'],
  [I.age, 'Integer', 34],
  [I.gender, 'Text', 'female'],
  [I.tenure, 'Integer', 30],
  [I.setting, 'Text', 'community'],
  [I.score, 'Integer', 3],
])}
${caseXml(I.case2, N.case2, I.source2, [
  [I.fullName, 'Text', 'Gilcanary Stone'],
  [I.email, 'Text', 'hexcanary.w@example.org'],
  [I.age, 'Integer', 52],
  [I.gender, 'Text', 'male'],
  [I.tenure, 'Integer', 80],
  [I.setting, 'Text', 'inpatient'],
  [I.score, 'Integer', 4],
])}
  </Cases>
  <Sources>
    <TextSource guid="${I.source1}" name="${esc(N.document1)}" plainTextPath="internal://${I.source1}.txt" creatingUser="${I.coderA}">
      <Description>Transcript of Zyxcanary Qworvel</Description>
${selectionsXml(CANARY_TEXT_1)}
    </TextSource>
    <TextSource guid="${I.source2}" name="${esc(N.document2)}" plainTextPath="internal://${I.source2}.txt" creatingUser="${I.coderB}">
${selectionsXml(CANARY_TEXT_2)}
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${I.projectNote}" name="Zyxcanary memo" creatingUser="${I.coderA}"><PlainTextContent>Pemcanary memo about Zyxcanary Qworvel</PlainTextContent></Note>
    <Note guid="${I.codeNote}" name="Code memo" creatingUser="${I.coderB}"><PlainTextContent>Kelcanary code memo</PlainTextContent></Note>
  </Notes>
  <Description>Project of Zyxcanary</Description>
</Project>
`;
}

/** The canary project as .qdpx bytes: project.qde and the two source texts. */
export function canaryQdpx(): Buffer {
  return buildZip([
    { name: 'project.qde', data: Buffer.from(canaryQde(), 'utf8') },
    { name: `sources/${CANARY_IDS.source1}.txt`, data: Buffer.from(CANARY_TEXT_1, 'utf8') },
    { name: `sources/${CANARY_IDS.source2}.txt`, data: Buffer.from(CANARY_TEXT_2, 'utf8') },
  ]);
}

/** The first place in `bytes` (read as UTF-8 and as Latin-1) where a canary shows, or null. */
export function canaryIn(bytes: Buffer | string): string | null {
  const texts = typeof bytes === 'string' ? [bytes] : [bytes.toString('utf8'), bytes.toString('latin1')];
  for (const text of texts) {
    const m = CANARY.exec(text);
    if (m) return text.slice(Math.max(0, m.index - 40), m.index + 40);
  }
  return null;
}

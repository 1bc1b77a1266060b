/**
 * Test helper: a synthetic project that uses every part of the model a researcher cares about, valid against
 * Project-mrt2019.xsd: project metadata and a project memo, two coders (selections made by one, some codings by
 * the other), a code tree with colours, descriptions and code memos, source, selection and coding memos,
 * selection descriptions, variables, cases, sets of codes, sources and notes, an empty document. With `extras`
 * it also holds what the model does not keep (a PDF source with a selection, links, a graph, a selection in a
 * note), for the summary warning.
 */

import { buildZip } from './raw-zip';

const g = (n: number) => `00000000-0000-4000-8000-${(0xd000 + n).toString(16).padStart(12, '0')}`;

export const RICH = {
  coderA: g(1),
  coderB: g(2),
  folder: g(10),
  hope: g(11),
  fear: g(12),
  work: g(13),
  workSupport: g(14),
  familySupport: g(15),
  family: g(16),
  age: g(20),
  case1: g(30),
  interview: g(40),
  inlineSource: g(41),
  emptySource: g(42),
  projectMemo: g(50),
  sourceMemo: g(51),
  codeMemo: g(52),
  selectionMemo: g(53),
  codingMemo: g(54),
  set: g(60),
  pdf: g(70),
  /** Selections of the interview, in order. */
  selections: [g(100), g(101), g(102), g(103)],
} as const;

/** The interview's text: CRLF line breaks, Czech diacritics and an emoji outside the BMP. */
export const RICH_TEXT = [
  'Tazatel: Jak vypadal první týden?',
  'Respondentka: Měla jsem naději 🙂, ale i strach z práce.',
  '',
  'Respondentka: Kolegové mi pomáhali, doma mě podporovala rodina.',
]
  .join('\r\n')
  .concat('\r\n');

export const RICH_INLINE_TEXT = 'Krátká poznámka z terénu: podpora v práci funguje.';

/** Code-point position of a JS index (the spec's counting). */
function cp(text: string, jsIndex: number): number {
  return [...text.slice(0, jsIndex)].length;
}

function span(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start: cp(text, at), end: cp(text, at + phrase.length) };
}

export interface RichOptions {
  /** Add a PDF source with a selection, links, a graph and a selection inside a note (not kept by the model). */
  extras?: boolean;
}

export function richQde(options: RichOptions = {}): string {
  const R = RICH;
  const [s0, s1, s2, s3] = R.selections;
  const hope = span(RICH_TEXT, 'naději 🙂');
  const fear = span(RICH_TEXT, 'strach z práce');
  const work = span(RICH_TEXT, 'Kolegové mi pomáhali');
  const family = span(RICH_TEXT, 'doma mě podporovala rodina');
  const inline = span(RICH_INLINE_TEXT, 'podpora v práci');
  const extras = options.extras === true;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Bohatý projekt" origin="PeerBridge test generator 1.0" creatingUserGUID="${R.coderA}" creationDateTime="2025-01-10T08:00:00Z" modifyingUserGUID="${R.coderB}" modifiedDateTime="2025-02-11T09:30:00Z" basePath="">
  <Users>
    <User guid="${R.coderA}" name="Kodérka A" id="KA"/>
    <User guid="{${R.coderB.toUpperCase()}}" name="Kodér B" id="KB"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${R.folder}" name="Emoce" isCodable="false" color="#AA3300">
        <Description>Pocity respondentů</Description>
        <Code guid="${R.hope}" name="Naděje" isCodable="true" color="#00FF7F">
          <Description>Očekávání, že se věci zlepší</Description>
          <NoteRef targetGUID="${R.codeMemo}"/>
        </Code>
        <Code guid="${R.fear}" name="Strach" isCodable="true" color="#333"/>
      </Code>
      <Code guid="${R.work}" name="Práce" isCodable="false">
        <Code guid="${R.workSupport}" name="Podpora" isCodable="true"/>
      </Code>
      <Code guid="${R.family}" name="Rodina" isCodable="false">
        <Code guid="${R.familySupport}" name="Podpora" isCodable="true">
          <Description>Stejný název jako Práce &gt; Podpora, jiný kód</Description>
        </Code>
      </Code>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${R.age}" name="věk" typeOfVariable="Integer">
      <Description>Věk v letech</Description>
    </Variable>
  </Variables>
  <Cases>
    <Case guid="${R.case1}" name="Respondentka 1">
      <Description>První respondentka</Description>
      <CodeRef targetGUID="${R.hope}"/>
      <VariableValue><VariableRef targetGUID="${R.age}"/><IntegerValue>41</IntegerValue></VariableValue>
      <SourceRef targetGUID="${R.interview}"/>
      <SelectionRef targetGUID="${s0}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${R.interview}" name="Rozhovor 1" plainTextPath="internal://${R.interview}.txt" creatingUser="${R.coderA}" creationDateTime="2025-01-10T08:05:00Z" modifyingUser="${R.coderB}" modifiedDateTime="2025-01-12T10:00:00Z">
      <Description>Přepis prvního rozhovoru</Description>
      <PlainTextSelection guid="${s0}" name="naděje" startPosition="${hope.start}" endPosition="${hope.end}" creatingUser="${R.coderA}" creationDateTime="2025-01-11T10:00:00Z">
        <Description>Respondentka mluví o naději</Description>
        <Coding guid="${g(200)}" creatingUser="${R.coderA}" creationDateTime="2025-01-11T10:00:01Z">
          <CodeRef targetGUID="${R.hope}"/>
        </Coding>
        <Coding guid="${g(201)}" creatingUser="${R.coderB}" creationDateTime="2025-01-12T10:00:01Z">
          <CodeRef targetGUID="${R.hope}"/>
          <NoteRef targetGUID="${R.codingMemo}"/>
        </Coding>
        <NoteRef targetGUID="${R.selectionMemo}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${s1}" startPosition="${fear.start}" endPosition="${fear.end}" creatingUser="${R.coderA}" creationDateTime="2025-01-11T10:01:00Z">
        <Coding guid="${g(202)}" creatingUser="${R.coderB}" creationDateTime="2025-01-12T10:01:01Z">
          <CodeRef targetGUID="${R.fear}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${s2}" startPosition="${work.start}" endPosition="${work.end}" creatingUser="${R.coderB}" creationDateTime="2025-01-12T10:02:00Z">
        <Coding guid="${g(203)}" creatingUser="${R.coderB}" creationDateTime="2025-01-12T10:02:01Z">
          <CodeRef targetGUID="${R.workSupport}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${s3}" startPosition="${family.start}" endPosition="${family.end}" creatingUser="${R.coderA}" creationDateTime="2025-01-11T10:03:00Z">
        <Coding guid="${g(204)}" creatingUser="${R.coderA}" creationDateTime="2025-01-11T10:03:01Z">
          <CodeRef targetGUID="${R.familySupport}"/>
        </Coding>
      </PlainTextSelection>
      <Coding guid="${g(205)}" creatingUser="${R.coderA}" creationDateTime="2025-01-11T11:00:00Z">
        <CodeRef targetGUID="${R.work}"/>
      </Coding>
      <NoteRef targetGUID="${R.sourceMemo}"/>
      <VariableValue><VariableRef targetGUID="${R.age}"/><IntegerValue>41</IntegerValue></VariableValue>
    </TextSource>
    <TextSource guid="${R.inlineSource}" name="Poznámka z terénu">
      <PlainTextContent>${RICH_INLINE_TEXT}</PlainTextContent>
      <PlainTextSelection guid="${g(110)}" startPosition="${inline.start}" endPosition="${inline.end}" creatingUser="${R.coderB}">
        <Coding guid="${g(210)}">
          <CodeRef targetGUID="${R.workSupport}"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${R.emptySource}" name="Prázdný dokument">
      <PlainTextContent></PlainTextContent>
    </TextSource>${
      extras
        ? `
    <PDFSource guid="${R.pdf}" name="Leták" path="internal://${R.pdf}.pdf">
      <PDFSelection guid="${g(120)}" page="1" firstX="0" firstY="0" secondX="10" secondY="10" creatingUser="${R.coderA}">
        <Coding guid="${g(220)}" creatingUser="${R.coderA}"><CodeRef targetGUID="${R.hope}"/></Coding>
      </PDFSelection>
    </PDFSource>`
        : ''
    }
  </Sources>
  <Notes>
    <Note guid="${R.projectMemo}" name="Výzkumný deník" creatingUser="${R.coderA}" creationDateTime="2025-01-10T08:01:00Z">
      <Description>Deník celého projektu</Description>
      <PlainTextContent>Den 1: začínáme kódovat.&#13;
Den 2: shoda mezi kodéry.</PlainTextContent>${
    extras
      ? `
      <PlainTextSelection guid="${g(130)}" startPosition="0" endPosition="4"/>`
      : ''
  }
    </Note>
    <Note guid="${R.sourceMemo}" name="Memo k rozhovoru" creatingUser="${R.coderB}">
      <PlainTextContent>Rozhovor proběhl online.</PlainTextContent>
    </Note>
    <Note guid="${R.codeMemo}" name="Memo ke kódu Naděje">
      <PlainTextContent>Kódovat jen výslovné zmínky.</PlainTextContent>
    </Note>
    <Note guid="${R.selectionMemo}" name="Memo k úryvku">
      <PlainTextContent>Důležitý úryvek 🙂</PlainTextContent>
    </Note>
    <Note guid="${R.codingMemo}" name="Memo ke kódování" creatingUser="${R.coderB}">
      <PlainTextContent>Souhlasím s kodérkou A.</PlainTextContent>
    </Note>
  </Notes>${
    extras
      ? `
  <Links>
    <Link guid="${g(140)}" name="souvisí" direction="OneWay" originGUID="${R.hope}" targetGUID="${R.fear}"/>
    <Link guid="${g(141)}" name="vysvětluje" originGUID="${R.codeMemo}" targetGUID="${R.hope}"/>
  </Links>`
      : ''
  }
  <Sets>
    <Set guid="${R.set}" name="Podpora">
      <Description>Kódy, zdroje a mema o podpoře</Description>
      <MemberCode targetGUID="${R.workSupport}"/>
      <MemberCode targetGUID="${R.familySupport}"/>
      <MemberSource targetGUID="${R.interview}"/>
      <MemberNote targetGUID="${R.sourceMemo}"/>
    </Set>
  </Sets>${
    extras
      ? `
  <Graphs>
    <Graph guid="${g(150)}" name="Síť"/>
  </Graphs>`
      : ''
  }
  <Description>Syntetický projekt pro test úplného přenosu</Description>
  <NoteRef targetGUID="${R.projectMemo}"/>
</Project>
`;
}

/** The rich project as .qdpx bytes. */
export function richQdpx(options: RichOptions = {}): Buffer {
  return buildZip([
    { name: 'project.qde', data: Buffer.from(richQde(options), 'utf8') },
    { name: `sources/${RICH.interview}.txt`, data: Buffer.from(RICH_TEXT, 'utf8') },
  ]);
}

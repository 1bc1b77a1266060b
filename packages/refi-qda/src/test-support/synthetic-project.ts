/**
 * Test helper: a small synthetic Czech project (diacritics, emoji, CRLF, BOM) whose selection positions can be
 * written in any offset convention, to check that the reader finds the convention and slices exact texts.
 */

import type { OffsetConvention } from '../model';
import { buildZip } from './raw-zip';

export const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const IDS = {
  user1: guid(1),
  user2: guid(2),
  folder: guid(10),
  joy: guid(11),
  tired: guid(12),
  river: guid(13),
  age: guid(20),
  role: guid(21),
  case1: guid(30),
  case2: guid(31),
  source1: guid(40),
  source2: guid(41),
  note: guid(50),
  set: guid(60),
} as const;

/** Synthetic interview text: every line has Czech diacritics and an emoji; CRLF line breaks. */
export const SOURCE1_TEXT = [
  'Kolegyně řekla, že první týden byl náročný 😊 a učila se rychle.',
  'V úterý jsme vařili čaj 🍵 a mluvili o podpoře.',
  'Kůň běžel přes louku 👍🏽 a pak odpočíval u řeky.',
]
  .join('\r\n')
  .concat('\r\n');

/** Inline text (inside the XML, where line breaks are always LF). */
export const SOURCE2_TEXT = 'Sdílená zkušenost 🙂 opravdu pomáhá.\nDruhý řádek končí tečkou.';

export const SOURCE1_PHRASES = [
  'náročný',
  '😊',
  'rychle.\r\nV úterý',
  'podpoře',
  'Kůň',
  'louku',
  '👍🏽',
  'odpočíval u řeky',
] as const;
export const SOURCE2_PHRASES = ['pomáhá', 'Druhý řádek'] as const;

/** Counts a JS string index in another convention, by walking the prefix (independent of the reader's code). */
export function positionIn(text: string, jsIndex: number, c: OffsetConvention, hadBom: boolean): number {
  let pos = c.bomCounted && hadBom ? 1 : 0;
  let i = 0;
  while (i < jsIndex) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      pos += c.unit === 'utf16' ? 2 : 1;
      i += 2;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      pos += c.crlf;
      i += 2;
    } else {
      pos += 1;
      i += 1;
    }
  }
  return pos;
}

function selectionsXml(
  text: string,
  phrases: readonly string[],
  c: OffsetConvention,
  hadBom: boolean,
  base: number,
) {
  return phrases
    .map((phrase, k) => {
      const start = text.indexOf(phrase);
      if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
      const end = start + phrase.length;
      const code = k % 2 === 0 ? IDS.joy : IDS.tired;
      return `      <PlainTextSelection guid="${guid(base + k)}" name="úryvek ${k}" startPosition="${positionIn(text, start, c, hadBom)}" endPosition="${positionIn(text, end, c, hadBom)}" creatingUser="${IDS.user1}" creationDateTime="2024-05-01T10:00:00Z">
        <Coding guid="${guid(base + 100 + k)}" creatingUser="${IDS.user2}" creationDateTime="2024-05-02T11:00:00Z">
          <CodeRef targetGUID="${code}"/>
        </Coding>
      </PlainTextSelection>`;
    })
    .join('\n');
}

export function syntheticQde(c: OffsetConvention, sourcePath = `internal://${IDS.source1}.txt`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Syntetický projekt" origin="test generator" creatingUserGUID="${IDS.user1}" creationDateTime="2024-05-01T09:00:00Z">
  <Users>
    <User guid="${IDS.user1}" name="Tester Jedna" id="TJ"/>
    <User guid="{${IDS.user2.toUpperCase()}}" name="Tester Dva"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${IDS.folder}" name="Emoce" isCodable="false" color="#AA3300">
        <Description>Složka pro pocity</Description>
        <Code guid="${IDS.joy}" name="Radost" isCodable="true"/>
        <Code guid="${IDS.tired}" name="Únava" isCodable="true">
          <NoteRef targetGUID="${IDS.note}"/>
        </Code>
      </Code>
      <Code guid="${IDS.river}" name="Místa::řeka" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${IDS.age}" name="věk" typeOfVariable="Integer"/>
    <Variable guid="${IDS.role}" name="role" typeOfVariable="Text">
      <Description>Pracovní role účastníka</Description>
    </Variable>
  </Variables>
  <Cases>
    <Case guid="${IDS.case1}" name="Účastnice A">
      <VariableValue><VariableRef targetGUID="${IDS.age}"/><IntegerValue>34</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${IDS.role}"/><TextValue>průvodkyně</TextValue></VariableValue>
      <SourceRef targetGUID="${IDS.source1}"/>
    </Case>
    <Case guid="${IDS.case2}" name="Účastník B">
      <MemberSource targetGUID="${IDS.source2}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${IDS.source1}" name="Rozhovor 1" plainTextPath="${sourcePath}" creatingUser="${IDS.user1}" creationDateTime="2024-05-01T09:30:00Z">
      <Description>Přepis prvního rozhovoru</Description>
${selectionsXml(SOURCE1_TEXT, SOURCE1_PHRASES, c, true, 100)}
    </TextSource>
    <TextSource guid="${IDS.source2}" name="Krátký text">
      <PlainTextContent>${SOURCE2_TEXT}</PlainTextContent>
${selectionsXml(SOURCE2_TEXT, SOURCE2_PHRASES, c, false, 300)}
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${IDS.note}" name="Memo o únavě">
      <PlainTextContent>Únava přichází hlavně ráno 😴</PlainTextContent>
    </Note>
  </Notes>
  <Sets>
    <Set guid="${IDS.set}" name="Pocity">
      <MemberCode targetGUID="${IDS.joy}"/>
      <MemberCode targetGUID="${IDS.tired}"/>
      <MemberSource targetGUID="${IDS.source1}"/>
    </Set>
  </Sets>
</Project>
`;
}

/** The synthetic project as .qdpx bytes; the source .txt has a UTF-8 BOM and sits in `Sources/` (capital S). */
export function syntheticQdpx(c: OffsetConvention): Buffer {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  return buildZip([
    { name: 'project.qde', data: Buffer.from(syntheticQde(c), 'utf8') },
    { name: `Sources/${IDS.source1}.txt`, data: Buffer.concat([bom, Buffer.from(SOURCE1_TEXT, 'utf8')]) },
  ]);
}

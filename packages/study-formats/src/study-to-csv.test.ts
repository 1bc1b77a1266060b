import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LoadedStudy } from './loaded-study';
import { codePaths, studyToCsv } from './study-to-csv';

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Synthetic: two codes named "Support" in different branches, a code a spreadsheet reads as a formula. */
const study: LoadedStudy = {
  format: 'peerbridge-study',
  version: 1,
  study: { name: 'Synthetická studie' },
  pseudonymized: false,
  offsets: 'utf16-code-units, end exclusive',
  participants: [
    {
      ref: 'p1',
      name: 'Účastnice A',
      setting: 'inpatient',
      attributes: { age_band: '30-39', tenure_months: 14 },
    },
    { ref: 'p2', name: 'Účastník B', setting: 'community', attributes: { gender: 'm', segments: 'clash' } },
  ],
  documents: [
    {
      guid: guid(1),
      name: 'Rozhovor 1',
      participantRef: 'p1',
      date: null,
      text: 'Rodina mě drží. Práce taky.',
    },
    { guid: guid(2), name: 'Rozhovor 2', participantRef: 'p2', date: null, text: 'Podpora v práci.' },
  ],
  codes: [
    { guid: guid(10), name: 'Family', parentGuid: null, isCodable: false, indicator: null },
    { guid: guid(11), name: 'Support', parentGuid: guid(10), isCodable: true, indicator: null },
    { guid: guid(20), name: 'Work', parentGuid: null, isCodable: false, indicator: null },
    { guid: guid(21), name: 'Support', parentGuid: guid(20), isCodable: true, indicator: null },
    { guid: guid(30), name: '+Government', parentGuid: null, isCodable: true, indicator: null },
  ],
  segments: [
    {
      id: 's1',
      selectionGuid: guid(100),
      sourceGuid: guid(1),
      codeGuid: guid(11),
      code: 'Support',
      start: 0,
      end: 15,
      text: 'Rodina mě drží.',
      coder: 'coder-a',
      createdAt: null,
      participantRef: null,
    },
    {
      id: 's2',
      selectionGuid: guid(101),
      sourceGuid: guid(1),
      codeGuid: guid(21),
      code: 'Support',
      start: 16,
      end: 27,
      text: 'Práce taky.',
      coder: 'coder-b',
      createdAt: null,
      participantRef: null,
    },
    {
      id: 's3',
      selectionGuid: guid(102),
      sourceGuid: guid(2),
      codeGuid: guid(21),
      code: 'Support',
      start: 0,
      end: 16,
      text: 'Podpora v práci.',
      coder: 'coder-a',
      createdAt: null,
      participantRef: null,
    },
    {
      id: 's4',
      selectionGuid: guid(103),
      sourceGuid: guid(2),
      codeGuid: guid(30),
      code: '+Government',
      start: 0,
      end: 7,
      text: 'Podpora',
      coder: 'coder-a',
      createdAt: null,
      participantRef: null,
    },
  ],
  observations: [],
};

const rowsOf = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('study CSV tables', () => {
  it('names each code by its whole path, so two codes called Support stay apart', () => {
    const rows = rowsOf(studyToCsv(study));
    expect(rows.map((r) => [r.code, r.code_path])).toEqual([
      ['Support', 'Family > Support'],
      ['Support', 'Work > Support'],
      ['Support', 'Work > Support'],
      ["'+Government", "'+Government"],
    ]);
  });

  it('guards formulas by default and leaves cells unchanged when the guard is off', () => {
    const off = rowsOf(studyToCsv(study, { formulaGuard: false }));
    expect(off.at(-1)?.code).toBe('+Government');
    expect(off.at(-1)?.code_path).toBe('+Government');
  });

  it('starts with a byte order mark only when asked, for Excel', () => {
    expect(studyToCsv(study).charCodeAt(0)).not.toBe(0xfeff);
    const withBom = studyToCsv(study, { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(rowsOf(withBom)[0]?.participant).toBe('Účastnice A');
  });

  it('writes one row per participant with every variable as a column', () => {
    const csv = studyToCsv(study, { table: 'participants' });
    expect(csv.split('\r\n')[0]).toBe(
      'participant,setting,documents,segments,age_band,gender,variable_segments,tenure_months',
    );
    expect(rowsOf(csv)).toEqual([
      {
        participant: 'Účastnice A',
        setting: 'inpatient',
        documents: '1',
        segments: '2',
        age_band: '30-39',
        gender: '',
        variable_segments: '',
        tenure_months: '14',
      },
      {
        participant: 'Účastník B',
        setting: 'community',
        documents: '1',
        segments: '2',
        age_band: '',
        gender: 'm',
        variable_segments: 'clash',
        tenure_months: '',
      },
    ]);
  });

  it('counts segments, documents, participants and coders per code, ordered by path', () => {
    const rows = rowsOf(studyToCsv(study, { table: 'codes', formulaGuard: false }));
    expect(rows.map((r) => [r.code_path, r.segments, r.documents, r.participants, r.coders])).toEqual([
      ['+Government', '1', '1', '1', '1'],
      ['Family', '0', '0', '0', '0'],
      ['Family > Support', '1', '1', '1', '1'],
      ['Work', '0', '0', '0', '0'],
      ['Work > Support', '2', '2', '2', '2'],
    ]);
  });

  it('ends a path at a missing parent and survives a parent cycle', () => {
    const paths = codePaths([
      { guid: 'a', name: 'A', parentGuid: 'b', isCodable: true, indicator: null },
      { guid: 'b', name: 'B', parentGuid: 'a', isCodable: true, indicator: null },
      { guid: 'c', name: 'C', parentGuid: 'gone', isCodable: true, indicator: null },
    ]);
    expect(paths.get('a')).toBe('B > A');
    expect(paths.get('b')).toBe('A > B');
    expect(paths.get('c')).toBe('C');
  });
});

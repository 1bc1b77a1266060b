import { describe, expect, it } from 'vitest';
import { indicatorIds } from '../../catalog/indicator-ids';
import { DomainValidationError } from '../../errors';
import { uuidV5 } from '../hashing/uuid-v5';
import { segmentsToObservations } from '../interview/segments-to-observations';
import { CODEBOOK_NAMESPACE, type CodebookCode, codebook, groupGuid, indicatorGuid } from './codebook';
import {
  codebookCsvHeader,
  codebookToCsvRows,
  codeMappingFromCodebook,
  flattenCodebook,
} from './codebook-rows';

const allCodes = (codes: CodebookCode[]): CodebookCode[] =>
  codes.flatMap((c) => [c, ...allCodes(c.children)]);

describe('codebook', () => {
  const book = codebook();
  const codes = allCodes(book.codes);

  it('has every indicator exactly once, as a codable leaf', () => {
    const leaves = codes.filter((c) => c.indicatorId !== null);
    expect(leaves.map((c) => c.indicatorId).sort()).toEqual([...indicatorIds].sort());
    for (const leaf of leaves) {
      expect(leaf.isCodable).toBe(true);
      expect(leaf.children).toEqual([]);
    }
  });

  it('groups them under the four roles, the two conflicts, protective factors, strain and role clarity', () => {
    expect(book.codes.map((c) => c.groupId)).toEqual([
      'roles',
      'conflicts',
      'protective_factors',
      'strain',
      'context',
    ]);
    expect(book.codes[0]!.children.map((c) => c.groupId)).toEqual([
      'role:friend',
      'role:professional',
      'role:staff_member',
      'role:expert_by_experience',
    ]);
    expect(book.codes[1]!.children.map((c) => c.name)).toEqual([
      'Friend versus professional',
      'Staff member versus expert by experience',
    ]);
    expect(codes.filter((c) => c.groupId !== null).every((c) => !c.isCodable)).toBe(true);
  });

  it('uses stable UUID v5 GUIDs in the fixed PeerBridge namespace', () => {
    expect(CODEBOOK_NAMESPACE).toBe('6360366b-566f-4df9-a151-f936b744f155');
    const exhaustion = codes.find((c) => c.indicatorId === 'exhaustion')!;
    expect(exhaustion.guid).toBe(uuidV5('exhaustion', CODEBOOK_NAMESPACE));
    expect(exhaustion.guid).toBe(indicatorGuid('exhaustion'));
    expect(book.codes[0]!.guid).toBe(groupGuid('roles'));
    // Pinned values: a change here breaks every codebook already exported. Never update them.
    expect(indicatorGuid('shares_lived_experience')).toBe(PINNED.shares_lived_experience);
    expect(groupGuid('role:friend')).toBe(PINNED.groupFriend);
    expect(new Set(codes.map((c) => c.guid)).size).toBe(codes.length);
  });

  it('keeps GUIDs when the language changes and gives Czech names on request', () => {
    const cs = codebook({ locale: 'cs' });
    expect(allCodes(cs.codes).map((c) => c.guid)).toEqual(codes.map((c) => c.guid));
    expect(cs.codes[0]!.name).toBe('Role');
    expect(() => codebook({ locale: 'de' as 'en' })).toThrow(DomainValidationError);
  });

  it('gives names, descriptions and #RRGGBB colours to every code', () => {
    for (const c of codes) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.color).toMatch(/^#[0-9A-F]{6}$/);
    }
  });
});

describe('codebook flatteners', () => {
  it('flattens in tree order with parents and paths', () => {
    const flat = flattenCodebook(codebook());
    expect(flat[0]).toMatchObject({ depth: 0, parentGuid: null, name: 'Roles', isCodable: false });
    expect(flat[1]).toMatchObject({ depth: 1, parentGuid: flat[0]!.guid, path: 'Roles > Friend' });
    expect(flat[2]).toMatchObject({
      depth: 2,
      path: 'Roles > Friend > Shares lived experience',
      indicatorId: 'shares_lived_experience',
    });
  });

  it('writes CSV rows with the header first', () => {
    const rows = codebookToCsvRows(codebook());
    expect(rows[0]).toEqual([...codebookCsvHeader]);
    expect(rows).toHaveLength(flattenCodebook(codebook()).length + 1);
    expect(rows[1]![0]).toBe(groupGuid('roles'));
    expect(rows[1]![6]).toBe('false');
  });

  it('maps data coded with the exported codebook straight back to indicators', () => {
    const mapping = codeMappingFromCodebook(codebook());
    expect(mapping.rules).toHaveLength(indicatorIds.length);
    const { observations } = segmentsToObservations(
      mapping,
      [
        {
          id: 's1',
          documentId: 'd',
          codeId: indicatorGuid('stress').toUpperCase(),
          start: 0,
          end: 4,
          participantId: 'p',
        },
      ],
      { observedAt: '2026-01-05' },
    );
    expect(observations[0]).toMatchObject({ indicator: 'stress', value: 4, workerId: 'p' });
  });
});

const PINNED = {
  shares_lived_experience: 'b7e0fe87-4ce9-5cae-9612-43548e00c9f9',
  groupFriend: '35b3ab26-456e-5fb1-884e-a24842ad4696',
};

describe('GUID helpers', () => {
  it('refuse ids outside the catalog and empty group ids', () => {
    expect(() => indicatorGuid('not_an_indicator' as 'stress')).toThrow(DomainValidationError);
    expect(() => groupGuid('')).toThrow(/expected a non-empty group id/);
  });
});

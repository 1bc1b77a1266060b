/**
 * The indicator catalog as a qualitative codebook (domain.md section 9): a code tree with stable
 * GUIDs, for REFI-QDA export to ATLAS.ti, NVivo, MAXQDA and QualCoder.
 */
import { z } from 'zod';
import { type ConflictId, conflictIds, conflicts } from '../../catalog/conflicts';
import { type IndicatorId, indicatorIds } from '../../catalog/indicator-ids';
import { indicators } from '../../catalog/indicators';
import type { Locale, LocalizedText } from '../../catalog/localized-text';
import { type RoleId, roleIds, roles } from '../../catalog/roles';
import { parseInput } from '../../errors';
import { uuidV5 } from '../hashing/uuid-v5';
import { groupColor, type IndicatorGroupId, indicatorGroup } from './codebook-groups';

/**
 * The namespace of every PeerBridge code GUID. Fixed forever: changing it would change every GUID
 * and break the link between exported codebooks and the data coded with them.
 */
export const CODEBOOK_NAMESPACE = '6360366b-566f-4df9-a151-f936b744f155';

/** The GUID of an indicator's code: UUID v5 of the indicator id in CODEBOOK_NAMESPACE. */
export function indicatorGuid(id: IndicatorId): string {
  parseInput(
    z.enum(indicatorIds, { message: 'expected a known indicator id from the catalog' }),
    id,
    'indicatorGuid',
  );
  return uuidV5(id, CODEBOOK_NAMESPACE);
}

/** The GUID of a group code: UUID v5 of `group:<group id>` (e.g. `group:role:friend`) in CODEBOOK_NAMESPACE. */
export function groupGuid(groupId: string): string {
  parseInput(z.string().min(1, { message: 'expected a non-empty group id' }), groupId, 'groupGuid');
  return uuidV5(`group:${groupId}`, CODEBOOK_NAMESPACE);
}

/** One code of the tree. Groups are not codable; indicators are, and carry their indicator id. */
export interface CodebookCode {
  guid: string;
  name: string;
  description: string;
  /** `#RRGGBB` */
  color: string;
  isCodable: boolean;
  /** The indicator a codable code stands for; null for a group. */
  indicatorId: IndicatorId | null;
  /** The group id of a group code (`roles`, `role:friend`, ...); null for an indicator. */
  groupId: string | null;
  children: CodebookCode[];
}

/** A codebook: the top-level codes. */
export interface Codebook {
  namespace: string;
  locale: Locale;
  codes: CodebookCode[];
}

const optionsSchema = z
  .object({ locale: z.enum(['en', 'cs'], { message: "expected 'en' or 'cs'" }).optional() })
  .strict();

const topGroups: Record<
  'roles' | 'conflicts' | 'protective_factors' | 'strain' | 'context',
  { label: LocalizedText; description: LocalizedText }
> = {
  roles: {
    label: { en: 'Roles', cs: 'Role' },
    description: {
      en: 'Signs of the four roles a peer support worker takes on, with service users and within the team.',
      cs: 'Známky čtyř rolí, které peer pracovník zastává vůči klientům a v týmu.',
    },
  },
  conflicts: {
    label: { en: 'Inter-role conflicts', cs: 'Konflikty rolí' },
    description: {
      en: 'Signs that two roles pull against each other.',
      cs: 'Známky toho, že se dvě role dostávají do rozporu.',
    },
  },
  protective_factors: {
    label: { en: 'Protective factors', cs: 'Ochranné faktory' },
    description: {
      en: 'Conditions and habits that lower the tension between roles.',
      cs: 'Podmínky a návyky, které snižují napětí mezi rolemi.',
    },
  },
  strain: {
    label: { en: 'Strain', cs: 'Zátěž' },
    description: {
      en: 'Signs of strain on the worker\u2019s own wellbeing.',
      cs: 'Známky zátěže na vlastní pohodu pracovníka.',
    },
  },
  context: {
    label: { en: 'Role clarity', cs: 'Jasnost role' },
    description: {
      en: 'Whether the worker knows what is expected of them.',
      cs: 'Zda pracovník ví, co se od něj očekává.',
    },
  },
};

/**
 * The catalog as a code tree: Roles (friend, professional, staff member, expert by experience),
 * Inter-role conflicts (the two conflicts), Protective factors, Strain and Role clarity, with the
 * indicators as codable leaves (filed as `codebook-groups.ts` explains). Names and descriptions in
 * `locale` (default English); GUIDs do not depend on the locale. Same output on every call.
 */
export function codebook(options: { locale?: Locale } = {}): Codebook {
  const { locale = 'en' } = parseInput(optionsSchema, options, 'codebook');
  const leaves = (group: IndicatorGroupId): CodebookCode[] =>
    indicatorIds
      .filter((id) => indicatorGroup[id] === group)
      .map((id) => ({
        guid: indicatorGuid(id),
        name: indicators[id].label[locale],
        description: indicators[id].description[locale],
        color: groupColor[group],
        isCodable: true,
        indicatorId: id,
        groupId: null,
        children: [],
      }));
  const group = (
    groupId: IndicatorGroupId | keyof typeof topGroups,
    text: { label: LocalizedText; description: LocalizedText },
    children: CodebookCode[],
  ): CodebookCode => ({
    guid: groupGuid(groupId),
    name: text.label[locale],
    description: text.description[locale],
    color: groupColor[groupId],
    isCodable: false,
    indicatorId: null,
    groupId,
    children,
  });
  const roleGroup = (id: RoleId) => group(`role:${id}`, roles[id], leaves(`role:${id}`));
  const conflictGroup = (id: ConflictId) => group(`conflict:${id}`, conflicts[id], leaves(`conflict:${id}`));
  return {
    namespace: CODEBOOK_NAMESPACE,
    locale,
    codes: [
      group('roles', topGroups.roles, roleIds.map(roleGroup)),
      group('conflicts', topGroups.conflicts, conflictIds.map(conflictGroup)),
      group('protective_factors', topGroups.protective_factors, leaves('protective_factors')),
      group('strain', topGroups.strain, leaves('strain')),
      group('context', topGroups.context, leaves('context')),
    ],
  };
}

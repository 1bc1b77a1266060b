/** Turning a participant's variables (REFI case variables, CSV columns) into setting and attributes. */
import type { ParticipantData, Setting } from './study-data';

/** The attributes PeerBridge knows by name; every other variable is kept as written. */
export const knownAttributes = ['setting', 'age', 'gender', 'tenure'] as const;
export type KnownAttribute = (typeof knownAttributes)[number];

const settingWords: Record<string, Setting> = {
  inpatient: 'inpatient',
  hospital: 'inpatient',
  'psychiatric hospital': 'inpatient',
  ward: 'inpatient',
  lůžková: 'inpatient',
  nemocnice: 'inpatient',
  community: 'community',
  outpatient: 'community',
  komunitní: 'community',
  other: 'other',
  jiné: 'other',
};

/** A setting word in English or Czech; null when it is none of them. */
export function parseSetting(value: string): Setting | null {
  return settingWords[value.trim().toLowerCase()] ?? null;
}

/** Which known attribute a variable name stands for (case-insensitive), using the mapping's renames first. */
export function attributeFor(
  name: string,
  renames: Readonly<Record<string, KnownAttribute>>,
): KnownAttribute | undefined {
  const renamed = renames[name];
  if (renamed) return renamed;
  const lower = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (lower === 'setting') return 'setting';
  if (lower === 'age') return 'age';
  if (lower === 'gender' || lower === 'sex') return 'gender';
  if (lower === 'tenure' || lower === 'tenure_months' || lower === 'months_in_post') return 'tenure';
  return undefined;
}

/**
 * Build a participant from named variable values. An unknown setting word becomes `other`, with
 * the word kept in `attributes.setting` and a warning.
 */
export function participantFromVariables(
  ref: string,
  name: string,
  variables: ReadonlyArray<{ name: string; value: string | number | boolean }>,
  renames: Readonly<Record<string, KnownAttribute>>,
  warn: (message: string) => void,
): ParticipantData {
  const attributes: Record<string, string | number | boolean> = {};
  let setting: Setting | null = null;
  for (const { name: variable, value } of variables) {
    const known = attributeFor(variable, renames);
    if (known === 'setting') {
      const parsed = parseSetting(String(value));
      if (parsed === null)
        warn(
          `participant "${name}": setting "${String(value)}" is not inpatient, community or other; stored as other`,
        );
      setting = parsed ?? 'other';
      attributes.setting = value;
    } else if (known === 'age' || known === 'tenure') {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      attributes[known] = Number.isFinite(n) && String(value).trim() !== '' ? n : value;
    } else if (known) {
      attributes[known] = value;
    } else {
      attributes[variable] = value;
    }
  }
  return { ref, name, setting, attributes };
}

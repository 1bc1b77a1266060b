/**
 * Keeping only the allowed participant variables in a pseudonymised study. Names compare in the
 * normal form of `normalizeVariableName`. An exact age or tenure becomes its band when the band is
 * allowed and the study has none, so the default allowlist still describes the cohort.
 */
import { defaultAllowVariables, normalizeVariableName, type Setting } from '@peerbridge/study-formats';

type Value = string | number | boolean;

export interface DroppedVariable {
  /** The variable's name as the study has it. */
  name: string;
  /** Participants who had a value for it. */
  participants: number;
}

export interface VariableFilterReport {
  /** The allowlist in force, in normal form. */
  allowed: string[];
  /** Variables kept (normal form), sorted. */
  kept: string[];
  dropped: DroppedVariable[];
  /** Bands derived from exact values that were dropped: `age_band` (from age), `tenure_band` (from tenure). */
  derived: string[];
}

/** Variables whose values name or reach a person: their values are redacted wherever else they appear. */
const identifying =
  /(^|_)(name|names|surname|nickname|mail|email|e_mail|phone|telephone|mobile|address|contact|jmeno|prijmeni|prezdivka|telefon|adresa|kontakt|birth|narozeni|initials)(_|$)|name$/;

export function isIdentifyingVariable(name: string): boolean {
  return identifying.test(normalizeVariableName(name));
}

/** Ten-year age bands: `<20`, `20-29`, ... `60-69`, `70+`. */
export function ageBand(age: number): string {
  if (age < 20) return '<20';
  if (age >= 70) return '70+';
  const low = Math.floor(age / 10) * 10;
  return `${low}-${low + 9}`;
}

/** Tenure in months as a band: under a year, 1-2 years, 3-4 years, 5 years or more. */
export function tenureBand(months: number): string {
  if (months < 12) return '<1y';
  if (months < 36) return '1-2y';
  if (months < 60) return '3-4y';
  return '5y+';
}

function numeric(value: Value): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isFinite(n) && String(value).trim() !== '' ? n : null;
}

const bands: ReadonlyArray<{ band: string; from: string; of: (n: number) => string }> = [
  { band: 'age_band', from: 'age', of: ageBand },
  { band: 'tenure_band', from: 'tenure', of: tenureBand },
];

export interface VariableFilter {
  apply(participant: { setting: Setting | null; attributes: Record<string, Value> }): {
    setting: Setting | null;
    attributes: Record<string, Value>;
    /** String values of dropped identifying variables (to redact elsewhere). */
    identifyingValues: string[];
  };
  report(): VariableFilterReport;
}

export function variableFilter(allow: ReadonlyArray<string> | undefined): VariableFilter {
  const allowed = new Set((allow ?? defaultAllowVariables).map(normalizeVariableName));
  const kept = new Set<string>();
  const derived = new Set<string>();
  const dropped = new Map<string, number>();
  return {
    apply({ setting, attributes }) {
      const out: Record<string, Value> = {};
      const identifyingValues: string[] = [];
      const byNormal = new Map<string, Value>();
      for (const [name, value] of Object.entries(attributes)) {
        const normal = normalizeVariableName(name);
        byNormal.set(normal, value);
        if (allowed.has(normal)) {
          out[name] = value;
          kept.add(normal);
        } else {
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
          if (typeof value === 'string' && isIdentifyingVariable(name)) identifyingValues.push(value);
        }
      }
      for (const { band, from, of } of bands) {
        const exact = byNormal.get(from);
        if (!allowed.has(band) || byNormal.has(band) || exact === undefined || allowed.has(from)) continue;
        const n = numeric(exact);
        if (n === null) continue;
        out[band] = of(n);
        kept.add(band);
        derived.add(band);
      }
      return { setting: allowed.has('setting') ? setting : null, attributes: out, identifyingValues };
    },
    report() {
      return {
        allowed: [...allowed].sort(),
        kept: [...kept].sort(),
        dropped: [...dropped.entries()]
          .map(([name, participants]) => ({ name, participants }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        derived: [...derived].sort(),
      };
    },
  };
}

/**
 * Deciding which indicator each of a project's codes stands for: a rule of the mapping file (by GUID,
 * then by name), else the PeerBridge codebook's GUID, else a name equal to an indicator's id or label.
 * Codes that match nothing stay in the study unmapped and are listed in the import report.
 */
import type { CodeMappingRule } from '@peerbridge/domain';
import type { CodeData, MappingFile } from '@peerbridge/study-formats';
import type { CodebookIndex } from './codebook-index';
import { normalizeGuid, normalizeName } from './codebook-index';

type FileRule = MappingFile['codes'][number];

export interface ResolvedCodes {
  /** The codes with `indicator` and `mappedBy` filled in. */
  codes: CodeData[];
  /** One domain mapping rule per mapped code (by its GUID), for `segmentsToObservations`. */
  rules: CodeMappingRule[];
  /** Mapping-file rules that matched no code of the project (probably a typo). */
  unusedFileRules: string[];
}

/**
 * Fill in `indicator` for every code. A code whose `indicator` is already set (a PeerBridge export)
 * keeps it unless the mapping file says otherwise.
 */
export function resolveCodes(
  codes: ReadonlyArray<CodeData>,
  mapping: MappingFile,
  index: CodebookIndex,
): ResolvedCodes {
  const fileByGuid = new Map<string, FileRule>();
  const fileByName = new Map<string, FileRule>();
  for (const rule of mapping.codes) {
    if (rule.guid !== undefined) fileByGuid.set(normalizeGuid(rule.guid), rule);
    else if (rule.name !== undefined) fileByName.set(normalizeName(rule.name), rule);
  }
  const used = new Set<FileRule>();
  const rules: CodeMappingRule[] = [];
  const resolved = codes.map((code): CodeData => {
    const guid = normalizeGuid(code.guid);
    const name = normalizeName(code.name);
    // ATLAS.ti writes hierarchy into names ("Boundaries::Phone off"); the last part may be the label.
    const leaf = normalizeName(code.name.split('::').pop() ?? code.name);
    const fileRule = fileByGuid.get(guid) ?? fileByName.get(name);
    let indicator: string | null = null;
    let mappedBy: string | null = null;
    let value: number | boolean | undefined;
    if (fileRule) {
      used.add(fileRule);
      indicator = fileRule.indicator;
      mappedBy = 'mapping-file';
      value = fileRule.value;
    } else if (code.indicator !== null) {
      indicator = code.indicator;
      mappedBy = code.mappedBy ?? 'stored';
    } else if (index.byGuid.has(guid)) {
      indicator = index.byGuid.get(guid) ?? null;
      mappedBy = 'codebook-guid';
    } else if (index.byName.has(name) || index.byName.has(leaf)) {
      indicator = index.byName.get(name) ?? index.byName.get(leaf) ?? null;
      mappedBy = 'name';
    }
    if (indicator !== null && code.isCodable) {
      rules.push({
        codeGuid: code.guid,
        indicator: indicator as CodeMappingRule['indicator'],
        ...(value === undefined ? {} : { value }),
      });
    }
    return { ...code, indicator, mappedBy };
  });
  const unusedFileRules = mapping.codes
    .filter((rule) => !used.has(rule))
    .map((rule) => (rule.guid !== undefined ? `guid ${rule.guid}` : `name "${rule.name}"`));
  return { codes: resolved, rules, unusedFileRules };
}

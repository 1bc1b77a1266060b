/**
 * Pseudonymising the parts a study export and a study import share: participants (keyed pseudonyms,
 * allowed variables only), documents (keyed GUID, pseudonymous name, redacted text with an offset
 * map) and codes (known names redacted from their names). The export and the import each map their
 * own segment and observation shapes with the maps this returns.
 */
import type { Setting } from '@peerbridge/study-formats';
import type { RedactedText } from './name-redaction';
import { createPseudonymizer, type Pseudonymizer } from './pseudonymizer';
import { type VariableFilterReport, variableFilter } from './variable-filter';

/** What a pseudonymisation did, for the CLI output and the JSON summary (never names). */
export interface PseudonymizationReport {
  variables: VariableFilterReport;
  /** Names replaced by placeholders inside document texts. */
  textRedactions: number;
  /** Names replaced inside labels: code names, kept variable values, warnings, the study name. */
  labelRedactions: number;
  /** Distinct name strings looked for (names, stems, tokens). */
  knownNames: number;
}

type Value = string | number | boolean;

interface Participant {
  ref: string;
  name: string;
  setting: Setting | null;
  attributes: Record<string, Value>;
}
interface Document {
  guid: string;
  name: string;
  text: string;
  participantRef: string | null;
}
interface Code {
  guid: string;
  name: string;
  parentGuid: string | null;
}

export interface PseudonymizationInput<P extends Participant, D extends Document, C extends Code> {
  participants: ReadonlyArray<P>;
  documents: ReadonlyArray<D>;
  codes: ReadonlyArray<C>;
  coders: Iterable<string>;
  allowVariables?: ReadonlyArray<string> | undefined;
}

export interface PseudonymizedParts<P, D, C> {
  participants: P[];
  documents: D[];
  codes: C[];
  pseudonymizer: Pseudonymizer;
  ref(ref: string): string;
  refOrNull(ref: string | null): string | null;
  /** A document's new GUID and its redaction (offset maps); undefined for a GUID the study lacks. */
  document(guid: string): { guid: string; name: string; redaction: RedactedText } | undefined;
  code(guid: string): { guid: string; name: string } | undefined;
  /** Redact a label and count it. */
  label(text: string): string;
  report(): PseudonymizationReport;
}

/** A participant reference that carries a name: `name:Alice` (from a mapping rule), or a plain name. */
function nameInRef(ref: string): string | null {
  if (ref.startsWith('name:')) return ref.slice('name:'.length);
  if (ref.startsWith('document:')) return null;
  if (/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(ref)) return null;
  return ref;
}

export function pseudonymizeParts<P extends Participant, D extends Document, C extends Code>(
  key: Uint8Array,
  input: PseudonymizationInput<P, D, C>,
): PseudonymizedParts<P, D, C> {
  const filter = variableFilter(input.allowVariables);
  const filtered = input.participants.map((p) => filter.apply(p));
  const identifying: string[] = [];
  for (const f of filtered) for (const v of f.identifyingValues) identifying.push(v);
  const participantNames: string[] = [];
  for (const p of input.participants) {
    participantNames.push(p.name);
    const inRef = nameInRef(p.ref);
    if (inRef !== null) participantNames.push(inRef);
  }
  const ps = createPseudonymizer(key, {
    participants: participantNames,
    documents: input.documents.map((d) => d.name),
    coders: input.coders,
    other: identifying,
  });
  let labelRedactions = 0;
  let textRedactions = 0;
  const label = (text: string) => {
    const r = ps.redactor.redactLabel(text);
    labelRedactions += r.count;
    return r.text;
  };

  const refs = new Map<string, string>();
  for (const p of input.participants) refs.set(p.ref, ps.person(p.ref));
  const ref = (r: string) => refs.get(r) ?? ps.person(r);
  const participants = input.participants.map((p, i) => {
    const { setting, attributes } = filtered[i] as ReturnType<typeof filter.apply>;
    const kept: Record<string, Value> = {};
    for (const [name, value] of Object.entries(attributes))
      kept[label(name)] = typeof value === 'string' ? label(value) : value;
    return { ...p, ref: ref(p.ref), name: ps.person(p.name), setting, attributes: kept };
  });

  const documentMap = new Map<string, { guid: string; name: string; redaction: RedactedText }>();
  const documents = input.documents.map((d) => {
    const redaction = ps.redactor.redact(d.text);
    textRedactions += redaction.count;
    const mapped = { guid: ps.guid(d.guid), name: ps.document(d.name), redaction };
    documentMap.set(d.guid, mapped);
    return {
      ...d,
      guid: mapped.guid,
      name: mapped.name,
      text: redaction.text,
      participantRef: d.participantRef === null ? null : ref(d.participantRef),
    };
  });

  // A code whose name held a known name gets a keyed GUID too (a CSV's code GUID is derived from its name).
  const codeMap = new Map<string, { guid: string; name: string }>();
  for (const c of input.codes) {
    const name = label(c.name);
    codeMap.set(c.guid, { guid: name === c.name ? c.guid : ps.guid(c.guid), name });
  }
  const codes = input.codes.map((c) => {
    const mapped = codeMap.get(c.guid) as { guid: string; name: string };
    const parentGuid = c.parentGuid === null ? null : (codeMap.get(c.parentGuid)?.guid ?? c.parentGuid);
    return { ...c, guid: mapped.guid, name: mapped.name, parentGuid };
  });

  return {
    participants,
    documents,
    codes,
    pseudonymizer: ps,
    ref,
    refOrNull: (r) => (r === null ? null : ref(r)),
    document: (guid) => documentMap.get(guid),
    code: (guid) => codeMap.get(guid),
    label,
    report() {
      const variables = filter.report();
      return {
        // Dropped variable names may themselves hold a name: they are reported redacted.
        variables: {
          ...variables,
          dropped: variables.dropped.map((d) => ({ ...d, name: ps.redactor.redactLabel(d.name).text })),
        },
        textRedactions,
        labelRedactions,
        knownNames: ps.redactor.size,
      };
    },
  };
}

/**
 * Keyed pseudonyms for a research export: participant names and references are replaced with the
 * domain's HMAC-SHA-256 pseudonyms under the researcher's key, which is never stored or printed.
 */
import { pseudonymize } from '@peerbridge/domain';
import type { LoadedStudy } from '@peerbridge/study-formats';

/** A short, readable pseudonym: `P-` and the first 16 hex digits of the keyed HMAC. */
async function pseudonymOf(key: Uint8Array, value: string): Promise<string> {
  return `P-${(await pseudonymize(key, value)).slice(0, 16)}`;
}

/** The study with every participant name and reference replaced by its keyed pseudonym. */
export async function pseudonymizeStudy(study: LoadedStudy, key: Uint8Array): Promise<LoadedStudy> {
  const refs = new Map<string, string>();
  for (const p of study.participants) refs.set(p.ref, await pseudonymOf(key, p.ref));
  const mapRef = (ref: string | null) => (ref === null ? null : (refs.get(ref) ?? ref));
  const participants = [];
  for (const p of study.participants) {
    participants.push({ ...p, ref: refs.get(p.ref) as string, name: await pseudonymOf(key, p.name) });
  }
  return {
    ...study,
    pseudonymized: true,
    participants,
    documents: study.documents.map((d) => ({ ...d, participantRef: mapRef(d.participantRef) })),
    segments: study.segments.map((s) => ({ ...s, participantRef: mapRef(s.participantRef) })),
    observations: study.observations.map((o) => ({
      ...o,
      participantRef: mapRef(o.participantRef) as string,
    })),
  };
}

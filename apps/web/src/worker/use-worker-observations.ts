/**
 * The PSW's recent observations (their own and their unit's), so every "why" can show dates and sources.
 * The API has no procedure that lists a PSW's observations yet (expected: `supervision.observations`
 * with `{ workerId }`, returning the domain's Observation[] of the assessment windows); until it has, this
 * returns null and the "why" lists count the observations behind each indicator instead of dating them.
 */
import type { ObservationView } from './evidence-types';

/** The observations, or null while the API cannot list them (the history then leaves their tab out). */
export function useWorkerObservations(_workerId: string): { data: ObservationView[] | null } {
  return { data: null };
}

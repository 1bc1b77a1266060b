/** Two vignettes of domain.md section 8 as explanation tests read them (supervisor and person wording). */
import { anAssessInput, anObservation, aUnit, aWorker, sessionsAt } from '../assess/test-builders';

/** Vignette 1 of domain.md: a new community PSW whose clients call after hours. */
export const vignette1 = anAssessInput({
  worker: aWorker({ tenureMonths: 4 }),
  unit: aUnit({ setting: 'community' }),
  observations: [
    ...Array.from({ length: 12 }, (_, week) =>
      anObservation('after_hours_client_contact', 1, { daysAgo: 3 + 7 * week, id: `calls-${week}` }),
    ),
    anObservation('private_number_shared', true, { daysAgo: 20 }),
    anObservation('work_intrudes_personal_life', 4, { daysAgo: 20, source: 'self_report' }),
  ],
  sessions: sessionsAt([70, 100]),
});

/** Vignette 2: an inpatient PSW left out of the team and seen as a former patient, with a desk of their own. */
export const vignette2 = anAssessInput({
  worker: aWorker({ tenureMonths: 36 }),
  unit: aUnit({ setting: 'inpatient' }),
  observations: [
    anObservation('invited_to_team_meetings', false, { unit: true, daysAgo: 30 }),
    anObservation('receives_client_information', false, { unit: true, daysAgo: 30 }),
    anObservation('has_own_workplace', true, { unit: true, daysAgo: 30 }),
    anObservation('seen_as_former_patient', 4, { daysAgo: 14 }),
    anObservation('supportive_colleagues', 4, { daysAgo: 14 }),
  ],
  sessions: sessionsAt([14, 42]),
});

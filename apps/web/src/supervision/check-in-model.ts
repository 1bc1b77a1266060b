/**
 * The check-in form's logic: which worker-level indicators are asked under which heading (a role or a
 * conflict, from the ruleset's weights), and how answers become observations validated by the domain's
 * schema. A skipped question produces no observation, so the indicator stays unknown.
 */
import {
  type ConflictId,
  catalog,
  defaultRuleset,
  type IndicatorId,
  indicatorIds,
  isoDateSchema,
  observationSchema,
  type RoleId,
  type Ruleset,
} from '@peerbridge/domain';
import { plannedOnError } from '../next-session/plan-draft';

/** A heading of the check-in form. */
export type CheckInGroupId =
  | { kind: 'conflict'; id: ConflictId }
  | { kind: 'role'; id: RoleId }
  | { kind: 'wellbeing' }
  | { kind: 'role_clarity' };

export interface CheckInGroup {
  key: string;
  group: CheckInGroupId;
  indicators: IndicatorId[];
}

/** An answer: a likert 1..5, yes/no, a count; `undefined` means the question was skipped. */
export type CheckInAnswer = number | boolean | undefined;
export type CheckInAnswers = Partial<Record<IndicatorId, CheckInAnswer>>;

function groupOf(indicator: IndicatorId, ruleset: Ruleset): CheckInGroupId {
  const model = ruleset.indicators[indicator];
  // Signs and protections of a conflict are asked together, so "boundaries" reads as one topic.
  const conflictWeights = new Map<ConflictId, number>();
  for (const [c, m] of Object.entries(model.markers)) if (m) conflictWeights.set(c as ConflictId, m.weight);
  for (const [c, w] of Object.entries(model.protects)) {
    if (typeof w === 'number')
      conflictWeights.set(c as ConflictId, Math.max(w, conflictWeights.get(c as ConflictId) ?? 0));
  }
  const topConflict = [...conflictWeights.entries()].sort((a, b) => b[1] - a[1])[0];
  if (topConflict) return { kind: 'conflict', id: topConflict[0] };
  const topRole = Object.entries(model.roles)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1])[0];
  if (topRole) return { kind: 'role', id: topRole[0] as RoleId };
  if (model.strain > 0) return { kind: 'wellbeing' };
  return { kind: 'role_clarity' };
}

const groupOrder = [
  'role:friend',
  'role:professional',
  'role:staff_member',
  'role:expert_by_experience',
  'conflict:friend_vs_professional',
  'conflict:staff_member_vs_expert_by_experience',
  'wellbeing',
  'role_clarity',
];

function keyOf(group: CheckInGroupId): string {
  return 'id' in group ? `${group.kind}:${group.id}` : group.kind;
}

/** The worker-level indicators grouped for the form, in catalog order within each group. */
export function checkInGroups(ruleset: Ruleset = defaultRuleset): CheckInGroup[] {
  const groups = new Map<string, CheckInGroup>();
  for (const id of indicatorIds) {
    if (catalog.indicators[id].level !== 'worker') continue;
    const group = groupOf(id, ruleset);
    const key = keyOf(group);
    const existing = groups.get(key);
    if (existing) existing.indicators.push(id);
    else groups.set(key, { key, group, indicators: [id] });
  }
  return [...groups.values()].sort((a, b) => groupOrder.indexOf(a.key) - groupOrder.indexOf(b.key));
}

export interface SessionDraft {
  heldOn: string;
  kind: 'individual' | 'group' | 'informal';
  minutes: string;
  privateNotes: string;
  /** What the supervisor shares with the PSW (ADR 0031); the private notes never reach them. */
  sharedSummary?: string;
  answers: CheckInAnswers;
  /** "Held, nothing to record": the only way to save a session with no answers, minutes or notes. */
  nothingToRecord: boolean;
  /** The day of the next session, planned in the same save (ADR 0036); "" or absent for none. */
  nextSessionOn?: string;
}

export interface SessionObservationInput {
  indicator: IndicatorId;
  value: number | boolean;
  source: 'supervision';
}

/** Field errors keyed by field ("heldOn", "minutes", "nothingToRecord", or an indicator id), as i18n keys or messages. */
export type SessionDraftErrors = Record<string, string>;

/**
 * Turns the draft into the API's input, checking every answer with the domain's observation schema;
 * returns either the input or the errors.
 */
export function buildSessionInput(
  workerId: string,
  draft: SessionDraft,
  today: string,
):
  | {
      ok: true;
      input: {
        workerId: string;
        heldOn: string;
        kind: SessionDraft['kind'];
        minutes?: number;
        privateNotes?: string;
        sharedSummary?: string;
        observations: SessionObservationInput[];
        nothingToRecord: boolean;
        next?: { plannedOn: string };
      };
    }
  | { ok: false; errors: SessionDraftErrors } {
  const errors: SessionDraftErrors = {};
  if (!isoDateSchema.safeParse(draft.heldOn).success) errors.heldOn = 'record.errors.heldOnInvalid';
  else if (draft.heldOn > today) errors.heldOn = 'record.errors.heldOnFuture';
  let minutes: number | undefined;
  if (draft.minutes.trim() !== '') {
    minutes = Number(draft.minutes);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) errors.minutes = 'record.errors.minutes';
  }
  const observations: SessionObservationInput[] = [];
  for (const id of indicatorIds) {
    const value = draft.answers[id];
    if (value === undefined) continue;
    const checked = observationSchema.safeParse({
      id: `draft-${id}`,
      workerId,
      indicator: id,
      value,
      observedAt: errors.heldOn ? today : draft.heldOn,
      source: 'supervision',
    });
    if (!checked.success) errors[id] = checked.error.issues[0]?.message ?? 'invalid';
    else observations.push({ indicator: id, value, source: 'supervision' });
  }
  const notes = draft.privateNotes.trim() !== '';
  const hasContent = observations.length > 0 || (minutes ?? 0) > 0 || notes;
  if (!hasContent && !draft.nothingToRecord && Object.keys(errors).length === 0)
    errors.nothingToRecord = 'records.errors.empty';
  else if (draft.nothingToRecord && (observations.length > 0 || notes))
    errors.nothingToRecord = 'records.errors.nothingButContent';
  const nextOn = (draft.nextSessionOn ?? '').trim();
  if (nextOn !== '') {
    const nextError = plannedOnError(nextOn, today);
    if (nextError) errors.nextSessionOn = nextError;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      workerId,
      heldOn: draft.heldOn,
      kind: draft.kind,
      ...(minutes === undefined ? {} : { minutes }),
      ...(notes ? { privateNotes: draft.privateNotes } : {}),
      ...((draft.sharedSummary ?? '').trim() !== '' ? { sharedSummary: draft.sharedSummary } : {}),
      observations,
      nothingToRecord: draft.nothingToRecord,
      ...(nextOn === '' ? {} : { next: { plannedOn: nextOn } }),
    },
  };
}

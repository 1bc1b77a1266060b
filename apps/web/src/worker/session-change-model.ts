/**
 * The amend and void forms' rules (ADR 0010), kept apart from the components so they can be tested:
 * what the forms send, which field each error belongs to, and the server's issues mapped to the fields.
 */
import { TRPCClientError } from '@trpc/client';

export type SessionKind = 'individual' | 'group' | 'informal';

/** A session as the forms need it: its content, the revision shown, and whether its notes are revealed. */
export interface ChangeableSession {
  id: string;
  heldOn: string;
  kind: string;
  minutes: number | null;
  revision: number;
  nothingToRecord?: boolean | undefined;
  /** The revealed notes; undefined while hidden (the amendment then keeps them). */
  privateNotes?: string | null | undefined;
}

export interface AmendDraft {
  heldOn: string;
  kind: SessionKind;
  minutes: string;
  /** Null while the notes are hidden: they are left out of the amendment and stay as they are. */
  privateNotes: string | null;
  nothingToRecord: boolean;
  reason: string;
}

/** Field name to the i18n key of its message (or the server's message). */
export type ChangeErrors = Partial<
  Record<'heldOn' | 'minutes' | 'nothingToRecord' | 'reason' | 'form', string>
>;

export function amendDraftOf(session: ChangeableSession): AmendDraft {
  return {
    heldOn: session.heldOn,
    kind: (['individual', 'group', 'informal'] as const).find((k) => k === session.kind) ?? 'individual',
    minutes: session.minutes === null ? '' : String(session.minutes),
    privateNotes: session.privateNotes === undefined ? null : (session.privateNotes ?? ''),
    nothingToRecord: session.nothingToRecord ?? false,
    reason: '',
  };
}

/** At least three letters, digits, punctuation or symbols: spaces and invisible characters do not count. */
export function reasonIsGiven(reason: string): boolean {
  return (reason.match(/[\p{L}\p{N}\p{P}\p{S}]/gu) ?? []).length >= 3;
}

export interface AmendInput {
  workerId: string;
  sessionId: string;
  revision: number;
  reason: string;
  heldOn: string;
  kind: SessionKind;
  minutes?: number;
  privateNotes?: string;
  nothingToRecord: boolean;
}

export function buildAmendInput(
  workerId: string,
  session: ChangeableSession,
  draft: AmendDraft,
  today: string,
): { ok: true; input: AmendInput } | { ok: false; errors: ChangeErrors } {
  const errors: ChangeErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.heldOn)) errors.heldOn = 'records.errors.heldOnInvalid';
  else if (draft.heldOn > today) errors.heldOn = 'records.errors.heldOnFuture';
  let minutes: number | undefined;
  if (draft.minutes.trim() !== '') {
    minutes = Number(draft.minutes);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)
      errors.minutes = 'records.errors.minutes';
  }
  if (!reasonIsGiven(draft.reason)) errors.reason = 'records.errors.reason';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: AmendInput = {
    workerId,
    sessionId: session.id,
    revision: session.revision,
    reason: draft.reason.trim(),
    heldOn: draft.heldOn,
    kind: draft.kind,
    nothingToRecord: draft.nothingToRecord,
  };
  if (minutes !== undefined) input.minutes = minutes;
  if (draft.privateNotes !== null) input.privateNotes = draft.privateNotes;
  return { ok: true, input };
}

export function buildVoidInput(
  workerId: string,
  session: ChangeableSession,
  reason: string,
):
  | { ok: true; input: { workerId: string; sessionId: string; revision: number; reason: string } }
  | { ok: false; errors: ChangeErrors } {
  if (!reasonIsGiven(reason)) return { ok: false, errors: { reason: 'records.errors.reason' } };
  return {
    ok: true,
    input: { workerId, sessionId: session.id, revision: session.revision, reason: reason.trim() },
  };
}

const FIELDS = new Set(['heldOn', 'minutes', 'nothingToRecord', 'reason']);

/** The server's refusal on the fields it names (its message), the rest (CONFLICT, stale revision) on the form. */
export function serverErrors(error: unknown): ChangeErrors {
  if (!error) return {};
  const errors: ChangeErrors = {};
  const data =
    error instanceof TRPCClientError ? (error.data as { issues?: unknown } | undefined) : undefined;
  const issues = Array.isArray(data?.issues) ? (data.issues as { path?: unknown; message?: unknown }[]) : [];
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : '';
    const message = typeof issue.message === 'string' ? issue.message : '';
    if (FIELDS.has(path)) errors[path as keyof ChangeErrors] = message;
  }
  if (Object.keys(errors).length === 0) errors.form = error instanceof Error ? error.message : String(error);
  return errors;
}

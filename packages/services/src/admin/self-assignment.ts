/**
 * Admins stay out of supervision data, even as supervisors (issue 8.5): an admin who assigns themselves
 * as a PSW's supervisor must give a reason, which is stored with the assignment and shown to the other
 * admins; otherwise a second admin makes the assignment.
 */
import { z } from 'zod';
import type { Actor } from '../actor';
import { invalidField } from '../errors';

export const SELF_ASSIGNMENT_REASON_MIN = 10;

export const selfAssignmentReasonSchema = z
  .string()
  .trim()
  .max(500, { message: 'expected at most 500 characters' })
  .optional();

/**
 * The reason to store: required (at least SELF_ASSIGNMENT_REASON_MIN visible characters) when the admin
 * assigns themselves, and null when someone else is assigned (a reason given then is not stored).
 */
export function selfAssignmentReasonFor(
  actor: Actor,
  supervisorUserId: string,
  reason: string | undefined,
): string | null {
  if (supervisorUserId !== actor.userId) return null;
  const visible = (reason ?? '').replace(/[\s\p{Cf}]/gu, '');
  if (visible.length < SELF_ASSIGNMENT_REASON_MIN)
    throw invalidField(
      'selfAssignmentReason',
      `a reason of at least ${SELF_ASSIGNMENT_REASON_MIN} characters when you assign yourself (it is shown to the other admins), or ask another admin to make the assignment`,
    );
  return (reason ?? '').trim();
}

import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { amendDraftOf, buildAmendInput, buildVoidInput, serverErrors } from './session-change-model';

const session = { id: 's-1', heldOn: '2026-11-20', kind: 'group', minutes: 30, revision: 3 };

describe('the amend and void forms', () => {
  it('leaves hidden notes out of an amendment, so they are kept, and sends revealed ones', () => {
    const hidden = buildAmendInput(
      'w-1',
      session,
      { ...amendDraftOf(session), reason: 'Wrong date' },
      '2026-12-01',
    );
    expect(hidden).toEqual({
      ok: true,
      input: {
        workerId: 'w-1',
        sessionId: 's-1',
        revision: 3,
        reason: 'Wrong date',
        heldOn: '2026-11-20',
        kind: 'group',
        minutes: 30,
        nothingToRecord: false,
      },
    });
    const shown = { ...session, privateNotes: null };
    const cleared = buildAmendInput(
      'w-1',
      shown,
      { ...amendDraftOf(shown), reason: 'No notes' },
      '2026-12-01',
    );
    expect(cleared.ok && cleared.input.privateNotes).toBe('');
  });

  it('names each bad field: blank or invisible reason, future date, minutes out of range', () => {
    for (const reason of ['', '   ', '\u200b\u200b\u200b\u200b', 'ok']) {
      expect(buildVoidInput('w-1', session, reason)).toEqual({
        ok: false,
        errors: { reason: 'records.errors.reason' },
      });
    }
    const bad = buildAmendInput(
      'w-1',
      session,
      { ...amendDraftOf(session), heldOn: '2026-12-09', minutes: '1441', reason: ' ' },
      '2026-12-01',
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        heldOn: 'records.errors.heldOnFuture',
        minutes: 'records.errors.minutes',
        reason: 'records.errors.reason',
      },
    });
  });

  it("puts the server's field issues on their fields and a conflict on the form", () => {
    const invalid = new TRPCClientError('Invalid input', {
      result: {
        error: {
          code: -32600,
          message: 'Invalid input',
          data: {
            code: 'BAD_REQUEST',
            issues: [{ path: 'nothingToRecord', message: 'expected observations' }],
          },
        },
      },
    });
    expect(serverErrors(invalid)).toEqual({ nothingToRecord: 'expected observations' });
    const stale = new Error('revision: this session changed since revision 3 you edited');
    expect(serverErrors(stale)).toEqual({
      form: 'revision: this session changed since revision 3 you edited',
    });
    expect(serverErrors(null)).toEqual({});
  });
});

import { catalog, indicatorIds } from '@peerbridge/domain';
import { describe, expect, it } from 'vitest';
import { buildSessionInput, checkInGroups, type SessionDraft } from './check-in-model';

const draft = (over: Partial<SessionDraft> = {}): SessionDraft => ({
  heldOn: '2026-11-20',
  kind: 'individual',
  minutes: '',
  privateNotes: '',
  answers: {},
  nothingToRecord: false,
  ...over,
});

describe('checkInGroups', () => {
  const groups = checkInGroups();
  const asked = groups.flatMap((g) => g.indicators);

  it('asks every worker-level indicator exactly once and no unit-level one', () => {
    const workerLevel = indicatorIds.filter((id) => catalog.indicators[id].level === 'worker');
    expect([...asked].sort()).toEqual([...workerLevel].sort());
  });

  it('asks the boundary strategies together with the friend-versus-professional conflict', () => {
    const fvp = groups.find((g) => g.key === 'conflict:friend_vs_professional');
    expect(fvp?.indicators).toEqual(
      expect.arrayContaining(['phone_off_after_hours', 'keeps_working_hours', 'after_hours_client_contact']),
    );
  });

  it('orders roles first, then conflicts, then wellbeing', () => {
    const keys = groups.map((g) => g.key);
    expect(keys.indexOf('role:friend')).toBeLessThan(keys.indexOf('conflict:friend_vs_professional'));
    expect(keys.indexOf('conflict:staff_member_vs_expert_by_experience')).toBeLessThan(
      keys.indexOf('wellbeing'),
    );
  });
});

describe('buildSessionInput', () => {
  it('plans the next session in the same save when a day is given, and not otherwise', () => {
    const planned = buildSessionInput(
      'w1',
      draft({ minutes: '45', nextSessionOn: '2026-12-10' }),
      '2026-11-26',
    );
    expect(planned.ok && planned.input.next).toEqual({ plannedOn: '2026-12-10' });
    const none = buildSessionInput('w1', draft({ minutes: '45', nextSessionOn: '' }), '2026-11-26');
    expect(none.ok && 'next' in none.input).toBe(false);
  });

  it('refuses a next session in the past or more than a year ahead, naming the field', () => {
    const past = buildSessionInput('w1', draft({ minutes: '45', nextSessionOn: '2026-11-25' }), '2026-11-26');
    expect(past).toEqual({ ok: false, errors: { nextSessionOn: 'next.errors.datePast' } });
    const far = buildSessionInput('w1', draft({ minutes: '45', nextSessionOn: '2028-01-01' }), '2026-11-26');
    expect(far).toEqual({ ok: false, errors: { nextSessionOn: 'next.errors.dateTooFar' } });
  });

  it('sends only answered questions, so a skipped one stays unknown', () => {
    const built = buildSessionInput(
      'w1',
      draft({ answers: { phone_off_after_hours: true, stress: undefined, exhaustion: 2 } }),
      '2026-11-26',
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input.observations).toEqual([
      { indicator: 'phone_off_after_hours', value: true, source: 'supervision' },
      { indicator: 'exhaustion', value: 2, source: 'supervision' },
    ]);
    expect(built.input).not.toHaveProperty('minutes');
  });

  it('keeps a "no" and a zero count as known answers', () => {
    const built = buildSessionInput(
      'w1',
      draft({ answers: { private_number_shared: false, after_hours_client_contact: 0 } }),
      '2026-11-26',
    );
    expect(built.ok && built.input.observations.map((o) => o.value)).toEqual([0, false]);
  });

  it('rejects a value the domain schema refuses, naming the indicator', () => {
    const built = buildSessionInput('w1', draft({ answers: { stress: 7 } }), '2026-11-26');
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.stress).toMatch(/1 to 5/);
  });

  it('refuses a future date and minutes out of range', () => {
    const built = buildSessionInput('w1', draft({ heldOn: '2026-12-01', minutes: '2000' }), '2026-11-26');
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toMatchObject({
      heldOn: 'record.errors.heldOnFuture',
      minutes: 'record.errors.minutes',
    });
  });

  it('refuses an empty session unless it is marked "held, nothing to record"', () => {
    const empty = buildSessionInput('w1', draft({ minutes: '0', privateNotes: '   ' }), '2026-11-26');
    expect(empty).toEqual({ ok: false, errors: { nothingToRecord: 'records.errors.empty' } });
    const held = buildSessionInput('w1', draft({ nothingToRecord: true }), '2026-11-26');
    expect(held.ok && held.input).toMatchObject({ nothingToRecord: true, observations: [] });
    const minutesOnly = buildSessionInput('w1', draft({ minutes: '30' }), '2026-11-26');
    expect(minutesOnly.ok).toBe(true);
  });

  it('refuses "nothing to record" with answers or notes', () => {
    const built = buildSessionInput(
      'w1',
      draft({ nothingToRecord: true, answers: { stress: 2 } }),
      '2026-11-26',
    );
    expect(built).toEqual({ ok: false, errors: { nothingToRecord: 'records.errors.nothingButContent' } });
  });

  it('sends the summary shared with the PSW as typed, and leaves a blank one out', () => {
    const shared = buildSessionInput(
      'w1',
      draft({ minutes: '30', sharedSummary: ' Keep the Tuesday slot. ' }),
      '2026-11-26',
    );
    expect(shared.ok && shared.input.sharedSummary).toBe(' Keep the Tuesday slot. ');
    const blank = buildSessionInput('w1', draft({ minutes: '30', sharedSummary: '   ' }), '2026-11-26');
    expect(blank.ok && 'sharedSummary' in blank.input).toBe(false);
  });
});

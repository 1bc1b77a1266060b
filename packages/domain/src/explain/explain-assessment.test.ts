import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import { AS_OF, anAssessInput, anObservation } from '../assess/test-builders';
import { vignette1, vignette2 } from './explain-test-vignettes';

const plainParts = (e: ReturnType<typeof assess>['explanation']['conflicts']['friend_vs_professional']) =>
  [e.headline, e.raised, e.eased, e.unknown, e.moved].flatMap((t) => [t.en, t.cs]);

describe('explanation of vignette 1', () => {
  const fvp = assess(vignette1).explanation.conflicts.friend_vs_professional;

  it('names the signs with their dates and sources, the count with its window, and the early career', () => {
    expect(fvp.raised.en).toBe(
      'Raised by: client contact after hours: 12 times (last 23 Nov 2026, supervision); private number shared (6 Nov 2026, supervision) and work intrudes on personal life: 4 of 5 (6 Nov 2026, self-report). It weighs more early in a career: 4 months in post, under 12. Counts are in the 90 days to 26 Nov 2026.',
    );
    expect(fvp.raised.cs).toBe(
      'Zvyšuje ho: kontakt s klienty po pracovní době: 12× (naposledy 23. 11. 2026, supervize); klienti mají soukromé číslo (6. 11. 2026, supervize) a práce zasahuje do soukromí: 4 z 5 (6. 11. 2026, vlastní hlášení). Na začátku kariéry váží víc: ve funkci 4 měsíce, méně než 12. Počty jsou za 90 dní do 26. 11. 2026.',
    );
  });

  it('says nothing eases it and asks the catalog questions for what is unknown', () => {
    expect(fvp.eased.en).toBe('No protection against it is recorded.');
    expect(fvp.questions.map((q) => q.indicator)).toEqual([
      'meets_clients_outside_work',
      'client_friendship_requests',
      'informal_address_with_clients',
    ]);
    expect(fvp.unknown.en).toContain(
      'Ask next: “Since we last met, how many times did you meet clients outside work?”',
    );
    expect(fvp.unknown.cs).toContain(
      'Zeptejte se: „Kolikrát jste se od našeho posledního setkání viděli s klienty mimo práci?“',
    );
  });

  it('keeps weights, thresholds and scores out of the plain words and in the model lines', () => {
    for (const text of plainParts(fvp)) expect(text).not.toMatch(/\d\.\d|\d,\d|%|weight|váha/i);
    expect(fvp.model.map((m) => m.name)).toEqual(
      expect.arrayContaining(['tension', 'protection', 'context', 'severity', 'level_cuts', 'weight']),
    );
    for (const line of fvp.model) expect(line.meaning.en.length + line.meaning.cs.length).toBeGreaterThan(20);
  });

  it('says the friend role is unknown and why, since the conflict it belongs to is high', () => {
    const result = assess(vignette1);
    expect(result.roles.friend.enactment).toBeNull();
    const friend = result.explanation.roles.find((r) => r.role === 'friend');
    expect(friend?.text.en).toMatch(
      /^The Friend role shows as unknown because only 0 of its 3 signs were recorded/,
    );
    expect(friend?.text.cs).toContain('Role „Přítel“ se jeví jako neznámá');
    expect(friend?.questions.length).toBeGreaterThan(0);
  });
});

describe('explanation of vignette 2', () => {
  const sve = assess(vignette2).explanation.conflicts.staff_member_vs_expert_by_experience;

  it('words a missing condition as missing, and a protective fact never as a sign', () => {
    expect(sve.headline.en).toBe(
      'Severe, mainly because of: not invited to team meetings and not told about the clients they work with. Partly eased by protections: supportive colleagues.',
    );
    expect(sve.raised.en).toContain('not invited to team meetings (27 Oct 2026, supervision; for the unit)');
    expect(sve.raised.en).toContain('not told about the clients they work with');
    // The desk of their own is an inverse marker recorded as present: not a concern, never "raised by".
    const raisedPart = sve.raised.en.split('Recorded and not a concern:')[0] ?? '';
    expect(raisedPart).not.toMatch(/workplace/i);
    expect(sve.raised.en).toContain(
      'Recorded and not a concern: own workplace: yes (27 Oct 2026, supervision; for the unit).',
    );
    expect(sve.signs.map((s) => s.indicator)).not.toContain('has_own_workplace');
    expect(sve.eased.en).toBe(
      'Eased by these protections: supportive colleagues: 4 of 5 (12 Nov 2026, supervision).',
    );
    expect(sve.raised.cs).toContain('není zván na porady týmu (27. 10. 2026, supervize; za oddělení)');
    expect(sve.raised.en).toContain('It weighs more on an inpatient unit.');
  });
});

describe('counts and movement', () => {
  it('counts events per window and never adds the previous window in', () => {
    const input = anAssessInput({
      observations: [
        anObservation('after_hours_client_contact', 5, { daysAgo: 120, id: 'old' }),
        anObservation('after_hours_client_contact', 2, { daysAgo: 10, id: 'new' }),
      ],
    });
    const fvp = assess(input).explanation.conflicts.friend_vs_professional;
    expect(fvp.signs[0]?.countInWindow).toBe(2);
    expect(fvp.raised.en).toContain('client contact after hours: 2 times (16 Nov 2026, supervision)');
    expect(fvp.raised.en).toContain('Counts are in the 90 days to 26 Nov 2026.');
    expect(fvp.raised.en).not.toContain('7 times');
    expect(fvp.moved.en).toBe(
      'Falling compared with the previous 90 days (to 28 Aug 2026): active then, emerging now.',
    );
  });

  it('says an unknown conflict is unknown and what to ask first', () => {
    const sve = assess(anAssessInput({})).explanation.conflicts.staff_member_vs_expert_by_experience;
    expect(sve.level).toBe('unknown');
    expect(sve.headline.en).toMatch(
      /^Not known: none of its signs was recorded in the 90 days to 26 Nov 2026\. Start by asking: “/,
    );
    expect(sve.moved.en).toBe('Cannot say how it moved: it is not known in this period.');
    expect(AS_OF).toBe('2026-11-26');
  });
});

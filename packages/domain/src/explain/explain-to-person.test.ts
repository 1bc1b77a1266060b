/** The explanation written to the person it is about (ADR 0045): the same facts as the supervisor's, "you". */
import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import { checkInTexts } from '../catalog/check-in-texts';
import { vignette1, vignette2 } from './explain-test-vignettes';
import type { ConflictExplanation } from './explanation';

const personParts = (e: ConflictExplanation) => {
  const p = e.toPerson;
  return [p.headline, p.raised, p.eased, p.unknown, p.moved];
};

/** What only the supervisor's words say: third person, model numbers, the level labels. */
const notToThePerson = {
  en: /\bthe PSW\b|\btheir\b|\bthey\b|\d\.\d|%|weight|\b(Severe|Active|Emerging)\b/,
  cs: /pracovník|nemá vlastní|není zván|se kterými pracuje[^t]|\d,\d|%|váha|Závažný|Aktivní|Počínající/,
};

describe('vignette 1 written to the person', () => {
  const result = assess(vignette1);
  const fvp = result.explanation.conflicts.friend_vs_professional;

  it('names the same signs, dates and window, the self-report as their own answer, in English', () => {
    expect(fvp.toPerson.raised.en).toBe(
      'What adds to it: client contact after hours: 12 times (last 23 Nov 2026, supervision); private number shared (6 Nov 2026, supervision) and work intrudes on personal life: 4 of 5 (6 Nov 2026, your own answer). It weighs more early on: you have been in your post for 4 months, and the first 12 months count more. Counts are in the 90 days to 26 Nov 2026.',
    );
    expect(fvp.toPerson.eased.en).toBe('Nothing that eases it is recorded yet.');
    // The person reads what their check-in asks, never the supervisor's questions about "the PSW".
    expect(fvp.toPerson.unknown.en).toContain(
      `Your next check-in asks about some of them, for example: “${checkInTexts.meets_clients_outside_work.en}” “${checkInTexts.client_friendship_requests.en}”`,
    );
  });

  it('says the same in Czech, in the formal address of the PSW pages', () => {
    expect(fvp.toPerson.raised.cs).toBe(
      'Co k němu přispívá: kontakt s klienty po pracovní době: 12× (naposledy 23. 11. 2026, supervize); klienti mají soukromé číslo (6. 11. 2026, supervize) a práce zasahuje do soukromí: 4 z 5 (6. 11. 2026, vaše vlastní odpověď). Na začátku v práci váží víc: ve funkci jste 4 měsíce a prvních 12 měsíců se počítá víc. Počty jsou za 90 dní do 26. 11. 2026.',
    );
    expect(fvp.toPerson.eased.cs).toBe('Zatím není zaznamenáno nic, co by ho zmírňovalo.');
    expect(fvp.toPerson.unknown.cs).toContain(
      `Vaše příští ohlédnutí se na některé z nich ptá, například: „${checkInTexts.meets_clients_outside_work.cs}“`,
    );
  });

  it('tells how strong it is in plain words, never with a level label, a number of the model or "the PSW"', () => {
    const strong = { en: 'Strong', cs: 'Silně se projevuje' };
    const clear = { en: 'Clearly present', cs: 'Zřetelně se projevuje' };
    const level = fvp.level === 'severe' ? strong : clear;
    expect(fvp.toPerson.headline.en).toBe(
      `${level.en} right now, mainly because of: client contact after hours: 12 times and private number shared. Nothing recorded eases it yet.`,
    );
    expect(fvp.toPerson.headline.cs).toMatch(new RegExp(`^${level.cs}, hlavně kvůli: kontakt s klienty`));
    for (const part of personParts(fvp)) {
      expect(part.en).not.toMatch(notToThePerson.en);
      expect(part.cs).not.toMatch(notToThePerson.cs);
    }
    // The same facts as the supervisor's words: only the voice differs.
    expect(fvp.raised.en).toContain('(6 Nov 2026, self-report)');
    expect(fvp.headline.en).toMatch(/^(Severe|Active), mainly because of/);
  });

  it('explains the unknown friend role to the person', () => {
    const friend = result.explanation.roles.find((r) => r.role === 'friend');
    expect(friend?.toPerson.en).toMatch(
      /^How much you take on the Friend role is not known yet: only 0 of its 3 signs were recorded in the 90 days to 26 Nov 2026, too few to tell\. The .+ pressure is (strong|clearly present) all the same/,
    );
    expect(friend?.toPerson.cs).toMatch(/^Nakolik naplňujete roli „Přítel“, zatím nevíme:/);
    expect(friend?.toPerson.en).not.toMatch(notToThePerson.en);
    expect(friend?.toPerson.cs).not.toMatch(notToThePerson.cs);
  });
});

describe('vignette 2 written to the person', () => {
  const sve = assess(vignette2).explanation.conflicts.staff_member_vs_expert_by_experience;

  it('words the missing conditions as theirs, and names the protection on their side', () => {
    expect(sve.toPerson.headline.en).toBe(
      'Strong right now, mainly because of: you are not invited to team meetings and you are not told about the clients you work with. What you have on your side: supportive colleagues.',
    );
    expect(sve.toPerson.headline.cs).toBe(
      'Silně se projevuje, hlavně kvůli: na porady týmu vás nezvou a nedostáváte informace o klientech, se kterými pracujete. Na vaší straně je: podporující kolegové.',
    );
    expect(sve.toPerson.raised.en).toContain(
      'you are not invited to team meetings (27 Oct 2026, supervision; for your unit)',
    );
    expect(sve.toPerson.raised.en).toContain(
      'Also recorded, and not adding to it: own workplace: yes (27 Oct 2026, supervision; for your unit).',
    );
    expect(sve.toPerson.raised.en).toContain('It weighs more on an inpatient unit like yours.');
    expect(sve.toPerson.raised.cs).toContain(
      'na porady týmu vás nezvou (27. 10. 2026, supervize; za vaše oddělení)',
    );
    expect(sve.toPerson.eased.en).toBe(
      'What eases it (protections you have): supportive colleagues: 4 of 5 (12 Nov 2026, supervision).',
    );
    expect(sve.toPerson.eased.cs).toBe(
      'Co ho zmírňuje (ochranné faktory, které máte): podporující kolegové: 4 z 5 (12. 11. 2026, supervize).',
    );
  });

  it('points the unknowns to the check-in, and the unknown team conflict of vignette 1 too', () => {
    expect(sve.toPerson.unknown.en).toContain(`“${checkInTexts.self_stigma.en}”`);
    const unknownTeam = assess(vignette1).explanation.conflicts.staff_member_vs_expert_by_experience;
    expect(unknownTeam.level).toBe('unknown');
    expect(unknownTeam.toPerson.headline.en).toBe(
      `Not known yet: nothing about it was recorded in the 90 days to 26 Nov 2026. Your next check-in asks about it, for example: “${checkInTexts.seen_as_former_patient.en}”`,
    );
    // The supervisor's question about "the PSW" for a unit condition is not put to the person.
    expect(unknownTeam.unknown.en).toContain('Is the PSW invited');
    expect(unknownTeam.toPerson.unknown.en).not.toContain('the PSW');
    expect(unknownTeam.toPerson.unknown.cs).not.toContain('peer pracovník');
  });

  it('says how it moved in plain words, in both languages', () => {
    expect(sve.trend).not.toBeNull();
    const moved = personParts(sve)[4];
    expect(moved?.en).toMatch(/^(New|About the same as|Stronger than|Lighter than)/);
    expect(moved?.en).toContain('the previous 90 days (to 28 Aug 2026)');
    expect(moved?.cs).toContain('předchozími 90 dny (do 28. 8. 2026)');
    for (const part of personParts(sve)) {
      expect(part.en).not.toMatch(notToThePerson.en);
      expect(part.cs).not.toMatch(notToThePerson.cs);
    }
  });
});

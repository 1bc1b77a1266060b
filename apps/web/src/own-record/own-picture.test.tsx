/** The own picture (ADR 0045): the conflicts written to the person, the model's numbers only in the details. */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ownDocument } from '../../test/own-record-fixture';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { OwnPicture } from './own-picture';

afterEach(async () => {
  await changeLanguage('en', false);
});

const { picture } = ownDocument;
const team = picture.explanation.conflicts.staff_member_vs_expert_by_experience;

/** A conflict card's words as read without opening "how the model decided". */
function plainTextOf(card: HTMLElement): string {
  const copy = card.cloneNode(true) as HTMLElement;
  for (const details of copy.querySelectorAll('details')) details.remove();
  return copy.textContent ?? '';
}

const teamCard = () =>
  screen
    .getAllByTestId('own-conflict')
    .find(
      (c) => c.querySelector('h3')?.textContent === 'Staff member versus expert by experience',
    ) as HTMLElement;

describe('OwnPicture', () => {
  it('writes each conflict to the person: what adds to it, what eases it, what is unknown, how it moved', () => {
    renderWithProviders(<OwnPicture picture={picture} />);
    expect(
      screen.getByText('Written to you, from the same facts your supervisor reads, as of 1 Dec 2026.'),
    ).toBeTruthy();
    const text = plainTextOf(teamCard());
    expect(text).toContain(
      'mainly because of: you are not invited to team meetings and you are not told about the clients you work with.',
    );
    expect(text).toContain('What you have on your side: supportive colleagues.');
    expect(text).toContain('supportive colleagues: 4 of 5 (20 Nov 2026, supervision)');
    expect(text).toContain(team.toPerson.moved.en);
    expect(text).toContain(team.toPerson.unknown.en);
    // Never the supervisor's third person, a level label or a number of the model.
    expect(text).not.toContain(team.headline.en);
    for (const card of screen.getAllByTestId('own-conflict'))
      expect(plainTextOf(card)).not.toMatch(
        /\bthe PSW\b|\btheir\b|Severe|Emerging|\bActive\b|weight|\d\.\d|%/,
      );
  });

  it('keeps the level and the numbers in a closed "how the model decided", each with its meaning', () => {
    renderWithProviders(<OwnPicture picture={picture} />);
    const details = teamCard().querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('How the model decided');
    const inside = details.textContent ?? '';
    expect(inside).toContain('Your supervisor’s page shows:');
    expect(inside).toMatch(/Tension: [\d.]+ – How strongly the signs together point to the conflict/);
    expect(inside).toContain('Level thresholds: 0.15 / 0.35 / 0.6');
  });

  it('reads in Czech, in the formal address of the PSW pages', async () => {
    await changeLanguage('cs', false);
    renderWithProviders(<OwnPicture picture={picture} />);
    expect(
      screen.getByText('Napsáno pro vás ze stejných údajů, jaké čte váš supervizor, ke dni 1. 12. 2026.'),
    ).toBeTruthy();
    const card = screen
      .getAllByTestId('own-conflict')
      .find((c) => c.textContent?.includes('na porady týmu vás nezvou'));
    expect(card).toBeTruthy();
    const text = plainTextOf(card as HTMLElement);
    expect(text).toContain('Na vaší straně je: podporující kolegové.');
    expect(text).toContain('(1. 11. 2026, supervize; za vaše oddělení)');
    expect(text).not.toMatch(/pracovník|není zván|Závažný|Aktivní/);
    expect(card?.querySelector('summary')?.textContent).toBe('Jak k tomu výpočet dospěl');
  });
});

/**
 * One check-in question: a 1–5 question shows the ends of its own catalog question in the viewer's
 * language (one set of anchors, ADR 0038), never a general scale; a yes/no question shows no ends.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { checkInSteps } from './check-in-model';
import { CheckInStepCard } from './check-in-step-card';

const step = (id: string) => {
  const found = checkInSteps.find((s) => s.indicator === id);
  if (!found) throw new Error(`no check-in step ${id}`);
  return found;
};

function renderStep(id: string) {
  return renderWithProviders(
    <CheckInStepCard
      step={step(id)}
      answer={{ value: undefined, share: true }}
      error={null}
      onChange={() => {}}
    />,
  );
}

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('check-in question', () => {
  it("shows a 1–5 question's own ends in the viewer's language", async () => {
    const { unmount } = renderStep('shares_lived_experience');
    expect(screen.getByTestId('check-in-scale-ends').textContent).toBe('1 never, 5 very often');
    unmount();
    await changeLanguage('cs', false);
    const cs = renderStep('shares_lived_experience');
    expect(screen.getByTestId('check-in-scale-ends').textContent).toBe('1 nikdy, 5 velmi často');
    expect(cs.container.textContent).not.toContain('vůbec ne');
    cs.unmount();
    renderStep('role_unclear');
    expect(screen.getByTestId('check-in-scale-ends').textContent).toBe('1 zcela jasné, 5 zcela nejasné');
  });

  it('shows no ends on a yes/no question', () => {
    renderStep('private_number_shared');
    expect(screen.queryByTestId('check-in-scale-ends')).toBeNull();
  });
});

/** The admin's burnout questionnaire form: counts named on their field, nothing sent until they fit, "turn off" keeps the texts. */
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import type { BurnoutItemLists } from './burnout-items-draft';
import { BurnoutItemsForm } from './burnout-items-form';

const lines = (scale: string, n: number) =>
  Array.from({ length: n }, (_, i) => `Synthetic ${scale} item ${i + 1}`);
const ITEMS = { personal: lines('personal', 6), work: lines('work', 7) };

const textarea = (scale: string) => screen.getByTestId(`burnout-items-${scale}`) as HTMLTextAreaElement;

/** As the section does: the form stays mounted while the saved state changes under it. */
function Harness({ onSave }: { onSave: (items: BurnoutItemLists | null) => void }) {
  const [items, setItems] = useState<BurnoutItemLists | null>(ITEMS);
  const [saved, setSaved] = useState<'on' | 'off' | null>(null);
  return (
    <BurnoutItemsForm
      initial={items}
      enabled={items !== null}
      onSave={(next) => {
        onSave(next);
        setItems(next);
        setSaved(next === null ? 'off' : 'on');
      }}
      pending={false}
      error={null}
      saved={saved}
    />
  );
}

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('BurnoutItemsForm', () => {
  it('says PeerBridge ships no items, and names the scale whose count is wrong without sending anything', () => {
    const onSave = vi.fn();
    renderWithProviders(
      <BurnoutItemsForm
        initial={null}
        enabled={false}
        onSave={onSave}
        pending={false}
        error={null}
        saved={null}
      />,
    );
    expect(screen.getByText(/ships no copyrighted questionnaire items/)).toBeTruthy();
    expect(screen.getByTestId('burnout-state').textContent).toBe(
      'Off: the check-in asks no burnout questions.',
    );
    fireEvent.change(textarea('personal'), { target: { value: lines('personal', 5).join('\n') } });
    fireEvent.change(textarea('work'), { target: { value: `${ITEMS.work.join('\n')}\n\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and turn on' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Enter exactly 6 item texts, one per line; there are 5.')).toBeTruthy();
    expect(screen.queryByText(/Enter exactly 7/)).toBeNull();
    // The fix: one more line; blank lines and surrounding spaces are not items.
    fireEvent.change(textarea('personal'), {
      target: { value: ITEMS.personal.map((l) => `  ${l} `).join('\n') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save and turn on' }));
    expect(onSave).toHaveBeenCalledWith(ITEMS);
  });

  it('turns the questionnaire off and keeps the texts on the form', () => {
    const onSave = vi.fn();
    renderWithProviders(<Harness onSave={onSave} />);
    expect(textarea('work').value).toBe(ITEMS.work.join('\n'));
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(onSave).toHaveBeenCalledWith(null);
    expect(screen.getByRole('status').textContent).toMatch(/^Turned off\./);
    expect(screen.getByTestId('burnout-state').textContent).toMatch(/^Off/);
    expect(textarea('personal').value).toBe(ITEMS.personal.join('\n'));
    expect(screen.queryByRole('button', { name: 'Turn off' })).toBeNull();
    // On again with the kept texts, unchanged.
    fireEvent.click(screen.getByRole('button', { name: 'Save and turn on' }));
    expect(onSave).toHaveBeenLastCalledWith(ITEMS);
  });

  it('is in Czech', async () => {
    await changeLanguage('cs', false);
    renderWithProviders(
      <BurnoutItemsForm
        initial={null}
        enabled={false}
        onSave={() => {}}
        pending={false}
        error={null}
        saved={null}
      />,
    );
    expect(screen.getByText('Dotazník vyhoření')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uložit a zapnout' })).toBeTruthy();
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { AppDialog } from './app-dialog';

/** A page the way ours are built: the dialog is mounted only while open, and its opener may go. */
function Page({ removeOpenerOnSave = false }: { removeOpenerOnSave?: boolean }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <main id="main">
      <h1>Page title</h1>
      {saved && removeOpenerOnSave ? null : (
        <button type="button" onClick={() => setOpen(true)}>
          Open it
        </button>
      )}
      {open ? (
        <AppDialog title="A dialog" onClose={() => setOpen(false)}>
          <button
            type="button"
            onClick={() => {
              setSaved(true);
              setOpen(false);
            }}
          >
            Save
          </button>
        </AppDialog>
      ) : null}
    </main>
  );
}

describe('AppDialog', () => {
  it('gives the focus back to its opener after Escape, though it was unmounted', async () => {
    renderWithProviders(<Page />);
    const opener = screen.getByRole('button', { name: 'Open it' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('names its close button', async () => {
    renderWithProviders(<Page />);
    fireEvent.click(screen.getByRole('button', { name: 'Open it' }));
    await screen.findByRole('dialog');
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('focuses the main heading when the opener is gone, never the body', async () => {
    renderWithProviders(<Page removeOpenerOnSave />);
    const opener = screen.getByRole('button', { name: 'Open it' });
    opener.focus();
    fireEvent.click(opener);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const heading = screen.getByRole('heading', { level: 1 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.tabIndex).toBe(-1);
  });
});

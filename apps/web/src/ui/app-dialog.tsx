/**
 * The portal's one dialog: Mantine's Modal, with the focus given back to the element that opened it
 * when it closes (Escape, the close button, Cancel, or a saved form). Mantine returns the focus only
 * when `opened` turns false while it stays mounted; our pages mostly unmount the dialog on close, so
 * this wrapper remembers the opener itself and restores it either way. When the opener is gone (a
 * saved answer removed its button), the focus goes to the page's main heading instead of the body.
 */
import { Modal, type ModalProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusHeading } from '../shell/use-route-focus';

export type AppDialogProps = Omit<ModalProps, 'opened' | 'returnFocus'> & { opened?: boolean };

/** Gives the focus back to `opener` if it is still on the page, else to the main heading. */
export function returnFocusTo(opener: HTMLElement | null): number {
  return window.setTimeout(() => {
    if (opener?.isConnected && !opener.hasAttribute('disabled')) {
      opener.focus({ preventScroll: false });
      return;
    }
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) focusHeading(heading);
  }, 0);
}

export function AppDialog({ opened = true, closeButtonProps, ...props }: AppDialogProps) {
  const { t } = useTranslation();
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const pending = useRef<number | undefined>(undefined);
  // Taken while rendering the opening, before the dialog moves the focus inside itself.
  if (opened && !wasOpen.current && typeof document !== 'undefined') {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  useEffect(() => {
    if (opened) {
      // A cleanup directly followed by a new run (React's development double run) is no close.
      window.clearTimeout(pending.current);
      wasOpen.current = true;
      return () => {
        // Closed while mounted, or unmounted while open: either way the dialog is gone.
        wasOpen.current = false;
        pending.current = returnFocusTo(opener.current);
      };
    }
    return undefined;
  }, [opened]);
  return (
    <Modal
      {...props}
      opened={opened}
      returnFocus={false}
      closeButtonProps={{ 'aria-label': t('common.close'), ...closeButtonProps }}
    />
  );
}

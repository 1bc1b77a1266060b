/** A wide table that scrolls sideways on a tablet; focusable so keyboard users can scroll it too. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ScrollTable({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-label={label ?? t('common.scrollTable')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
      style={{ overflowX: 'auto' }}
    >
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}

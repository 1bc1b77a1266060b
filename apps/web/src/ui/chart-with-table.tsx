/**
 * A chart with its table alternative (WCAG 1.1.1): the picture is hidden from assistive technology
 * and holds no tab stops; the same numbers are a real table, always there for screen readers, shown on
 * screen with one toggle (for keyboard and low-vision users who want the numbers).
 */
import { Button, Stack } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ChartWithTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const tableId = useId();
  return (
    <Stack gap="xs">
      {/* inert: nothing inside the drawing can take the focus, whatever the chart library renders. */}
      <div aria-hidden inert data-testid="chart-picture">
        {chart}
      </div>
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        aria-expanded={shown}
        aria-controls={tableId}
        onClick={() => setShown((s) => !s)}
        data-testid="chart-table-toggle"
      >
        {shown ? t('a11y.chart.hideTable') : t('a11y.chart.showTable')}
      </Button>
      <div id={tableId} className={shown ? undefined : 'visually-hidden'} data-testid="chart-table">
        {table}
      </div>
    </Stack>
  );
}

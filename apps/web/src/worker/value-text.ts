/** How an observation's value reads in words: "4 of 5", "yes", "3 times". */
import { catalog, type IndicatorId } from '@peerbridge/domain';
import type { TFunction } from 'i18next';

export function valueText(indicator: IndicatorId, value: number | boolean, t: TFunction): string {
  const kind = catalog.indicators[indicator].kind;
  if (kind === 'bool') return value === true || value === 1 ? t('value.yes') : t('value.no');
  if (kind === 'likert') return t('value.likert', { value: Number(value) });
  return t('value.count', { count: Number(value) });
}

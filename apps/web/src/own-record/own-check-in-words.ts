/** A check-in answer in the PSW's words: the question they were asked and their answer ("4 of 5", "yes"). */
import { type CheckInIndicatorId, checkInTexts } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useLocalized } from '../i18n/localized';
import { valueText } from '../worker/value-text';

export type OwnCheckInView = RouterOutputs['ownRecord']['checkIns']['items'][number];

export function useCheckInWords() {
  const { t } = useTranslation();
  const localized = useLocalized();
  return {
    question: (indicator: CheckInIndicatorId) => localized(checkInTexts[indicator]),
    answer: (indicator: CheckInIndicatorId, value: number | boolean) => valueText(indicator, value, t),
  };
}

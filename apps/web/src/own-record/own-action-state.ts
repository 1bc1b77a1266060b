/** How one of the PSW's own actions stands, in words: due, open, or done with its outcome. */
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';

export type OwnActionView = RouterOutputs['ownRecord']['open']['actions'][number];

export function useOwnActionState(): (a: OwnActionView) => string {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (a) => {
    const state =
      a.status === 'done'
        ? t('own.done', { date: a.completedAt ? fmt.date(a.completedAt.slice(0, 10)) : '' })
        : a.dueOn
          ? t('own.due', { date: fmt.date(a.dueOn) })
          : t('own.open');
    return a.status === 'done' && a.outcome ? `${state} · ${t(`actions.outcome.${a.outcome}`)}` : state;
  };
}

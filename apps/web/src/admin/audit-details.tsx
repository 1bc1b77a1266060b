/**
 * An audit event's details in words (issue 11 item 7): each stored key by its label in the viewer's
 * language, dates and numbers formatted, yes/no for flags, role, setting and outcome codes by their
 * labels (and file formats, exported tables), nested values in brackets. A key this portal does not know (a newer server) shows as stored.
 */
import { type CardId, cardIds, catalog } from '@peerbridge/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { pick } from '../i18n/localized';

type Format = ReturnType<typeof useFormat> & { language: string };

const knownCards: ReadonlySet<string> = new Set(cardIds);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Codes whose values have labels of their own elsewhere in the messages. */
const valueLabels: Record<string, string> = {
  roles: 'admin.roles',
  before: 'admin.roles',
  after: 'admin.roles',
  setting: 'setting',
  outcome: 'actions.outcome',
  previousOutcome: 'actions.outcome',
  format: 'auditValues.format',
  table: 'auditValues.table',
};

function valueText(value: unknown, key: string, t: TFunction, fmt: Format): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return fmt.number(value);
  if (typeof value === 'string') {
    const labels = valueLabels[key];
    if (labels) return t(`${labels}.${value}`, { defaultValue: value });
    // A recommendation by its catalog summary in the viewer's language, as on the actions page.
    if (key === 'cardId' && knownCards.has(value))
      return pick(catalog.cards[value as CardId].summary, fmt.language);
    if (isoDate.test(value)) return fmt.date(value);
    if (isoDateTime.test(value)) return fmt.dateTime(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => valueText(v, key, t, fmt)).join(', ');
  if (typeof value === 'object') return `(${detailsText(value as Record<string, unknown>, t, fmt)})`;
  return String(value);
}

/** "Label: value; Label: value" for one level of details. */
export function detailsText(details: Record<string, unknown>, t: TFunction, fmt: Format): string {
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${t(`auditDetails.${key}`, { defaultValue: key })}: ${valueText(value, key, t, fmt)}`,
    )
    .join('; ');
}

export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const fmt = { ...useFormat(), language: i18n.language };
  return <>{detailsText(details, t, fmt)}</>;
}

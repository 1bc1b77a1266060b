/**
 * The audit screen's filters as URL search params (`person`, `psw`, `actions` comma-separated, `from`,
 * `to`), so a filtered view can be bookmarked and shared between admins; and the api's filter input and
 * CSV link built from them. Values that are not of the expected shape are dropped, not sent.
 */
export interface AuditSearch {
  person?: string;
  psw?: string;
  actions?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_]+(\.[a-z_]+)+$/;
const KEYS = ['person', 'psw', 'actions', 'from', 'to'] as const;

/** The audit filters of a route's raw search object. */
export function auditSearchOf(search: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  for (const key of KEYS) {
    const value = search[key];
    if (typeof value !== 'string' || value === '' || value.length > 2000) continue;
    if ((key === 'from' || key === 'to') && !DATE.test(value)) continue;
    out[key] = value;
  }
  const actions = actionsOf(out);
  if (actions.length > 0) out.actions = actions.join(',');
  else delete out.actions;
  return out;
}

export function actionsOf(search: AuditSearch): string[] {
  return (search.actions ?? '').split(',').filter((a) => ACTION.test(a));
}

/** The input of `admin.auditLog` (without the cursor and limit). */
export function auditFiltersOf(search: AuditSearch) {
  const actions = actionsOf(search);
  return {
    ...(search.person ? { actorUserId: search.person } : {}),
    ...(search.psw ? { workerId: search.psw } : {}),
    ...(actions.length > 0 ? { actions } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
  };
}

/** The CSV download link for the same filters. */
export function auditCsvHref(search: AuditSearch): string {
  const params = new URLSearchParams();
  const filters = auditFiltersOf(search);
  if (filters.actorUserId) params.set('actorUserId', filters.actorUserId);
  if (filters.workerId) params.set('workerId', filters.workerId);
  for (const action of filters.actions ?? []) params.append('action', action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  const query = params.toString();
  return `/api/audit.csv${query ? `?${query}` : ''}`;
}

/**
 * The audit screen's pieces: action labels in the viewer's language for every action code the code base
 * writes (grepped from the sources, so a new code without a label fails here), names instead of ids in
 * the table, the filters written to and read from URL search params, and the CSV link carrying them.
 */
import { readFileSync } from 'node:fs';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { auditWriterFiles } from '../../test/source-files';
import { changeLanguage, i18next } from '../i18n/i18n';
import { AuditEventsTable, type AuditTableRow } from './audit-events-table';
import { AUDIT_ACTION_CODES, AuditFiltersBar } from './audit-filters-bar';
import { auditCsvHref, auditFiltersOf, auditSearchOf } from './audit-search';

/** Action codes written by the services and apps: `action: 'x.y'`, `*_ACTIONS` maps and the card decision codes. */
function writtenActionCodes(): string[] {
  const codes = new Set<string>();
  for (const file of auditWriterFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1] as string);
    // Codes kept in a constant map (the record views, ADR 0009).
    for (const map of text.matchAll(/_ACTIONS = \{([^}]*)\}/g)) {
      for (const m of (map[1] as string).matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1] as string);
    }
    for (const m of text.matchAll(/action: `([a-z_]+)\.\$\{[^}]*'([a-z_]+)' : '([a-z_]+)'\}`/g)) {
      codes.add(`${m[1]}.${m[2] === 'accepted' ? 'accept' : m[2]}`);
      codes.add(`${m[1]}.${m[3]}`);
    }
  }
  return [...codes].sort();
}

const row = (over: Partial<AuditTableRow>): AuditTableRow => ({
  id: 'e1',
  at: '2026-11-20T10:00:00.000Z',
  action: 'session_notes.read',
  labelKey: 'auditActions.session_notes.read',
  actorName: 'Věra Nováková',
  actorRoles: ['supervisor'],
  entityType: 'peer_worker',
  workerName: 'Peer Jana',
  details: {},
  ...over,
});

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('audit action labels', () => {
  it('has an English and a Czech label for every action code the code base writes', () => {
    const written = writtenActionCodes();
    expect(written.length).toBeGreaterThan(20);
    expect(written).toContain('card.override');
    expect(written).toContain('worker_record.view');
    for (const code of written) {
      expect(AUDIT_ACTION_CODES, code).toContain(code);
      for (const lng of ['en', 'cs']) {
        expect(i18next.exists(`auditActions.${code}`, { lng }), `${lng}: ${code}`).toBe(true);
      }
    }
    // The Czech labels are Czech, not copies of the English ones.
    const same = written.filter(
      (c) => i18next.t(`auditActions.${c}`, { lng: 'en' }) === i18next.t(`auditActions.${c}`, { lng: 'cs' }),
    );
    expect(same).toEqual([]);
  });

  it('shows the stored names, the PSW name and the label in the viewer language, never the raw code', async () => {
    const rows = [
      row({}),
      row({ id: 'e2', action: 'brand.new', labelKey: 'auditActions.brand.new', workerName: null }),
    ];
    const { unmount } = renderWithProviders(<AuditEventsTable rows={rows} />);
    const [first, second] = screen.getAllByTestId('audit-action');
    expect(first?.textContent).toBe('Read session notes');
    // An unknown code shows as itself rather than a blank.
    expect(second?.textContent).toBe('brand.new');
    expect(screen.getAllByTestId('audit-actor')[0]?.textContent).toBe('Věra Nováková (Supervisor)');
    expect(screen.getAllByTestId('audit-psw')[0]?.textContent).toBe('Peer Jana');
    unmount();
    await changeLanguage('cs', false);
    renderWithProviders(<AuditEventsTable rows={rows} />);
    expect(screen.getAllByTestId('audit-action')[0]?.textContent).toBe('Četl(a) poznámky ze supervize');
    expect(screen.getAllByTestId('audit-actor')[0]?.textContent).toContain('Supervizor');
  });
});

describe('audit filters', () => {
  it('reads filters from the URL, drops malformed ones, and builds the api input and the CSV link', () => {
    const search = auditSearchOf({
      tab: 'audit',
      person: 'u-1',
      psw: 'w-1',
      actions: 'worker_record.view,DROP TABLE,session_notes.read',
      from: '2026-11-01',
      to: 'tomorrow',
    });
    expect(search).toEqual({
      person: 'u-1',
      psw: 'w-1',
      actions: 'worker_record.view,session_notes.read',
      from: '2026-11-01',
    });
    expect(auditFiltersOf(search)).toEqual({
      actorUserId: 'u-1',
      workerId: 'w-1',
      actions: ['worker_record.view', 'session_notes.read'],
      from: '2026-11-01',
    });
    expect(auditCsvHref(search)).toBe(
      '/api/audit.csv?actorUserId=u-1&workerId=w-1&action=worker_record.view&action=session_notes.read&from=2026-11-01',
    );
    expect(auditCsvHref({})).toBe('/api/audit.csv');
  });

  it('changes the search when a date is set or the filters are cleared, and links the CSV with them', () => {
    const onChange = vi.fn();
    renderWithProviders(
      <AuditFiltersBar
        search={{ psw: 'w-1' }}
        onChange={onChange}
        people={[{ id: 'u-1', name: 'Věra Nováková' }]}
        workers={[{ id: 'w-1', name: 'Peer Jana' }]}
      />,
    );
    const bar = screen.getByRole('search');
    // The chosen PSW shows by name, not by id.
    expect((within(bar).getByDisplayValue('Peer Jana') as HTMLInputElement).value).toBe('Peer Jana');
    fireEvent.change(within(bar).getByLabelText('From'), { target: { value: '2026-11-05' } });
    expect(onChange).toHaveBeenLastCalledWith({ psw: 'w-1', from: '2026-11-05' });
    fireEvent.click(within(bar).getByText('Clear filters'));
    expect(onChange).toHaveBeenLastCalledWith({});
    expect(screen.getByTestId('audit-csv-link').getAttribute('href')).toBe('/api/audit.csv?workerId=w-1');
  });
});

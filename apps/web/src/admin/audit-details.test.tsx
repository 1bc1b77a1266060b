/**
 * An audit event's details in words: every key the code base writes into details has a label in
 * English and in Czech (grepped from the sources, so a new key without one fails here), and the table
 * shows labels and formatted values in the viewer's language instead of JSON.
 */
import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { auditWriterFiles } from '../../test/source-files';
import { changeLanguage, i18next } from '../i18n/i18n';
import { AuditEventsTable } from './audit-events-table';

/** The text of the object literal that opens at `start` (a `{`), braces balanced. */
function objectAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') depth -= 1;
    if (depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** Keys of `details: { ... }` literals (written and shorthand), at any depth. */
function writtenDetailKeys(): string[] {
  const keys = new Set<string>();
  for (const file of auditWriterFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/details(?::|\s*=)\s*(?:[^{;\n]*\?\s*)?\{/g)) {
      const literal = objectAt(text, (m.index ?? 0) + m[0].length - 1);
      for (const k of literal.matchAll(/[{,]\s*(\w+)\s*(?=[:,}])/g)) keys.add(k[1] as string);
    }
  }
  return [...keys].sort();
}

/** A system event (no actor, no PSW) holding `details`. */
const event = (details: Record<string, unknown>) => ({
  id: 'd1',
  at: '2026-11-21T08:30:00.000Z',
  action: 'action.complete',
  labelKey: 'auditActions.action.complete',
  actorName: null,
  actorRoles: [],
  entityType: 'action_item',
  workerName: null,
  details,
});

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('audit details', () => {
  it('has an English and a different Czech label for every details key the code base writes', () => {
    const written = writtenDetailKeys();
    expect(written).toEqual(
      expect.arrayContaining(['workerId', 'outcome', 'withNote', 'plannedOn', 'counts']),
    );
    const missing = written.filter(
      (k) => !['en', 'cs'].every((lng) => i18next.exists(`auditDetails.${k}`, { lng })),
    );
    expect(missing).toEqual([]);
    const same = written.filter(
      (k) =>
        k !== 'sha256' &&
        i18next.t(`auditDetails.${k}`, { lng: 'en' }) === i18next.t(`auditDetails.${k}`, { lng: 'cs' }),
    );
    expect(same).toEqual([]);
  });

  it('shows labels and formatted values in the viewer language, not JSON', async () => {
    const details = {
      outcome: 'not_needed',
      withNote: true,
      plannedOn: '2026-12-01',
      roles: ['supervisor', 'admin'],
      counts: { document: 3, code: 12 },
      format: 'csv-segments',
      brandNew: 'kept',
    };
    const { unmount } = renderWithProviders(<AuditEventsTable rows={[event(details)]} />);
    expect(screen.getByTestId('audit-details').textContent).toBe(
      'Outcome: Not needed; With a note: Yes; Planned for: 1 Dec 2026; Roles: Supervisor, Administrator; ' +
        'Counts: (Documents: 3; Codes: 12); Format: CSV: segments; brandNew: kept',
    );
    unmount();
    await changeLanguage('cs', false);
    renderWithProviders(<AuditEventsTable rows={[event(details)]} />);
    const text = screen.getByTestId('audit-details').textContent ?? '';
    expect(text).toContain('Výsledek: Nebylo potřeba');
    expect(text).toContain('S poznámkou: Ano');
    expect(text).toContain('Počty: (Dokumenty: 3; Kódy: 12); Formát: CSV: úseky');
    expect(text).not.toContain('{');
  });

  it('leaves the cell empty when an event has no details', () => {
    renderWithProviders(<AuditEventsTable rows={[event({})]} />);
    expect(screen.getByTestId('audit-details').textContent).toBe('');
  });
});

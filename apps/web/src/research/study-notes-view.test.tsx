/** The study page's memos and sets (ADR 0044): counts beside codes and documents, notes on demand, sets as filters. */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { StudyNoteList, type StudyNoteView } from './study-note-list';
import { type NotesTarget, type StudyNotesIndexView, StudyNotesView } from './study-notes-view';

afterEach(async () => {
  await changeLanguage('en', false);
});

const index: StudyNotesIndexView = {
  pseudonymized: false,
  projectNotes: 1,
  sets: [{ id: 'set-1', name: 'Podpora', description: null, documents: 1, codes: 2 }],
  set: null,
  codes: [
    { id: 'c-hope', name: 'Naděje', segments: 2, notes: 2 },
    { id: 'c-fear', name: 'Strach', segments: 1, notes: 0 },
  ],
  documents: [{ id: 'd-1', name: 'Rozhovor 1', segments: 5, notes: 3 }],
};

const notes: StudyNoteView[] = [
  {
    id: 'r1',
    target: 'code',
    code: { id: 'c-hope', name: 'Naděje' },
    document: null,
    name: 'Memo ke kódu Naděje',
    text: 'Kódovat jen výslovné zmínky.',
    author: null,
    createdAt: null,
  },
  {
    id: 'r2',
    target: 'coding',
    code: { id: 'c-hope', name: 'Naděje' },
    document: { id: 'd-1', name: 'Rozhovor 1' },
    name: null,
    text: null,
    author: 'Kodér B',
    createdAt: '2025-01-12T10:00:01Z',
  },
];

const targetLabel = (t: NotesTarget) =>
  t.about === 'project' ? 'project' : t.about === 'code' ? `code ${t.codeId}` : `document ${t.documentId}`;

describe('StudyNotesView', () => {
  it('shows each code’s and document’s note count and opens the notes of the one asked for', () => {
    const asked: NotesTarget[] = [];
    renderWithProviders(
      <StudyNotesView
        index={index}
        onSetChange={() => {}}
        notesOf={(t) => {
          asked.push(t);
          return <span data-testid="opened">{targetLabel(t)}</span>;
        }}
      />,
    );
    const codeRows = within(screen.getByTestId('study-codes')).getAllByTestId('study-code-row');
    expect(codeRows.map((r) => r.textContent)).toEqual(['Naděje22', 'Strach10']);
    expect(screen.queryByTestId('opened')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show notes of Naděje' }));
    expect(screen.getByTestId('opened').textContent).toBe('code c-hope');
    fireEvent.click(screen.getByRole('button', { name: 'Show notes of Rozhovor 1' }));
    expect(screen.getAllByTestId('opened').map((e) => e.textContent)).toEqual(['document d-1']);
    fireEvent.click(screen.getByRole('button', { name: 'Hide notes of Rozhovor 1' }));
    expect(screen.queryByTestId('opened')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'The project has 1 note.' }));
    expect(screen.getByTestId('opened').textContent).toBe('project');
    // A code without notes offers nothing to open.
    expect(screen.queryByRole('button', { name: 'Show notes of Strach' })).toBeNull();
  });

  it('offers the sets as a filter and says what a chosen set narrows', () => {
    const onSetChange = vi.fn();
    const { unmount } = renderWithProviders(
      <StudyNotesView index={index} onSetChange={onSetChange} notesOf={() => null} />,
    );
    expect(screen.queryByTestId('study-set-filtered')).toBeNull();
    const select = screen.getByLabelText('Narrow to a set') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'set-1' } });
    expect(onSetChange).toHaveBeenLastCalledWith('set-1');
    unmount();
    renderWithProviders(
      <StudyNotesView
        index={{ ...index, set: { id: 'set-1', name: 'Podpora' }, codes: [], documents: index.documents }}
        onSetChange={onSetChange}
        notesOf={() => null}
      />,
    );
    expect(screen.getByTestId('study-set-filtered').textContent).toContain(
      'Filtered to the set “Podpora”: the codes and documents below, the code co-occurrence and the inter-coder agreement',
    );
    expect(screen.getByText('No codes.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Narrow to a set'), { target: { value: '' } });
    expect(onSetChange).toHaveBeenLastCalledWith(undefined);
  });

  it('says a pseudonymised study kept no notes, in English and in Czech', async () => {
    const pseudonymized = {
      ...index,
      pseudonymized: true,
      projectNotes: 0,
      sets: [],
      codes: [],
      documents: [],
    };
    const { unmount } = renderWithProviders(
      <StudyNotesView index={pseudonymized} onSetChange={() => {}} notesOf={() => null} />,
    );
    expect(screen.getByTestId('study-notes-pseudonymized').textContent).toMatch(
      /^No notes kept \(pseudonymised\)/,
    );
    expect(screen.queryByTestId('study-project-notes')).toBeNull();
    unmount();
    await changeLanguage('cs', false);
    renderWithProviders(<StudyNotesView index={pseudonymized} onSetChange={() => {}} notesOf={() => null} />);
    expect(screen.getByTestId('study-notes-pseudonymized').textContent).toMatch(
      /^Žádné poznámky se neuchovaly \(pseudonymizováno\)/,
    );
  });
});

describe('StudyNoteList', () => {
  it('shows each note readable with what it is about, and its author and date only when stored', () => {
    renderWithProviders(<StudyNoteList notes={notes} />);
    const shown = screen.getAllByTestId('study-note');
    expect(within(shown[0] as HTMLElement).getByTestId('study-note-meta').textContent).toBe(
      'On the code Naděje',
    );
    expect(within(shown[0] as HTMLElement).getByTestId('study-note-text').textContent).toBe(
      'Kódovat jen výslovné zmínky.',
    );
    const second = within(shown[1] as HTMLElement);
    expect(second.getByText('Untitled note')).toBeTruthy();
    expect(second.getByTestId('study-note-meta').textContent).toMatch(
      /^On a coding with Naděje in Rozhovor 1 · by Kodér B · created .*2025/,
    );
    expect(second.getByTestId('study-note-text').textContent).toBe('This note has no text.');
  });

  it('says so when there is none, and reads in Czech', async () => {
    const { unmount } = renderWithProviders(<StudyNoteList notes={[]} />);
    expect(screen.getByText('No notes.')).toBeTruthy();
    unmount();
    await changeLanguage('cs', false);
    renderWithProviders(<StudyNoteList notes={notes.slice(1)} />);
    expect(screen.getByTestId('study-note-meta').textContent).toMatch(
      /^Ke kódování kódem Naděje v dokumentu Rozhovor 1 · autor: Kodér B · vytvořeno/,
    );
  });
});

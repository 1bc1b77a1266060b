/**
 * Who coded what. A REFI-QDA file names a user on the selection (`PlainTextSelection/@creatingUser`) and on each
 * coding (`Coding/@creatingUser`); real NVivo files have them differ. The documented default credits a coding to
 * the coding's user, else the selection's; `coderFrom: 'selection'` credits the selection's user, else the coding's.
 */

import type { Coding, Guid, Project, TextSelection, TextSource } from './model';

export type CoderFrom = 'coding' | 'selection';

export interface CoderOptions {
  /** Which user a coded selection is credited to first (the other is the fallback). Default `'coding'`. */
  coderFrom?: CoderFrom | undefined;
}

/** The coder of one coding of a selection (or of a whole source when `selection` is null), or undefined if neither names one. */
export function coderOf(
  selection: Pick<TextSelection, 'creatingUser'> | null,
  coding: Pick<Coding, 'creatingUser'>,
  options: CoderOptions = {},
  source?: Pick<TextSource, 'creatingUser'>,
): Guid | undefined {
  const outer = selection?.creatingUser ?? (selection === null ? source?.creatingUser : undefined);
  return (options.coderFrom ?? 'coding') === 'selection'
    ? (outer ?? coding.creatingUser)
    : (coding.creatingUser ?? outer);
}

/** One code applied to one selection, with the coder credited under the chosen rule. */
export interface CodedSelection {
  source: TextSource;
  selection: TextSelection;
  coding: Coding;
  coder: Guid | undefined;
}

/** Every (selection, coding) pair of the project's text sources, in file order. */
export function codedSelections(project: Project, options: CoderOptions = {}): CodedSelection[] {
  const out: CodedSelection[] = [];
  for (const source of project.sources) {
    if (source.kind !== 'text') continue;
    for (const selection of source.selections) {
      for (const coding of selection.codings) {
        out.push({ source, selection, coding, coder: coderOf(selection, coding, options) });
      }
    }
  }
  return out;
}

export interface CoderCount {
  /** The user's GUID, or null for codings that name no user at all. */
  user: Guid | null;
  name?: string | undefined;
  /** Coded selections (selection x code) credited to this user. */
  segments: number;
}

/** Segments per coder under the chosen rule (what an import should report), users in the file's order, nobody last. */
export function segmentsPerCoder(project: Project, options: CoderOptions = {}): CoderCount[] {
  const counts = new Map<Guid | null, number>();
  for (const { coder } of codedSelections(project, options)) {
    const key = coder ?? null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: CoderCount[] = [];
  for (const user of project.users) {
    const n = counts.get(user.guid);
    if (n === undefined) continue;
    out.push({ user: user.guid, name: user.name, segments: n });
    counts.delete(user.guid);
  }
  // Users named by codings but missing from <Users>, then codings without any user.
  for (const [user, n] of counts) if (user !== null) out.push({ user, segments: n });
  const nobody = counts.get(null);
  if (nobody !== undefined) out.push({ user: null, segments: nobody });
  return out;
}

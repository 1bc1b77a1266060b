/** `<Notes>`: notes and memos with their text (inline or in a file); what they annotate is in each target's NoteRef. */

import type { Note } from '../model';
import type { Frame, OpenElement, QdeContext } from './context';

export function notesFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, { child: (n) => (n.name === 'Note' ? noteFrame(ctx, n) : ctx.unknown(n, 'Notes')) });
}

function noteFrame(ctx: QdeContext, el: OpenElement): Frame {
  const note: Note = { guid: ctx.ownGuid(el), name: el.attrs.name, ...ctx.audit(el), text: null };
  ctx.project.notes.push(note);
  const path = el.attrs.plainTextPath;
  if (path !== undefined) ctx.notePaths.set(note, path);
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'Description')
        return ctx.textFrame(c, (t) => {
          note.description = t;
        });
      if (c.name === 'PlainTextContent')
        return ctx.textFrame(c, (t) => {
          note.text = t;
        });
      // Notes are text sources in the schema and may carry selections, codings, references; those are not
      // modelled, only counted for the summary warning.
      ctx.countNotKept(`Note/${c.name}`);
      return ctx.notKeptFrame(c, new Set());
    },
  });
}

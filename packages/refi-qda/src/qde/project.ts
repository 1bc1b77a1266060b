/** The root elements: `<Project>` of a .qde (dispatching to each element family) and `<CodeBook>` of a .qdc. */

import { RefiQdaError } from '../errors';
import { casesFrame, variablesFrame } from './cases';
import { codeBookFrame, codesFrame } from './codebook';
import { type Frame, normalizeGuid, type OpenElement, type QdeContext } from './context';
import { notesFrame } from './notes';
import { setsFrame } from './sets';
import { sourcesFrame } from './sources';
import { usersFrame } from './users';

/** What a text source's selections refer to: complete before the first source when streaming. */
const HEADER_ELEMENTS = new Set(['Users', 'CodeBook', 'Variables', 'Cases']);

export function projectRootFrame(ctx: QdeContext, el: OpenElement): Frame {
  if (el.name !== 'Project') {
    const hint = el.name === 'CodeBook' ? ' (this looks like a .qdc codebook, not a project)' : '';
    throw new RefiQdaError(
      'invalid_structure',
      `the root element is <${el.name}>; expected <Project> (urn:QDA-XML:project:1.0)${hint}`,
      ctx.location(el),
    );
  }
  const p = ctx.project;
  const a = el.attrs;
  if (a.name === undefined) {
    ctx.warn({ code: 'attribute_defaulted', message: '<Project> has no name attribute; using ""' });
  }
  p.name = a.name ?? '';
  p.origin = a.origin;
  p.basePath = a.basePath;
  p.creatingUser = a.creatingUserGUID === undefined ? undefined : normalizeGuid(a.creatingUserGUID);
  p.creationDateTime = a.creationDateTime;
  p.modifyingUser = a.modifyingUserGUID === undefined ? undefined : normalizeGuid(a.modifyingUserGUID);
  p.modifiedDateTime = a.modifiedDateTime;
  return ctx.frame(el, {
    child: (c) => {
      if (ctx.streamedSources > 0 && HEADER_ELEMENTS.has(c.name)) {
        throw new RefiQdaError(
          'invalid_structure',
          `<${c.name}> comes after <Sources>; REFI-QDA 1.5 puts Users, CodeBook, Variables and Cases before Sources, and a streaming import needs them before the first text source`,
          ctx.location(c),
        );
      }
      switch (c.name) {
        case 'Users':
          return usersFrame(ctx, c);
        case 'CodeBook':
          return codeBookFrame(ctx, c);
        case 'Variables':
          return variablesFrame(ctx, c);
        case 'Cases':
          return casesFrame(ctx, c);
        case 'Sources':
          return sourcesFrame(ctx, c);
        case 'Notes':
          return notesFrame(ctx, c);
        case 'Sets':
          return setsFrame(ctx, c);
        case 'Links':
          return ctx.notKeptFrame(c, new Set(['Link']));
        case 'Graphs':
          return ctx.notKeptFrame(c, new Set(['Graph']));
        case 'Description':
          return ctx.textFrame(c, (t) => {
            p.description = t;
          });
        case 'NoteRef':
          return ctx.refInto(c, p.noteRefs);
        default:
          return ctx.unknown(c, 'Project');
      }
    },
  });
}

/** Root of a .qdc codebook: `<CodeBook origin><Codes>...</Codes><Sets>...</Sets></CodeBook>`. */
export function codebookRootFrame(ctx: QdeContext, el: OpenElement): Frame {
  if (el.name !== 'CodeBook') {
    const hint = el.name === 'Project' ? ' (this looks like a project .qde, not a codebook)' : '';
    throw new RefiQdaError(
      'invalid_structure',
      `the root element is <${el.name}>; expected <CodeBook> (urn:QDA-XML:codebook:1.0)${hint}`,
      ctx.location(el),
    );
  }
  ctx.project.origin = el.attrs.origin;
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'Codes') return codesFrame(ctx, c, ctx.project.codes);
      if (c.name === 'Sets') return setsFrame(ctx, c);
      return ctx.unknown(c, 'CodeBook');
    },
  });
}

/** `<Sets>`: named sets of codes, sources and notes. */

import type { CodeSet } from '../model';
import type { Frame, OpenElement, QdeContext } from './context';

export function setsFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, { child: (s) => (s.name === 'Set' ? setFrame(ctx, s) : ctx.unknown(s, 'Sets')) });
}

function setFrame(ctx: QdeContext, el: OpenElement): Frame {
  const guid = ctx.ownGuid(el);
  const s: CodeSet = {
    guid,
    name: el.attrs.name ?? '',
    memberCodes: [],
    memberSources: [],
    memberNotes: [],
  };
  ctx.project.sets.push(s);
  return ctx.frame(el, {
    child: (c) => {
      switch (c.name) {
        case 'Description':
          return ctx.textFrame(c, (t) => {
            s.description = t;
          });
        case 'MemberCode':
          return ctx.refInto(c, s.memberCodes);
        case 'MemberSource':
          return ctx.refInto(c, s.memberSources);
        case 'MemberNote':
          return ctx.refInto(c, s.memberNotes);
        default:
          return ctx.unknown(c, 'Set');
      }
    },
  });
}

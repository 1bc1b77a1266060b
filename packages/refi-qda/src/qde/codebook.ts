/** `<CodeBook><Codes>`: the code tree with colours, descriptions and note references. */

import type { Code } from '../model';
import type { Frame, OpenElement, QdeContext } from './context';

/** `<Codes>` (inside a project's CodeBook or a .qdc's root): codes appended to `into`. */
export function codesFrame(ctx: QdeContext, el: OpenElement, into: Code[]): Frame {
  return ctx.frame(el, {
    child: (code) => (code.name === 'Code' ? codeFrame(ctx, code, into) : ctx.unknown(code, 'Codes')),
  });
}

/** A project's `<CodeBook>`: its `<Codes>`. */
export function codeBookFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, {
    child: (codes) =>
      codes.name === 'Codes' ? codesFrame(ctx, codes, ctx.project.codes) : ctx.unknown(codes, 'CodeBook'),
  });
}

function codeFrame(ctx: QdeContext, el: OpenElement, siblings: Code[]): Frame {
  const guid = ctx.ownGuid(el);
  const name = ctx.required(el, 'name', 'the code name');
  const codable = el.attrs.isCodable;
  if (codable === undefined) {
    ctx.warn(
      {
        code: 'attribute_defaulted',
        message: '<Code> without isCodable treated as codable (isCodable="true")',
      },
      'isCodable-default',
    );
  }
  const code: Code = {
    guid,
    name,
    isCodable: codable === undefined ? true : codable.trim() === 'true' || codable.trim() === '1',
    color: el.attrs.color,
    noteRefs: [],
    children: [],
  };
  siblings.push(code);
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'Code') return codeFrame(ctx, c, code.children);
      if (c.name === 'Description')
        return ctx.textFrame(c, (t) => {
          code.description = t;
        });
      if (c.name === 'NoteRef') return ctx.refInto(c, code.noteRefs);
      return ctx.unknown(c, 'Code');
    },
  });
}

/** `<Users>`: every user with the GUID and name as written (GUIDs are never regenerated). */

import type { User } from '../model';
import type { Frame, OpenElement, QdeContext } from './context';

export function usersFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, { child: (u) => (u.name === 'User' ? userFrame(ctx, u) : ctx.unknown(u, 'Users')) });
}

function userFrame(ctx: QdeContext, el: OpenElement): Frame {
  // Some tools put the GUID in "id" and leave "guid" out; NVivo writes both (id = initials).
  const a = el.attrs;
  const guidAttr =
    a.guid !== undefined ? 'guid' : a.GUID !== undefined ? 'GUID' : a.id !== undefined ? 'id' : 'guid';
  const user: User = { guid: ctx.ownGuid(el, guidAttr), name: a.name };
  if (guidAttr !== 'id' && a.id !== undefined) user.id = a.id;
  ctx.project.users.push(user);
  return ctx.skip(el);
}

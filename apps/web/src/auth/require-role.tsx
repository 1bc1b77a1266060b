/** Shows its page only to callers with one of the roles; everyone else gets the not-allowed page. */
import type { ReactNode } from 'react';
import { LoadingState, NotAllowed } from '../ui/state-views';
import { hasAnyRole, type UserRole, useMe } from './use-me';

export function RequireRole({ roles, children }: { roles: ReadonlyArray<UserRole>; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (!hasAnyRole(me.data, roles)) return <NotAllowed />;
  return <>{children}</>;
}

/** The signed-in user with their organisation and roles, from the API's `me` procedure. */
import { useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../api/trpc';

export type Me = RouterOutputs['account']['me'];
export type UserRole = Me['roles'][number];

/** Loads the caller; `error` is UNAUTHORIZED when signed out. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.account.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** True when the caller holds any of the roles. */
export function hasAnyRole(me: Me | undefined, roles: ReadonlyArray<UserRole>): boolean {
  return me ? me.roles.some((r) => roles.includes(r)) : false;
}

/** Test support: a tRPC client that sends an API token (and, to prove it is ignored then, a session's cookies). */
import { createApiTokenAsOperator, type Db } from '@peerbridge/services';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../root';
import { CookieJar } from './test-server';

/** A research token for a researcher, made as `peerbridge token create` does. */
export async function researchToken(db: Db, userId: string, organizationId: string): Promise<string> {
  return (
    await createApiTokenAsOperator(db, { userId, organizationId, roles: ['researcher'] }, { name: 'test' })
  ).token;
}

export function tokenTrpcClient(baseUrl: string, token: string, jar: CookieJar = new CookieJar()) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        fetch: jar.fetch,
        headers: { authorization: `Bearer ${token}` },
        maxItems: 10,
      }),
    ],
  });
}

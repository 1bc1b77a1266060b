/** The tRPC client and the TanStack Query integration; the only place that knows the API's URL. */
import type { AppRouter } from '@peerbridge/api';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext, createTRPCOptionsProxy, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The tRPC error code of a failed call (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, ...), or null. */
export function trpcErrorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    if (data && typeof data === 'object' && 'code' in data && typeof data.code === 'string') return data.code;
  }
  return null;
}

/** Creates the tRPC client against the same origin the portal is served from. */
export function createApiClient(baseUrl = '') {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        // The api refuses batches of more than 10 calls (MAX_BATCH_CALLS).
        maxItems: 10,
        // Same-origin cookies carry the session; the cast bridges tRPC's looser RequestInit type.
        fetch: (input, init) => fetch(input, { ...(init as RequestInit), credentials: 'include' }),
      }),
    ],
  });
}

/** The query client; `onUnauthorized` runs when any query finds the session gone. */
export function createQueryClient(onUnauthorized: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (trpcErrorCode(error) === 'UNAUTHORIZED') onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Authorisation and validation failures do not get better by retrying.
        retry: (count, error) => {
          const code = trpcErrorCode(error);
          if (code && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'].includes(code)) return false;
          return count < 2;
        },
      },
    },
  });
}

/** Query options outside React (route loaders prefetch with them); the same keys as `useTRPC()`. */
export type ApiOptions = TRPCOptionsProxy<AppRouter>;

export function createApiOptions(
  client: ReturnType<typeof createApiClient>,
  queryClient: QueryClient,
): ApiOptions {
  return createTRPCOptionsProxy<AppRouter>({ client, queryClient });
}

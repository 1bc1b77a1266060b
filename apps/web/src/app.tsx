/** Providers in one place: Mantine, TanStack Query, tRPC and the router. */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createApiClient, createApiOptions, createQueryClient, TRPCProvider } from './api/trpc';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [state] = useState(() => {
    const apiClient = createApiClient();
    // When the session ends (expired, signed out elsewhere) every screen goes back to sign-in.
    const queryClient = createQueryClient(() => {
      if (!window.location.pathname.startsWith('/sign-in')) {
        queryClient.clear();
        void router.navigate({ to: '/sign-in', search: { redirect: window.location.pathname } });
      }
    });
    const router = createAppRouter(queryClient, createApiOptions(apiClient, queryClient));
    return { apiClient, queryClient, router };
  });
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={state.queryClient}>
        <TRPCProvider trpcClient={state.apiClient} queryClient={state.queryClient}>
          <RouterProvider router={state.router} />
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

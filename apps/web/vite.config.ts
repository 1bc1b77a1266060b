/** Vite build and dev server for the portal; the dev server proxies /trpc and /api to a running API. */
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// The API the dev server forwards to; `pnpm start` runs it on port 3000 by default.
const apiTarget = process.env.PEERBRIDGE_API_URL ?? 'http://127.0.0.1:3000';

/**
 * In development the browser's origin is the Vite server, which the API does not trust; the proxy
 * presents the API's own origin instead, so sign-in and mutations pass its origin checks unchanged.
 */
const toApi: ProxyOptions = {
  target: apiTarget,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (req) => req.setHeader('origin', new URL(apiTarget).origin));
  },
};

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': toApi, '/api': toApi },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});

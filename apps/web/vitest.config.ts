/** Vitest: component tests in happy-dom, and the end-to-end test in Node (it drives Chromium itself). */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Node 25+ has a `localStorage` global of its own (inert without --localstorage-file). Vitest 4 keeps an
// existing global instead of installing happy-dom's, so turn Node's off in the workers where it exists
// (older Nodes reject the flag, and have no such global to shadow the DOM's).
const nodeWebStorageOff = 'localStorage' in globalThis ? ['--no-webstorage'] : [];

export default defineConfig({
  plugins: [react()],
  test: {
    // Cheaper scrypt for the passwords tests make, in workers and the processes they start (ADR 0017).
    env: { PEERBRIDGE_TEST_FAST_HASHES: '1' },
    // The longest package at the end of a CI run: two e2e files at once, each with its own portal,
    // database and browser (ADR 0017).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'components',
          isolate: false,
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          execArgv: nodeWebStorageOff,
          setupFiles: ['./test/setup-components.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['./test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Polls wait on a real server and browser, which can be slow while CI runs everything at once.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});

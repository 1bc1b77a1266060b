/** Vitest for the CLI: one throwaway PostgreSQL server per run, so database tests cover both dialects. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Cheaper scrypt for the passwords tests make, in workers and the processes they start (ADR 0017).
    env: { PEERBRIDGE_TEST_FAST_HASHES: '1' },
    // A worker runs its test files in one module graph (ADR 0017); each file makes its own database.
    isolate: false,
    // One of the longest packages: two workers even on two cores, so none is left running alone at the end.
    maxWorkers: 2,
    globalSetup: ['@peerbridge/db/native-sqlite-global-setup', '@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

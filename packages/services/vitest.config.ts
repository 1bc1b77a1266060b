import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Cheaper scrypt for the passwords tests make, in workers and the processes they start (ADR 0017).
    env: { PEERBRIDGE_TEST_FAST_HASHES: '1' },
    // A worker runs its test files in one module graph (ADR 0017); each file makes its own database and server.
    isolate: false,
    // The longest packages: two workers even on two cores, so none is left running alone at the end (ADR 0017).
    maxWorkers: 2,
    globalSetup: ['@peerbridge/db/native-sqlite-global-setup', '@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});

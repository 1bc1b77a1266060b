import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A worker runs its test files in one module graph (ADR 0017); each file makes its own database and server.
    isolate: false,
    globalSetup: ['@peerbridge/db/native-sqlite-global-setup', '@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});

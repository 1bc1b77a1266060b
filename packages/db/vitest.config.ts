import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A worker runs its test files in one module graph (ADR 0017); each file makes its own database and server.
    isolate: false,
    globalSetup: ['./src/native-sqlite-global-setup.ts', '@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});

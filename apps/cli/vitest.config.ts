/** Vitest for the CLI: one throwaway PostgreSQL server per run, so database tests cover both dialects. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@peerbridge/db/native-sqlite-global-setup', '@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

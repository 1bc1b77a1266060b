import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@peerbridge/db/native-sqlite-global-setup', '@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});

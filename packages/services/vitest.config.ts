import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@peerbridge/testing/global-setup'],
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});

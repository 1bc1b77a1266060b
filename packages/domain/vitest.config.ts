import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests sit beside the code; package-level tests (purity, packaging) live in test/.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A worker runs its test files in one module graph (ADR 0017); each file makes its own database and server.
    isolate: false,
    // Unit tests sit beside the code; package-level tests (purity, packaging) live in test/.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

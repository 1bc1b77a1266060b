import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A worker runs its test files in one module graph (ADR 0017).
    isolate: false,
    // The round-trip and big-project tests parse megabytes of XML; under a full parallel run on two
    // cores they need more than vitest's default 5 s (a guard against hangs, not a timing assertion).
    testTimeout: 30_000,
  },
});

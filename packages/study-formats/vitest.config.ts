/** Vitest for the study formats: pure tests, no database. */
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, isolate: false } });

import { defineConfig } from 'tsdown';

// The published build: one ESM entry with its declarations, for Node and browsers alike
// (platform neutral: the domain uses no Node built-ins). Output: dist/index.js + dist/index.d.ts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'neutral',
  target: 'es2023',
  dts: true,
  fixedExtension: false,
  clean: true,
  sourcemap: false,
});

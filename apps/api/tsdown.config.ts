/**
 * Builds the server: dist/main.js (the process entry), dist/index.js, dist/native-check.js (run by
 * `pnpm start` first) and dist/analysis-worker.js (the analysis pool's thread), with the workspace packages (which ship TypeScript source) bundled in and every
 * npm dependency left external in node_modules.
 */
import { isAbsolute } from 'node:path';
import { defineConfig } from 'tsdown';

const isWorkspaceOrLocal = (id: string) =>
  id.startsWith('@peerbridge/') || id.startsWith('.') || isAbsolute(id);

export default defineConfig({
  entry: {
    main: 'src/main.ts',
    index: 'src/index.ts',
    'native-check': 'src/native-check.ts',
    // The analysis pool's worker thread loads this file by name, next to main.js.
    'analysis-worker': 'src/research/analysis-worker.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  dts: false,
  deps: {
    alwaysBundle: [/^@peerbridge\//],
    neverBundle: (id) => !isWorkspaceOrLocal(id),
  },
});

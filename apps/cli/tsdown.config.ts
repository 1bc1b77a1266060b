/** Builds the `peerbridge` bin: dist/bin.js with its shebang, workspace packages bundled in. */
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { bin: 'src/bin.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  // The package is an ES module, so plain .js: the bin path in package.json is dist/bin.js.
  fixedExtension: false,
  dts: false,
  // Internal packages ship TypeScript source, so they are bundled; npm dependencies stay external.
  // xmllint-wasm starts a worker from a file beside its own code, so it cannot be bundled (refi-qda's XSD check).
  deps: { alwaysBundle: [/^@peerbridge\//], neverBundle: ['xmllint-wasm'] },
});

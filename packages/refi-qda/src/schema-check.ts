/** Checks project or codebook XML against the REFI-QDA XSDs with libxml2 (xmllint-wasm) and turns violations into warnings. */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { ImportWarning } from './model';

const SCHEMAS = {
  Project: new URL('../fixtures/schema/Project-mrt2019.xsd', import.meta.url),
  CodeBook: new URL('../fixtures/schema/Codebook.xsd', import.meta.url),
} as const;

const schemaText = new Map<string, string>();

const basenameOf = (url: URL) => url.pathname.slice(url.pathname.lastIndexOf('/') + 1);

function schemaFor(root: keyof typeof SCHEMAS): string {
  let text = schemaText.get(root);
  if (text === undefined) {
    let path = fileURLToPath(SCHEMAS[root]);
    // Bundled into an app (the CLI's dist/), this module is no longer beside fixtures/: find the package.
    if (!existsSync(path)) {
      const entry = createRequire(import.meta.url).resolve('@peerbridge/refi-qda');
      path = fileURLToPath(new URL(`../fixtures/schema/${basenameOf(SCHEMAS[root])}`, pathToFileURL(entry)));
    }
    text = readFileSync(path, 'utf8');
    schemaText.set(root, text);
  }
  return text;
}

/** At most this many violations are listed one by one; the rest are counted in one more warning. */
export const MAX_SCHEMA_WARNINGS = 20;

/**
 * Validates already well-formed, DOCTYPE-free XML (the SAX pass has accepted it) against the schema of its root
 * element. Returns one `schema_invalid` warning per violation, naming the element and line.
 */
export async function schemaWarnings(
  xml: string,
  root: 'Project' | 'CodeBook',
  file: string,
): Promise<ImportWarning[]> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  const pages = Math.min(65536, Math.max(256, Math.ceil((bytes * 12) / 65536)));
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [schemaFor(root)],
    initialMemoryPages: pages,
    maxMemoryPages: 65536,
  });
  if (result.valid) return [];
  const warnings: ImportWarning[] = [];
  for (const error of result.errors) {
    if (warnings.length === MAX_SCHEMA_WARNINGS) break;
    const message = error.message.replace(/^.*?Schemas validity error\s*:\s*/, '').trim();
    const element = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
    const line = error.loc?.lineNumber;
    warnings.push({
      code: 'schema_invalid',
      message: `${file}${line === undefined ? '' : `:${line}`}: not valid against the REFI-QDA schema: ${message.replace(/\{urn:QDA-XML:(project|codebook):1\.0\}/g, '')}`,
      element,
      line,
    });
  }
  if (result.errors.length > MAX_SCHEMA_WARNINGS) {
    warnings.push({
      code: 'schema_invalid',
      message: `${file}: ${result.errors.length - MAX_SCHEMA_WARNINGS} more schema violations not listed`,
    });
  }
  return warnings;
}

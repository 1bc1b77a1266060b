/**
 * The parser keeps V8's fast properties with all the project reader's handlers set. Checked in a child
 * process with V8's own predicate (`%HasFastProperties`, behind --allow-natives-syntax); the plain
 * saxes parser is the control that shows the check can fail.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const handlers = ['xmldecl', 'doctype', 'opentagstart', 'opentag', 'text', 'cdata', 'closetag', 'error'];

function hasFastProperties(parserClass: 'FastSaxesParser' | 'SaxesParser'): boolean {
  const from = parserClass === 'FastSaxesParser' ? './src/fast-saxes.ts' : 'saxes';
  const script = `
    const { ${parserClass} } = await import('${from}');
    const parser = new ${parserClass}({ xmlns: true, position: true });
    for (const name of ${JSON.stringify(handlers)}) parser.on(name, () => {});
    console.log(%HasFastProperties(parser));`;
  const out = execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: `${import.meta.dirname}/..`, encoding: 'utf8' },
  );
  return out.trim() === 'true';
}

describe('FastSaxesParser', () => {
  it('stays a fast object with every handler of the project reader set, where plain saxes does not', () => {
    expect(hasFastProperties('FastSaxesParser')).toBe(true);
    expect(hasFastProperties('SaxesParser')).toBe(false);
  });
});

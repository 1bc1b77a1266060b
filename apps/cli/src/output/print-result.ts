/** Printing a command's result: the JSON document with --json, else the command's own text rendering. */
import type { CliContext } from '../context';

/** Write `result` as JSON (with --json) or as `render(result)` text to stdout. */
export function printResult<T>(
  ctx: CliContext,
  result: T,
  render: (result: T, ctx: CliContext) => string,
): void {
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ ok: true, ...(result as object) }, null, 2)}\n`);
    return;
  }
  const text = render(result, ctx);
  if (text !== '') ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A note for humans on stderr (never on stdout, which may be piped data); silent with --json. */
export function note(ctx: CliContext, text: string): void {
  if (!ctx.json) ctx.stderr.write(`${text}\n`);
}

/** Reading a JSON file and validating it with zod, with errors that name the line, column and field. */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { findJsonSyntaxProblem } from './json-syntax';
import { StudyInputError } from './study-input-error';
import { readTextFile } from './text-file';
import { lineColumnAt } from './text-position';

/** Strip a UTF-8 BOM that editors on Windows like to add. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse JSON text; a syntax error becomes a StudyInputError with file, line, column and what was expected. */
export function parseJsonText(text: string, file: string): unknown {
  const clean = stripBom(text);
  try {
    return JSON.parse(clean);
  } catch {
    const problem = findJsonSyntaxProblem(clean);
    const where = problem ? lineColumnAt(clean, problem.offset) : { line: 1, column: 1 };
    const expected = problem?.expected ?? 'valid JSON';
    throw new StudyInputError(
      'invalid_input',
      `not valid JSON: expected ${expected}, found ${problem?.found ?? '?'}`,
      {
        location: { file, line: where.line, column: where.column },
        expected,
      },
    );
  }
}

/** The line and column of the value at `path` in a JSON or YAML text, when it can be found. */
export function locatePath(
  text: string,
  path: ReadonlyArray<PropertyKey>,
): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  // Walk down as far as the path exists: an issue on a missing key points at its parent.
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node) || isSeq(node)) {
      const next = node.get(typeof key === 'number' ? key : String(key), true);
      if (next === undefined) break;
      node = next;
    } else break;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  return lineColumnAt(text, range[0]);
}

/** Describe the first few zod issues of `error` for `file`, locating each in `text`. */
export function zodErrorToInputError(
  error: z.ZodError,
  file: string,
  text: string | undefined,
): StudyInputError {
  const described = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    const where = text === undefined ? undefined : locatePath(text, issue.path);
    return { where, line: `${path === '' ? '(root)' : path}: ${issue.message}` };
  });
  const first = described[0];
  const location = { file, line: first?.where?.line, column: first?.where?.column };
  // One issue: its place is in the location prefix. Several: each line says where it is.
  if (described.length === 1 && first)
    return new StudyInputError('invalid_input', first.line, { location, cause: error });
  const lines = described.map((d) => `${d.where ? `line ${d.where.line}:${d.where.column} ` : ''}${d.line}`);
  const more = error.issues.length > 5 ? `\n  ... and ${error.issues.length - 5} more` : '';
  return new StudyInputError(
    'invalid_input',
    `does not match the expected shape:\n  ${lines.join('\n  ')}${more}`,
    {
      location,
      cause: error,
    },
  );
}

/** Read `file` as JSON and validate it with `schema`. */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  const text = await readTextFile(file);
  const data = parseJsonText(text, file);
  const result = schema.safeParse(data);
  if (!result.success) {
    // Locating is only paid for on failure; a huge file skips it to stay fast.
    throw zodErrorToInputError(result.error, file, text.length < 20_000_000 ? stripBom(text) : undefined);
  }
  return result.data;
}

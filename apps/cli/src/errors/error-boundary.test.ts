import { DatabaseBusyError, NativeSqliteError } from '@peerbridge/db';
import { DomainValidationError } from '@peerbridge/domain';
import { RefiQdaError } from '@peerbridge/refi-qda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext } from '../context';
import { CliError } from './cli-error';
import { classifyError, reportError } from './error-boundary';

describe('the error boundary', () => {
  it.each([
    [new CliError('not_found', 'no such study'), 3],
    [new CliError('conflict', 'exists'), 4],
    [new RefiQdaError('malformed_xml', 'bad', { file: 'p.qde', line: 3, column: 4 }), 2],
    [new RefiQdaError('file_not_found', 'gone', { file: 'p.qdpx' }), 3],
    [new DomainValidationError('x', [{ path: 'a', expected: 'b', message: 'expected b' }]), 2],
    [z.object({ a: z.string() }).safeParse({}).error, 2],
    [Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: '/nope.csv' }), 3],
    [new TypeError('bug'), 70],
  ])('maps %s to exit code %i', (error, exitCode) => {
    expect(classifyError(error).exitCode).toBe(exitCode);
  });

  it('prints where and what was expected, once, on stderr', () => {
    const ctx = createTestContext();
    const code = reportError(
      new CliError('invalid_input', 'column "age": expected a number', {
        location: { file: 'p.csv', line: 3, column: 2 },
      }),
      ctx,
    );
    expect(code).toBe(2);
    expect(ctx.stderr.text).toBe('peerbridge: error: p.csv:3:2: column "age": expected a number\n');
    expect(ctx.stdout.text).toBe('');
  });

  it('does not repeat the location a RefiQdaError already carries in its message', () => {
    const ctx = createTestContext();
    reportError(
      new RefiQdaError('malformed_xml', 'unexpected close tag', { file: 'study.qdpx!project.qde', line: 9 }),
      ctx,
    );
    expect(ctx.stderr.text).toBe('peerbridge: error: study.qdpx!project.qde:9: unexpected close tag\n');
  });

  it('prints one JSON document on stdout with --json', () => {
    const ctx = createTestContext({ json: true });
    reportError(new CliError('usage', 'bad option'), ctx);
    expect(JSON.parse(ctx.stdout.text)).toEqual({
      ok: false,
      error: { code: 'usage', exitCode: 1, message: 'bad option' },
    });
  });

  it('hides the stack of internal errors unless PEERBRIDGE_DEBUG is set', () => {
    const ctx = createTestContext();
    reportError(new Error('boom'), ctx);
    expect(ctx.stderr.text).toContain('PEERBRIDGE_DEBUG=1');
    expect(ctx.stderr.text).not.toContain('at ');
  });

  it('prints a better-sqlite3 build for another Node as one line with the fix, no stack hint', () => {
    const ctx = createTestContext();
    const message =
      'better-sqlite3 was built for Node 20 (ABI 115); this is Node 26.12.1 (ABI 147): run `pnpm rebuild better-sqlite3`';
    const code = reportError(new NativeSqliteError(message), ctx);
    expect(code).toBe(70);
    expect(ctx.stderr.text).toBe(`peerbridge: error: ${message}\n`);
  });

  it('reports a busy database as busy (exit 75, nothing written), never as an internal error', () => {
    const ctx = createTestContext();
    const code = reportError(
      new DatabaseBusyError('The database is busy: another writer held its write lock for over 5000 ms'),
      ctx,
    );
    expect(code).toBe(75);
    expect(ctx.stderr.text).toBe(
      'peerbridge: error: The database is busy: another writer held its write lock for over 5000 ms; nothing was written, try again in a moment\n',
    );
  });
});

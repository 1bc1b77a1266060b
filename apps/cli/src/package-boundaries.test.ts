/** The CLI's research commands go through the services (ADR 0016): only set-up and operator commands touch @peerbridge/db. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Files allowed to import the database package: init, migrate, backup, audit verify, users add, and opening the database. */
const allowed = new Set([
  'database/open-database.ts',
  'commands/init.ts',
  'commands/migrate.ts',
  'commands/backup.ts',
  'commands/audit-verify.ts',
  'commands/users-add.ts',
  'accounts/create-user.ts',
  'audit/record-cli-audit.ts',
]);

describe('package boundaries of the CLI', () => {
  it('imports @peerbridge/db (and kysely) only where the database itself is set up or opened', () => {
    const root = import.meta.dirname;
    const offenders = sourceFiles(root)
      .map((file) => relative(root, file))
      .filter((file) => /from '(@peerbridge\/db|kysely)'/.test(readFileSync(join(root, file), 'utf8')))
      .filter((file) => !allowed.has(file));
    expect(offenders).toEqual([]);
  });
});

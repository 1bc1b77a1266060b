/**
 * Vitest global setup: one throwaway PostgreSQL server per test run, shared by the test files of a
 * package (each file creates its own database in it). Without the binaries the PostgreSQL half
 * is reported loudly; under CI=true that is a failure.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startPostgresServer } from './postgres-server';
import type {} from './test-database';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binDir = findPostgresBinaries();
  if (!binDir) {
    if (process.env.CI === 'true') {
      throw new Error(
        'CI=true but PostgreSQL binaries were not found: every database test must run on PostgreSQL too.',
      );
    }
    console.warn(
      '\n\n  !!! PostgreSQL binaries not found: database tests run on SQLite ONLY. Install the Debian `postgresql` package. !!!\n\n',
    );
    project.provide('postgresAdminUrl', null);
    return async () => {};
  }
  const server = await startPostgresServer(binDir);
  project.provide('postgresAdminUrl', server.url);
  return () => server.stop();
}

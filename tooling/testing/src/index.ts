/** Shared test tooling: throwaway PostgreSQL servers and per-file test databases on both dialects. */
export { findPostgresBinaries, startPostgresServer, type PostgresServer } from './postgres-server';
export { createTestDatabase, testDialects, type DialectName, type TestDatabase } from './test-database';

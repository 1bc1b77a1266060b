/** Shared test tooling: throwaway PostgreSQL servers and per-file test databases on both dialects. */
export { findPostgresBinaries, type PostgresServer, startPostgresServer } from './postgres-server';
export { type HiddenCellRange, hiddenCellRanges, type ShownCell } from './subtraction-solver';
export {
  createTestDatabase,
  type DatabaseTemplate,
  type DialectName,
  type TestDatabase,
  testDialects,
} from './test-database';

/** @peerbridge/db: schema types, migrations, SQLite/PostgreSQL connections and repositories. */

export { currentRole, grantAppPrivileges, ownsAuditTable } from './app-role';
export * from './audit-chain';
export {
  type BackupOptions,
  type BackupReport,
  backupSqlite,
  PAGES_PER_STEP,
  removePartialCopy,
} from './backup';
export {
  createDatabase,
  type DatabaseHandle,
  DEFAULT_DATABASE_URL,
  type DialectName,
  dialectOfUrl,
  type OpenDatabaseOptions,
  openDatabase,
  redactUrl,
} from './connection';
export { DatabaseBusyError, isDatabaseBusy } from './database-busy';
export { MigrationError, type MigrationReport, migrateToLatest, migrationStatus } from './migrate';
export {
  describeNativeLoadError,
  exitIfNativeSqliteBroken,
  NativeSqliteError,
  nativeSqliteProblem,
  type RunningNode,
} from './native-sqlite';
export {
  openReadOnlyDatabase,
  type ReadOnlyDatabase,
  type ReadOnlyDatabaseOptions,
} from './read-only-connection';
export * from './repositories/action-item.repository';
export * from './repositories/assignment.repository';
export * from './repositories/audit.repository';
export { chunked, insertInChunks } from './repositories/bulk-insert';
export * from './repositories/card-response.repository';
export * from './repositories/caseload.repository';
export type { DateRange } from './repositories/date-range';
export * from './repositories/membership.repository';
export * from './repositories/observation.repository';
export * from './repositories/organization.repository';
export * from './repositories/peer-worker.repository';
export * from './repositories/study.repository';
export * from './repositories/study-import.repository';
export * from './repositories/study-read.repository';
export {
  type RowScalar,
  rawSqliteOf,
  type StudyRowWriter,
  type StudyTable,
  studyRowWriter,
} from './repositories/study-row-writer';
export { openStudyStaging, type StudyStaging } from './repositories/study-staging';
export * from './repositories/supervision-session.repository';
export * from './repositories/unit.repository';
export * from './repositories/user.repository';
export type * from './schema';
export { withTransaction } from './transaction';

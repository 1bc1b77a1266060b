/** @peerbridge/cli: the `peerbridge` commands as plain functions (for tests and scripts) and the CLI entry. */
export { type AnalyzeOptions, analyzeStudy, writeAnalysis } from './commands/analyze';
export { type BackupResult, backupDatabase } from './commands/backup';
export {
  type CodebookExportOptions,
  type CodebookExportResult,
  exportCodebook,
} from './commands/codebook-export';
export { type ExportOptions, type ExportResult, exportStudy } from './commands/export';
export { type ImportOptions, type ImportReport, importFile } from './commands/import';
export { type InitOptions, type InitResult, initDatabase } from './commands/init';
export { type MigrateResult, migrateDatabase } from './commands/migrate';
export { type AddUserOptions, type AddUserResult, addUser } from './commands/users-add';
export { type CliContext, createContext, createTestContext } from './context';
export { type CliEnv, readEnv } from './env';
export { CliError } from './errors/cli-error';
export { ExitCode } from './errors/exit-codes';
export { StringSink } from './output/terminal';
export { main } from './program';

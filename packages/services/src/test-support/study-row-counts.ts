/** Test support: rows per study table, compared before and after an import to prove what it wrote (or that it wrote nothing). */
import type { Db } from '../db';
import { countRows } from './row-counts';

export const studyRowCounts = (db: Db) =>
  countRows(db, ['study', 'import_run', 'document', 'code', 'coded_segment', 'audit_event']);

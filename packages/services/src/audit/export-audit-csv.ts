/**
 * The audit log as CSV (issue 9), for an admin: the filtered events, newest first, read a page at a time
 * and handed on as text chunks, so an export of the whole log never sits in memory. The export itself is
 * recorded first (`audit.export`, with the filters), so a download cut short is still on the record.
 * When filtered to one PSW, the event is about that PSW, so "who has seen this PSW's record" lists it.
 * Cells go through the study exports' writer (RFC 4180 quoting, CRLF, formula guard), one way to do it.
 * The text starts with a UTF-8 byte order mark: Excel reads a CSV as UTF-8 (Czech names intact) only then.
 */
import { csvLine } from '@peerbridge/study-formats';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { auditFilterFields } from './audit-filters';
import { AUDIT_PAGE_MAX, listAuditLog } from './audit-log';
import { recordAudit } from './record-audit';

export const exportAuditCsvInput = z
  .object(auditFilterFields)
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'expected a from date on or before the to date',
    path: ['to'],
  });

/** The UTF-8 byte order mark. */
const UTF8_BOM = '\uFEFF';

export const AUDIT_CSV_HEADER = [
  'at',
  'seq',
  'action',
  'actor_name',
  'actor_roles',
  'actor_user_id',
  'psw_name',
  'psw_id',
  'entity_type',
  'entity_id',
  'details',
] as const;

export interface AuditCsvExport {
  /** A file name for the download, e.g. `audit-org-1-2026-12-02.csv`. */
  fileName: string;
  /** The CSV text in chunks: the BOM and header, then one chunk per page of events. */
  chunks: AsyncGenerator<string>;
}

/**
 * Checks the caller and the filters, records the export, and returns the CSV as chunks. Errors in the
 * input (and the refusal of a non-admin) are thrown here, before any byte is sent.
 */
export async function exportAuditCsv(
  db: Db,
  actor: Actor,
  input: z.input<typeof exportAuditCsvInput>,
): Promise<AuditCsvExport> {
  requireRole(actor, 'admin');
  const filters = parseServiceInput(exportAuditCsvInput, input);
  if (filters.workerId !== undefined) {
    const worker = await db
      .selectFrom('peer_worker')
      .select('id')
      .where('organization_id', '=', actor.organizationId)
      .where('id', '=', filters.workerId)
      .executeTakeFirst();
    if (!worker) throw notFound('Peer support worker');
  }
  await recordAudit(db, actor, {
    action: 'audit.export',
    entityType: filters.workerId !== undefined ? 'peer_worker' : 'audit_log',
    entityId: filters.workerId ?? null,
    details: { format: 'csv', filters },
    changesData: false,
  });
  async function* chunks(): AsyncGenerator<string> {
    yield UTF8_BOM + csvLine(AUDIT_CSV_HEADER);
    let cursor: string | null = null;
    do {
      const page = await listAuditLog(db, actor, { ...filters, cursor, limit: AUDIT_PAGE_MAX });
      let text = '';
      for (const e of page.items) {
        text += csvLine([
          e.at,
          e.seq,
          e.action,
          e.actorName,
          e.actorRoles.join(' '),
          e.actorUserId,
          e.workerName,
          e.workerId,
          e.entityType,
          e.entityId,
          JSON.stringify(e.details),
        ]);
      }
      if (text !== '') yield text;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return {
    fileName: `audit-${actor.organizationId}-${new Date().toISOString().slice(0, 10)}.csv`.replace(
      /[^\w.-]/g,
      '_',
    ),
    chunks: chunks(),
  };
}

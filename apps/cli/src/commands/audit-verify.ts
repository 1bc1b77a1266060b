/**
 * `peerbridge audit verify`: walks every audit hash chain from genesis (ADR 0008) and checks the
 * guarding triggers; with `--checkpoint`, also that each chain still reaches a checkpoint taken earlier
 * (from a backup's checkpoint file or the api's log). Reads only: it never migrates or writes.
 */
import { readFileSync } from 'node:fs';
import {
  type AuditCheckpoint,
  type AuditVerifyReport,
  CheckpointFormatError,
  openDatabase,
  parseAuditCheckpoint,
  redactUrl,
  verifyAuditChain,
} from '@peerbridge/db';
import type { CliContext } from '../context';
import { databaseUrlFor } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { resolveUserPath } from '../paths/workspace-root';

export interface AuditVerifyResult extends AuditVerifyReport {
  database: string;
  checkpoint: string | null;
}

function readCheckpoint(file: string): AuditCheckpoint {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError('not_found', `checkpoint file ${file} does not exist or cannot be read`);
  }
  try {
    return parseAuditCheckpoint(text, file);
  } catch (error) {
    if (error instanceof CheckpointFormatError) throw new CliError('invalid_input', error.message);
    throw error;
  }
}

export async function verifyAudit(
  options: { db?: string | undefined; checkpoint?: string | undefined },
  ctx: CliContext,
): Promise<AuditVerifyResult> {
  const url = databaseUrlFor(options, ctx);
  const checkpointFile =
    options.checkpoint === undefined ? null : resolveUserPath(ctx.cwd, options.checkpoint);
  const checkpoint = checkpointFile === null ? null : readCheckpoint(checkpointFile);
  const handle = await openDatabase({ url });
  try {
    const present = await handle.db
      .selectFrom('audit_chain_head')
      .select('chain')
      .limit(1)
      .execute()
      .then(
        () => true,
        () => false,
      );
    if (!present)
      throw new CliError(
        'not_found',
        `${redactUrl(url)} has no audit chain: run \`peerbridge migrate\` first`,
      );
    const report = await verifyAuditChain(handle.db, { checkpoint });
    return { ...report, database: redactUrl(url), checkpoint: checkpointFile };
  } finally {
    await handle.destroy();
  }
}

export function renderAuditVerify(result: AuditVerifyResult, ctx: CliContext): string {
  const chains = `${result.heads.length} chain${result.heads.length === 1 ? '' : 's'}`;
  const against = result.checkpoint ? `, against checkpoint ${result.checkpoint}` : '';
  if (result.ok) {
    return `${ctx.out.green('Audit chain intact')}: ${result.database}, ${chains}, ${result.eventsChecked} events checked${against}`;
  }
  return [
    `${ctx.out.red('Audit chain BROKEN')}: ${result.database}${against}`,
    ...result.missingGuards.map((g) => `  guard ${g}`),
    ...result.breaks.map(
      (b) =>
        `  organisation ${b.organizationId ?? '(none)'} event #${b.seq}${b.eventId ? ` id ${b.eventId}` : ''}: ${b.reason}`,
    ),
  ].join('\n');
}

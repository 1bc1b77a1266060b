/**
 * The api's watch over the audit chain (ADR 0008): at start a bounded check (the guards and the last
 * 1000 events of each chain), refused with a clear message when broken; on every `/readyz` the same
 * bounded check plus the chain heads verified before (each must still be there with its hash, which
 * catches a truncated or recomputed tail since start); and a checkpoint
 * of the chain heads written to the log at start and every hour, where the database user cannot reach it.
 */
import {
  type AuditVerifyReport,
  CHECKPOINT_FORMAT,
  type ChainPosition,
  takeAuditCheckpoint,
  verifyAuditChain,
} from '@peerbridge/db';
import type { Db } from '@peerbridge/services';
import type { Logger } from '../logger';

/** Events per chain the start-up check recomputes. */
export const START_TAIL = 1000;
const CHECKPOINT_EVERY_MS = 60 * 60 * 1000;

/** Thrown at start when the chain is broken or a guard is missing; the message says what and what to do. */
export class AuditIntegrityError extends Error {
  override readonly name = 'AuditIntegrityError';
}

/** One line per problem, e.g. `organisation X event #4 id Y: content does not match its hash (changed)`. */
export function describeProblems(report: AuditVerifyReport): string[] {
  return [
    ...report.missingGuards.map((g) => `guard ${g}`),
    ...report.breaks.map(
      (b) =>
        `organisation ${b.organizationId ?? '(none)'} event #${b.seq}${b.eventId ? ` id ${b.eventId}` : ''}: ${b.reason}`,
    ),
  ];
}

export interface AuditIntegrity {
  /** The bounded start-up check; throws AuditIntegrityError when broken. */
  checkAtStart(): Promise<void>;
  /** The incremental check `/readyz` runs; never throws for a broken chain, it reports it. */
  check(): Promise<{ ok: boolean; problems: string[] }>;
  /** Writes the chain heads to the log as a checkpoint (an `auditCheckpoint` field). */
  logCheckpoint(): Promise<void>;
  /** Starts the hourly checkpoint; returns a function that stops it. */
  startCheckpoints(): () => void;
}

export function createAuditIntegrity(db: Db, logger: Logger): AuditIntegrity {
  let verified: ChainPosition[] | null = null;
  let running: Promise<{ ok: boolean; problems: string[] }> | null = null;
  const log = logger.child({ component: 'audit-chain' });
  const integrity: AuditIntegrity = {
    async checkAtStart() {
      const report = await verifyAuditChain(db, { mode: 'tail', tail: START_TAIL });
      if (!report.ok) {
        const problems = describeProblems(report);
        log.fatal({ problems }, 'audit chain broken');
        throw new AuditIntegrityError(
          `the audit log has been tampered with, so the server will not start:\n  ${problems.join('\n  ')}\n` +
            'Run `peerbridge audit verify` for the full walk, and restore from a backup or investigate before starting again (ADR 0008).',
        );
      }
      verified = report.heads;
      log.info({ chains: report.heads.length, eventsChecked: report.eventsChecked }, 'audit chain verified');
    },
    check() {
      // Concurrent probes share one run.
      running ??= (async () => {
        try {
          // The recent tail again, plus the heads verified before, which must all still be there.
          const checkpoint = verified
            ? ({ format: CHECKPOINT_FORMAT, takenAt: '', chains: verified } as const)
            : null;
          const report = await verifyAuditChain(db, { mode: 'tail', tail: START_TAIL, checkpoint });
          if (!report.ok) {
            const problems = describeProblems(report);
            log.error({ problems }, 'audit chain broken');
            return { ok: false, problems };
          }
          verified = report.heads;
          return { ok: true, problems: [] };
        } finally {
          running = null;
        }
      })();
      return running;
    },
    async logCheckpoint() {
      log.info({ auditCheckpoint: await takeAuditCheckpoint(db) }, 'audit checkpoint');
    },
    startCheckpoints() {
      const timer = setInterval(() => {
        integrity
          .logCheckpoint()
          .catch((error: unknown) => log.warn({ err: error }, 'audit checkpoint failed'));
      }, CHECKPOINT_EVERY_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return integrity;
}

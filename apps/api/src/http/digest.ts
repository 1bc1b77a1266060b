/**
 * The notification schedule (ADR 0037), beside the assessment refresh: at start and every hour, the
 * day-driven notifications are swept (supervision due, actions overdue), and, when SMTP_URL and
 * DIGEST_FROM are set, every member with unread notifications gets one e-mail a day through SMTP
 * (nodemailer). The e-mail says how many items wait and links to the portal: never a PSW's name, an
 * indicator or a date. A member's day is claimed in `digest_sent` before sending, so several api
 * processes never send one twice; a send that fails gives the claim back for the next run.
 */
import {
  claimDigest,
  type Db,
  digestMessage,
  digestRecipients,
  markDigestSent,
  releaseDigest,
  sweepNotifications,
} from '@peerbridge/services';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger';

const EVERY_MS = 60 * 60 * 1000;

export interface DigestSettings {
  smtpUrl: string;
  from: string;
  /** The portal's address; the digest links to its notifications page. */
  publicUrl: string;
}

export interface DigestReport {
  day: string;
  sent: number;
  /** Members whose digest of the day another run (or process) had already claimed. */
  alreadyClaimed: number;
  failed: number;
}

/** The UTC day a digest is for. */
const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** Sends the day's digests that no run has claimed yet. */
export async function sendDigestsNow(
  db: Db,
  settings: DigestSettings,
  logger: Logger,
  now: Date = new Date(),
): Promise<DigestReport> {
  const day = utcDay(now);
  const report: DigestReport = { day, sent: 0, alreadyClaimed: 0, failed: 0 };
  const recipients = await digestRecipients(db);
  if (recipients.length === 0) return report;
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    for (const r of recipients) {
      if (!(await claimDigest(db, r.userId, day, r.unread))) {
        report.alreadyClaimed++;
        continue;
      }
      const message = digestMessage(r.unread, settings.publicUrl);
      try {
        await transport.sendMail({
          from: settings.from,
          to: r.email,
          subject: message.subject,
          text: message.text,
        });
        await markDigestSent(db, r.userId, day);
        report.sent++;
      } catch (error) {
        report.failed++;
        await releaseDigest(db, r.userId, day);
        // The address is personal data: the log names the member by id only.
        logger.warn(
          { err: error, userId: r.userId },
          'sending the e-mail digest failed; retrying within the hour',
        );
      }
    }
  } finally {
    transport.close();
  }
  return report;
}

/** One run: sweep the notifications, then send the digests when configured. */
export async function runNotificationsNow(
  db: Db,
  digest: DigestSettings | null,
  logger: Logger,
): Promise<void> {
  const sweep = await sweepNotifications(db);
  if (sweep.added > 0 || sweep.resolved > 0)
    logger.info({ asOf: sweep.asOf, added: sweep.added, resolved: sweep.resolved }, 'notifications swept');
  if (digest === null) return;
  const report = await sendDigestsNow(db, digest, logger);
  if (report.sent > 0 || report.failed > 0) logger.info(report, 'e-mail digests');
}

/** Starts the hourly run; returns the function that stops it. */
export function startNotificationSchedule(db: Db, digest: DigestSettings | null, logger: Logger): () => void {
  const log = logger.child({ component: 'notifications' });
  const timer = setInterval(() => {
    runNotificationsNow(db, digest, log).catch((error: unknown) =>
      log.warn({ err: error }, 'the notification run failed; retrying within the hour'),
    );
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

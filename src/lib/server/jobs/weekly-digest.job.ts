import nodemailer from 'nodemailer';
import type { MailConfig } from '../config';
import type { Ctx } from '../context';
import { log } from '../log';
import { digestMessage, type DigestMessage } from '../render/follow-up/due-mail';
import {
  claimWeeklyDigest,
  digestFor,
  digestRecipients,
  releaseWeeklyDigest
} from '../services/follow-up/digest.service';
import { nextStockholmWeekly } from '../../core/stockholm-time';
import type { JobDefinition } from './job';

/** Sends one e-mail; throws when the server refuses it. */
export type Mailer = {
  send: (message: DigestMessage & { to: string }) => Promise<void>;
  close: () => void;
};

/** A mailer over the configured SMTP server (credentials in SMTP_URL; never logged). */
export function smtpMailer(mail: MailConfig): Mailer {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({
        from: mail.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html
      });
    },
    close: () => transport.close()
  };
}

/** What a run did, in counts only. */
export type DigestRun = { sent: number; empty: number; failed: number };

/** An error's kind for the log, never its text (an SMTP reply may quote an address). */
const errorCode = (e: unknown) =>
  e && typeof e === 'object' && 'code' in e
    ? String(e.code)
    : e instanceof Error
      ? e.name
      : 'unknown';

/**
 * Sends this week's digest to every user who asked for it and has not had it this week: one
 * e-mail each, claimed in the database first so two servers never both send it. A failed send
 * gives the claim back for the next run. Logs counts and user ids, no addresses or names.
 */
export async function sendWeeklyDigests(ctx: Ctx, mailer?: Mailer): Promise<DigestRun> {
  const run: DigestRun = { sent: 0, empty: 0, failed: 0 };
  if (!ctx.config.mail && !mailer) return run;
  const recipients = await digestRecipients(ctx);
  if (!recipients.length) return run;
  const m = mailer ?? smtpMailer(ctx.config.mail!);
  const origin = ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
  try {
    for (const userId of recipients) {
      const claim = await claimWeeklyDigest(ctx, userId);
      if (!claim) continue;
      try {
        const digest = await digestFor(ctx, userId);
        if (!digest) {
          run.empty++;
          continue;
        }
        await m.send({
          to: digest.to,
          ...digestMessage(digest.report, { name: digest.name, origin })
        });
        run.sent++;
      } catch (e) {
        run.failed++;
        await releaseWeeklyDigest(ctx, claim);
        log('warn', 'digest.failed', { userId, error: errorCode(e) });
      }
    }
  } finally {
    if (!mailer) m.close();
  }
  log('info', 'digest.run', run);
  return run;
}

/** The weekly digest as a scheduled job: DIGEST_WEEKDAY at DIGEST_HOUR, Swedish time. */
export const weeklyDigestJob: JobDefinition = {
  name: 'weekly-digest',
  nextRun: (ctx, after) =>
    nextStockholmWeekly(after, ctx.config.digest.weekday, ctx.config.digest.hour),
  run: async (ctx) => {
    await sendWeeklyDigests(ctx);
  }
};

import { log } from '../log';
import { sendNewItems } from '../services/publication/subscription-delivery.service';
import { deleteLapsedRequests } from '../services/publication/subscription.service';
import type { JobDefinition } from './job';

/** How often subscribers' new items are looked for. */
const EVERY_MS = 15 * 60_000;

/**
 * Every quarter of an hour: deletes subscription requests nobody confirmed in time, then mails
 * confirmed subscribers what their municipality published since (each item once). Runs only
 * when e-mail is configured (SMTP_URL).
 */
export const subscriptionMailJob: JobDefinition = {
  name: 'subscription-mail',
  nextRun: (_ctx, after) => new Date(after.getTime() + EVERY_MS),
  enabled: (ctx) => ctx.config.mail !== null,
  run: async (ctx) => {
    const lapsed = await deleteLapsedRequests(ctx);
    if (lapsed) log('info', 'subscription.lapsed', { deleted: lapsed });
    await sendNewItems(ctx);
  }
};

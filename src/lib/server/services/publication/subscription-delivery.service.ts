import { shortText } from '../../../core/report';
import type { Ctx } from '../../context';
import {
  claimDelivery,
  confirmedSubscriptions,
  releaseDeliveries,
  subscribedMunicipalities
} from '../../db/repositories/publication/subscription.repository';
import { log } from '../../log';
import { newItemsMail, type MailItem } from '../../render/publication/subscription-mail';
import { publicLink } from '../accounts/public-address';
import { municipalityEvents } from './public-site.service';
import { municipalityFeedEntries } from './report-feed.service';
import { publicMunicipality } from './report-public.service';
import { subscriptionMailer, type SubscriptionMailer } from './subscription-mail.service';
import { unsubscribeLink } from './subscription.service';

/** A public item that may go out: what it is and since when it is public (ISO instant). */
type NewItem = MailItem & { id: string; since: string };

/** What one run did, in counts only (no addresses). */
export type SubscriptionRun = { sent: number; failed: number; items: number };

/**
 * A municipality's public items: published reports and news (as in its feed, from their first
 * publication) and upcoming events that are not cancelled (from their last change).
 */
async function publicItems(ctx: Ctx, code: string): Promise<NewItem[]> {
  const origin = publicLink(ctx.config, '/').replace(/\/$/, '');
  const feed = await municipalityFeedEntries(ctx, code, origin);
  const { events } = await municipalityEvents(ctx, code);
  const now = ctx.now().toISOString();
  return [
    ...feed.entries.map((e): NewItem => ({
      kind: e.category === 'rapport' ? 'report' : 'news',
      id: e.id.replace(/^urn:uuid:/, ''),
      // The feed already marks demo news in the title.
      title: e.title,
      summary: e.summary ?? '',
      link: e.link,
      demo: false,
      since: e.published
    })),
    ...events
      .filter((e) => !e.cancelled && e.startsAt > now)
      .map((e): NewItem => ({
        kind: 'event',
        id: e.id,
        title: e.title,
        summary: `${e.kindLabel}, ${e.date} kl. ${e.startTime}–${e.endTime}, ${e.place}. ${shortText(e.description, 200)}`,
        link: `${origin}/kommuner/${code}#var-med`,
        demo: false,
        since: e.updatedAt
      }))
  ];
}

/**
 * Mails each confirmed subscriber what their municipality published since they confirmed and
 * they have not had: one e-mail per subscriber and run. Each item is claimed in the database
 * before sending (so a restart or a second server never sends it again); a failed send gives the
 * claims back for the next run. Logs counts only.
 */
export async function sendNewItems(
  ctx: Ctx,
  mailer?: SubscriptionMailer
): Promise<SubscriptionRun> {
  const run: SubscriptionRun = { sent: 0, failed: 0, items: 0 };
  if (!ctx.config.mail && !mailer) return run;
  const municipalities = await subscribedMunicipalities(ctx.db);
  if (!municipalities.length) return run;
  const m = mailer ?? subscriptionMailer(ctx.config.mail!);
  try {
    for (const place of municipalities) {
      if (!place.code) continue;
      const items = await publicItems(ctx, place.code);
      if (!items.length) continue;
      const { officialName } = await publicMunicipality(ctx, place.code);
      for (const sub of await confirmedSubscriptions(ctx.db, place.id)) {
        const fresh = items.filter((i) => i.since >= sub.confirmed_at!);
        const claimed: NewItem[] = [];
        for (const i of fresh)
          if (
            await claimDelivery(ctx.db, {
              subscription_id: sub.id,
              item_kind: i.kind,
              item_id: i.id,
              sent_at: ctx.now().toISOString()
            })
          )
            claimed.push(i);
        if (!claimed.length) continue;
        try {
          await m.send(
            sub.email,
            newItemsMail({
              municipality: officialName,
              items: claimed,
              pageLink: publicLink(ctx.config, `/kommuner/${place.code}`),
              unsubscribeLink: unsubscribeLink(ctx, sub.id)
            })
          );
          run.sent++;
          run.items += claimed.length;
        } catch (e) {
          run.failed++;
          await releaseDeliveries(ctx.db, sub.id, claimed);
          log('warn', 'subscription.failed', {
            subscription: sub.id,
            error: e instanceof Error ? e.name : 'unknown'
          });
        }
      }
    }
  } finally {
    if (!mailer) m.close();
  }
  log('info', 'subscription.run', run);
  return run;
}

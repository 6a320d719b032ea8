import type { Ctx } from '../context';
import type { FirstStartNotice } from '../services/accounts/first-start.service';
import { ensureReferenceData } from '../services/accounts/organisation.service';
import { ensureDemoAccounts } from './demo-accounts';
import { ensureNorsjoDemo } from './demo.service';
import { ensureNorsjoDialogueDemo } from './norsjo-dialogue';
import { ensureNorsjo } from './norsjo.service';
import { ensureNorsjoDemoSurvey } from './survey-demo.service';
import { ensureResidentsDemo } from './demo-residents';

/** What seeding the Norsjö demo did: the agreement's id and, with accounts, how to sign in. */
export type NorsjoDemoResult = { agreementId: string; notice: FirstStartNotice | null };

/**
 * Demo seeders that run after Norsjö's agreement, its demo activities and (in demo mode) the demo
 * accounts exist (a demo walk gives an observation to Norsjö kommun, whose people have accounts). Each is idempotent and labels what it makes as demo. Add a new demo seeder here.
 */
const AFTER_ACTIVITIES: ((ctx: Ctx) => Promise<unknown>)[] = [
  ensureNorsjoDemoSurvey,
  ensureResidentsDemo
];

/**
 * The Norsjö demo, in the order its parts need each other: reference data, Norsjö's
 * organisations and 2019 agreement, demo activities, (with `accounts`, in demo mode only: their
 * password is public) the documented demo accounts, the seeders above, and the dialogue demo,
 * whose picture the demo editors approve. Running it twice changes nothing.
 */
export async function seedNorsjoDemo(
  ctx: Ctx,
  options: { accounts: boolean }
): Promise<NorsjoDemoResult> {
  // The demo parts refuse to run outside demo mode; `loften demo norsjo` on a production database
  // (the data is labelled demo) passes them a demo view of the context. Accounts follow the real mode.
  const demo: Ctx = { ...ctx, config: { ...ctx.config, demo: true } };
  await ensureReferenceData(ctx);
  const agreementId = await ensureNorsjo(ctx);
  await ensureNorsjoDemo(demo);
  const notice = options.accounts && ctx.config.demo ? await ensureDemoAccounts(ctx) : null;
  for (const seed of AFTER_ACTIVITIES) await seed(demo);
  await ensureNorsjoDialogueDemo(demo);
  return { agreementId, notice };
}

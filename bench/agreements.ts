import { SYSTEM } from '../src/lib/server/auth/policy';
import type { Ctx } from '../src/lib/server/context';
import { MUNICIPALITIES } from '../src/lib/server/reference/sweden';
import type { NorsjoPartyKey } from '../src/lib/server/seed/norsjo';
import { NORSJO_CODE } from '../src/lib/server/seed/norsjo';
import { norsjoDraft } from '../src/lib/server/seed/norsjo-draft';
import { createAgreement } from '../src/lib/server/services/agreements/agreement.service';
import { norsjoIds } from '../src/lib/server/seed/norsjo.service';
import { municipalityId } from '../src/lib/server/services/accounts/organisation.service';

/**
 * Creates `count` further agreements, one per municipality other than Norsjö, each a copy of
 * Norsjö's (same measures and targets, 2019–2022), through the ordinary service. The municipality
 * itself stands in for "kommunen"; Norsjö's LPO and parties stand in for the rest (they exist).
 * Created as the system, like the seed.
 */
export async function createOtherAgreements(ctx: Ctx, count: number): Promise<string[]> {
  const others = MUNICIPALITIES.filter((m) => m.code !== NORSJO_CODE);
  if (count > others.length)
    throw new Error(`At most ${others.length} further agreements (one per municipality)`);
  const norsjo = norsjoIds();
  const ids: string[] = [];
  for (const m of others.slice(0, count)) {
    const municipality = municipalityId(m.code);
    const draft = norsjoDraft({
      municipality,
      lpo: norsjo.lpo,
      party: (k: NorsjoPartyKey) => (k === 'kommunen' ? municipality : norsjo.party(k))
    });
    draft.title = `Medborgarlöfte ${m.name} 2019–2022 (bench)`;
    ids.push((await createAgreement(ctx, SYSTEM, draft)).id);
  }
  return ids;
}

import { SYSTEM } from '../auth/policy';
import type { Ctx } from '../context';
import type { OrganisationTable } from '../db/schema';
import { insertOrganisations } from '../db/repositories/accounts/organisation.repository';
import { listAgreementRows } from '../db/repositories/agreements/agreement.repository';
import { NORSJO_AGREEMENT, NORSJO_CODE, NORSJO_PARTIES, type NorsjoPartyKey } from './norsjo';
import { norsjoDraft } from './norsjo-draft';
import { createAgreement } from '../services/agreements/agreement.service';
import { municipalityId, regionId } from '../services/accounts/organisation.service';

/** Ids of Norsjö's organisations: stable, so the demo, the tests and the importer agree. */
export function norsjoIds() {
  return {
    municipality: municipalityId(NORSJO_CODE),
    region: regionId('Nord'),
    policeDistrict: 'polisomrade-vasterbotten',
    lpo: 'lpo-skelleftea',
    party: (key: NorsjoPartyKey): string =>
      key === 'kommunen'
        ? municipalityId(NORSJO_CODE)
        : key === 'polisen'
          ? 'lpo-skelleftea'
          : `norsjo-${key}`
  };
}

/** Creates Norsjö's police areas (region Nord → polisområde Västerbotten → LPO Skellefteå) and parties. */
export async function ensureNorsjoOrganisations(ctx: Ctx): Promise<void> {
  const ids = norsjoIds();
  const at = ctx.now().toISOString();
  const base = { code: null, county_code: null, party_type: null, owner_id: null, created_at: at };
  const rows: OrganisationTable[] = [
    {
      ...base,
      id: ids.policeDistrict,
      kind: 'police_area',
      name: 'Polisområde Västerbotten',
      level: 'polisomrade',
      parent_id: ids.region
    },
    {
      ...base,
      id: ids.lpo,
      kind: 'police_area',
      name: 'Lokalpolisområde Skellefteå',
      level: 'lokalpolisomrade',
      parent_id: ids.policeDistrict
    },
    ...(Object.keys(NORSJO_PARTIES) as NorsjoPartyKey[])
      .filter((k) => k !== 'kommunen' && k !== 'polisen')
      .map((k) => ({
        ...base,
        id: ids.party(k),
        kind: 'party' as const,
        name: NORSJO_PARTIES[k].name,
        level: null,
        parent_id: null,
        party_type: NORSJO_PARTIES[k].partyType,
        owner_id: ids.municipality
      }))
  ];
  await insertOrganisations(ctx.db, rows);
}

/** The id of Norsjö's 2019 agreement, if it exists. */
export async function findNorsjoAgreementId(ctx: Ctx): Promise<string | null> {
  const rows = await listAgreementRows(ctx.db, { municipalityId: norsjoIds().municipality });
  return rows.find((r) => r.title === NORSJO_AGREEMENT.title)?.id ?? null;
}

/** Makes sure Norsjö, the first tenant, exists: its organisations and its 2019 agreement. */
export async function ensureNorsjo(ctx: Ctx): Promise<string> {
  await ensureNorsjoOrganisations(ctx);
  const existing = await findNorsjoAgreementId(ctx);
  if (existing) return existing;
  return (await createAgreement(ctx, SYSTEM, norsjoDraft(norsjoIds()))).id;
}

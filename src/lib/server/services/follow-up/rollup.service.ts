import type { Ctx } from '../../context';
import {
  findOrganisation,
  searchOrganisations
} from '../../db/repositories/accounts/organisation.repository';
import { listAgreementRows } from '../../db/repositories/agreements/agreement.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { NotFoundError } from '../shared/errors';
import { agreementFollowUp } from './follow-up.service';

/** One agreement in a police area's roll-up: this year's share of kept promises. */
export type RollupRow = {
  id: string;
  title: string;
  municipalities: string[];
  policeArea: string;
  period: { start: string; end: string };
  running: boolean;
  demo: boolean;
  year: { met: number; judged: number; share: number | null };
  behind: number;
};

/**
 * A police region, district or local area with the agreements of every area below it, side by
 * side with this year's fulfilment, a page at a time.
 */
export async function policeRollup(ctx: Ctx, areaId: string, page = 1, pageSize = 20) {
  const area = await findOrganisation(ctx.db, areaId);
  if (!area || area.kind !== 'police_area') throw new NotFoundError('Polisområdet finns inte.');
  const all = await searchOrganisations(ctx.db, 'police_area', '', 1000, 0);
  const below = new Set([area.id]);
  // Walk down the hierarchy (regions → districts → local areas); there are a few dozen areas.
  for (let grew = true; grew;) {
    grew = false;
    for (const o of all) {
      if (o.parent_id && below.has(o.parent_id) && !below.has(o.id)) {
        below.add(o.id);
        grew = true;
      }
    }
  }
  const names = new Map(all.map((o) => [o.id, o.name]));
  const agreements = (await listAgreementRows(ctx.db, { policeAreaIds: [...below] })).filter(
    (a) => a.status !== 'draft'
  );
  const today = stockholmDate(ctx.now());
  const year = today.slice(0, 4);
  const slice = agreements.slice((page - 1) * pageSize, page * pageSize);
  const rows: RollupRow[] = [];
  for (const a of slice) {
    const running = a.period_start <= today && today <= a.period_end;
    const y = running ? year : a.period_end.slice(0, 4);
    const f = await agreementFollowUp(ctx, a.id, {
      period: 'year',
      from: `${y}-01-01`,
      to: `${y}-12-31`
    });
    rows.push({
      id: a.id,
      title: a.title,
      municipalities: a.municipalities.map((m) => m.name),
      policeArea: names.get(a.police_area_id ?? '') ?? '',
      period: { start: a.period_start, end: a.period_end },
      running,
      demo: f.demo,
      year: f.fulfilment.total,
      behind: f.measures.filter((m) =>
        ['behind', 'missed', 'quiet'].includes(m.periods.at(-1)?.status ?? '')
      ).length
    });
  }
  return {
    area: { id: area.id, name: area.name, level: area.level },
    children: all.filter((o) => o.parent_id === area.id).map((o) => ({ id: o.id, name: o.name })),
    rows,
    total: agreements.length,
    page,
    pageSize
  };
}

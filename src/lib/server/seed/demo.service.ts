import { addDays } from '../../core';
import type { PublicationRule } from '../db/schema';
import { NORSJO_AGREEMENT } from './norsjo';
import { publishAfter } from '../../core/publication';

/** Each demo activity follows its measure's publication rule, as a logged one would. */
const ruleOf = (key: string): PublicationRule => {
  for (const g of NORSJO_AGREEMENT.measureGroups) {
    for (const m of g.measures as readonly { key: string; publication?: PublicationRule }[]) {
      if (m.key === key) return m.publication ?? 'public';
    }
  }
  return 'public';
};
import { SYSTEM } from '../auth/policy';
import type { Ctx } from '../context';
import { newId } from '../context';
import {
  hasDemoActivities,
  insertActivities
} from '../db/repositories/logging/activity.repository';
import {
  insertIndicators,
  upsertIndicatorValue
} from '../db/repositories/agreements/agreement-parts.repository';
import { listRevisions, loadRevisionContent } from '../db/repositories/agreements/plan.repository';
import { norsjoDemoActivities } from './norsjo-demo';
import { demoProlongationText } from '../../core/demo-period';
import { findNorsjoAgreementId, norsjoIds } from './norsjo.service';
import { stockholmDate } from '../../core/stockholm-date';
import { getAgreementView } from '../services/agreements/agreement-view.service';
import { updateAgreementHead } from '../services/agreements/agreement-edit.service';

import { startRevision, updateMeasure } from '../services/agreements/plan.service';

/**
 * Demo mode only: invented activities for Norsjö's agreement years and a demo plan revision for
 * 2020 with one changed target, each stored with its demo mark so every page labels it.
 */
export async function ensureNorsjoDemo(ctx: Ctx): Promise<void> {
  if (!ctx.config.demo) throw new Error('Demo data exists only in demo mode');
  const agreementId = await findNorsjoAgreementId(ctx);
  if (!agreementId || (await hasDemoActivities(ctx.db, agreementId))) return;
  const ids = norsjoIds();
  const at = ctx.now().toISOString();
  const today = stockholmDate(ctx.now());
  await extendForDemo(ctx, agreementId, today);
  await addDemoIndicators(ctx, agreementId);
  await addDemoIndicatorValues(ctx, agreementId, Number(today.slice(0, 4)));
  await ctx.db.transaction().execute((trx) =>
    insertActivities(
      trx,
      norsjoDemoActivities(addDays(today, -1)).map((a) => ({
        id: newId(),
        agreement_id: agreementId,
        measure_key: a.key,
        occurred_on: a.date,
        count: a.count,
        shifts: a.shifts,
        grade: a.grade,
        place: null,
        note: 'Demo',
        organisation_id:
          a.key === 'trygghetsvandring' || a.key === 'information-allmanhet'
            ? ids.municipality
            : ids.lpo,
        created_by: null,
        created_at: at,
        deleted_at: null,
        idempotency_key: null,
        demo: 1,
        publication: ruleOf(a.key),
        publish_after: publishAfter(ruleOf(a.key), a.date, 0),
        party_ids: '[]',
        updated_at: null,
        updated_by: null
      }))
    )
  );
  if ((await listRevisions(ctx.db, agreementId)).some((r) => r.year === 2020)) return;
  const { id } = await startRevision(
    ctx,
    SYSTEM,
    agreementId,
    { year: 2020, note: 'Demo: revidering efter uppföljningen av 2019.' },
    { demo: true }
  );
  const content = await loadRevisionContent(ctx.db, id);
  const knock = content.measures.find((m) => m.measure_key === 'dorrknackning');
  if (knock) {
    await updateMeasure(ctx, SYSTEM, knock.id, {
      title: knock.title,
      description: knock.description,
      targetText: '3 gånger per år',
      responsiblePartyId: knock.responsible_party_id,
      partyIds: content.parties.filter((p) => p.measure_id === knock.id).map((p) => p.id),
      focusAreaKeys: content.focusAreas
        .filter((f) => f.measure_id === knock.id)
        .map((f) => f.focus_area_id),
      followUpMethod: knock.follow_up_method,
      visibility: knock.visibility,
      changeReason:
        'Demo: fler bostadsinbrott i två bostadsområden under 2019, så dörrknackningen utökas.',
      // The 2020 plan as written: three a year from its first day (not a revision made today).
      targetEffectiveFrom: '2020-01-01'
    });
  }
}

/**
 * The seed's agreement ran 2019–2022. So that the demo has a current period to log against and
 * follow up, demo mode prolongs it to the end of this year and says so in the period's words.
 */
async function extendForDemo(ctx: Ctx, agreementId: string, today: string): Promise<void> {
  const v = await getAgreementView(ctx, agreementId);
  const end = `${today.slice(0, 4)}-12-31`;
  if (v.period.end >= end) return;
  await updateAgreementHead(ctx, SYSTEM, agreementId, {
    title: v.title,
    status: v.status,
    periodStart: v.period.start,
    periodEnd: end,
    periodText: `${v.period.text} ${demoProlongationText(v.period.end, end)}`,
    situationSummary: v.situationSummary,
    communication: v.communication,
    signedOn: v.signedOn ?? ''
  });
}

/** Suggested indicators for the seed's effects (the document names none), marked as demo in their source. */
async function addDemoIndicators(ctx: Ctx, agreementId: string): Promise<void> {
  const v = await getAgreementView(ctx, agreementId);
  const rows = v.effects.flatMap((e) => {
    const seed = NORSJO_AGREEMENT.effects.find((s) => s.title === e.title);
    if (!seed || e.indicators.length) return [];
    return [
      {
        id: newId(),
        effect_id: e.id,
        name: seed.indicator.name,
        unit: seed.indicator.unit,
        direction: seed.direction,
        source: `Demo: förslag, ${seed.indicator.source}`
      }
    ];
  });
  await insertIndicators(ctx.db, rows);
}

/**
 * Invented yearly values for the demo indicators, from the year before the agreement to last
 * year, so the public page can show effects over time. Their indicators' source says "Demo".
 */
const DEMO_VALUES: Record<string, number[]> = {
  'Andel som känner sig trygga utomhus sent på kvällen': [62, 63, 65, 64, 66, 68, 69, 70],
  'Anmälda brott': [320, 305, 298, 290, 284, 276, 270, 268],
  'Anmälda narkotikabrott': [34, 38, 41, 44, 40, 43, 45, 47],
  'Deltagare i medborgardialoger och trygghetsvandringar': [60, 85, 40, 55, 95, 110, 120, 125],
  'Förtroende för polisen': [58, 60, 61, 63, 62, 65, 66, 67]
};

async function addDemoIndicatorValues(ctx: Ctx, agreementId: string, thisYear: number) {
  const v = await getAgreementView(ctx, agreementId);
  for (const i of v.effects.flatMap((e) => e.indicators)) {
    const values = DEMO_VALUES[i.name];
    if (!values || i.values.length) continue;
    for (const [n, value] of values.entries()) {
      const year = 2018 + n;
      if (year >= thisYear) break;
      await upsertIndicatorValue(ctx.db, {
        indicator_id: i.id,
        measured_on: `${year}-12-31`,
        value
      });
    }
  }
}

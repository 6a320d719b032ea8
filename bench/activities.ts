import { eachDay } from '../src/lib/core/index';
import type { ActivityTable } from '../src/lib/server/db/schema';
import { NORSJO_AGREEMENT } from '../src/lib/server/seed/norsjo';
import { norsjoDemoActivities } from '../src/lib/server/seed/norsjo-demo';
import { norsjoIds } from '../src/lib/server/seed/norsjo.service';

/** The columns of `activities`, in the order the loaders write them. */
export const ACTIVITY_COLUMNS = [
  'id',
  'agreement_id',
  'measure_key',
  'occurred_on',
  'count',
  'shifts',
  'grade',
  'place',
  'note',
  'organisation_id',
  'created_by',
  'created_at',
  'deleted_at',
  'idempotency_key',
  'demo'
] as const satisfies readonly (keyof ActivityTable)[];

/** An activity as the bench writes it; the other columns take their database defaults (public at once). */
export type BenchActivity = Pick<ActivityTable, (typeof ACTIVITY_COLUMNS)[number]>;

export const BENCH_SPAN = { start: '2019-01-01', end: '2022-12-31' };

// Deterministic, like the demo generator, so every bench database has the same shape.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// How often each measure is logged, roughly as in Norsjö's plan (traffic controls dominate).
const WEIGHTS: Record<string, number> = {
  trafikkontroller: 30,
  'riktad-patrullering': 12,
  polisnarvaro: 10,
  fritidsgardsbesok: 8,
  rattegangsbalken: 6,
  ungdomsmiljoer: 6,
  nattvandring: 4,
  'samverkan-aktorer': 4,
  klassrumsbesok: 4,
  'mark-dna': 3,
  trygghetsvandring: 3,
  dorrknackning: 3,
  'information-allmanhet': 2,
  informationsinsatser: 2
};

function weightedKeys(): string[] {
  const keys = NORSJO_AGREEMENT.measureGroups.flatMap((g) => g.measures.map((m) => m.key));
  return keys.flatMap((k) => Array<string>(WEIGHTS[k] ?? 1).fill(k));
}

/** What was generated, for the printout. */
export type GeneratedCounts = { total: number; norsjo: number; deleted: number };

/**
 * Yields activities in batches, day by day from 2019-01-01 to 2022-12-31 (as they would arrive),
 * so one agreement's rows are scattered over the table like in production. Norsjö gets its
 * realistic demo activities plus its even share of the rest; about 1 % are soft-deleted.
 */
export function* activityBatches(
  plan: { total: number; norsjoId: string; agreementIds: string[]; batchSize: number },
  counts: GeneratedCounts
): Generator<BenchActivity[]> {
  const rnd = random(20190101);
  const keys = weightedKeys();
  const days = eachDay(BENCH_SPAN);
  const all = [plan.norsjoId, ...plan.agreementIds];
  const ids = norsjoIds();
  const createdAt = '2023-01-01T00:00:00.000Z';

  const demoByDay = new Map<string, ReturnType<typeof norsjoDemoActivities>>();
  const demo = plan.total > 0 ? norsjoDemoActivities() : [];
  for (const a of demo.slice(0, plan.total)) {
    const list = demoByDay.get(a.date) ?? [];
    list.push(a);
    demoByDay.set(a.date, list);
  }
  const spread = plan.total - Math.min(demo.length, plan.total);

  let batch: BenchActivity[] = [];
  const push = (row: BenchActivity) => {
    counts.total++;
    if (row.agreement_id === plan.norsjoId) counts.norsjo++;
    if (row.deleted_at) counts.deleted++;
    batch.push(row);
  };
  for (let d = 0; d < days.length; d++) {
    const day = days[d]!;
    for (const a of demoByDay.get(day) ?? [])
      push({
        id: crypto.randomUUID(),
        agreement_id: plan.norsjoId,
        measure_key: a.key,
        occurred_on: a.date,
        count: a.count,
        shifts: a.shifts,
        grade: a.grade,
        place: null,
        note: null,
        organisation_id: ids.lpo,
        created_by: null,
        created_at: createdAt,
        deleted_at: null,
        idempotency_key: null,
        demo: 0
      });
    const today =
      Math.floor(((d + 1) * spread) / days.length) - Math.floor((d * spread) / days.length);
    for (let i = 0; i < today; i++) {
      const key = keys[Math.floor(rnd() * keys.length)]!;
      const patrol = key === 'riktad-patrullering';
      push({
        id: crypto.randomUUID(),
        agreement_id: all[Math.floor(rnd() * all.length)]!,
        measure_key: key,
        occurred_on: day,
        count: patrol ? 4 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 3),
        shifts: patrol ? 5 : 0,
        grade: key === 'klassrumsbesok' ? String(6 + Math.floor(rnd() * 4)) : null,
        place: rnd() < 0.3 ? 'Centrum' : null,
        note: null,
        organisation_id: ids.lpo,
        created_by: null,
        created_at: createdAt,
        deleted_at: rnd() < 0.01 ? createdAt : null,
        idempotency_key: null,
        demo: 0
      });
    }
    if (batch.length >= plan.batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

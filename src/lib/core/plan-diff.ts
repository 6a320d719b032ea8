/** A measure as two plan revisions are compared: the fields a reader cares about, by stable key. */
export type PlanMeasure = {
  key: string;
  title: string;
  description: string;
  group: string;
  targetText: string;
  responsible: string | null;
  parties: readonly string[];
  visibility: string;
  changeReason: string | null;
};

/** A measure removed in a revision, with the reason given. */
export type RemovedMeasure = { key: string; title: string; reason: string };

/** One field that changed between two revisions. */
export type FieldChange = { field: keyof PlanMeasure; before: string; after: string };

/** What happened to one measure between two revisions, with the reason given for it. */
export type MeasureChange =
  | { kind: 'added'; key: string; title: string; reason: string | null }
  | { kind: 'removed'; key: string; title: string; reason: string | null }
  | { kind: 'changed'; key: string; title: string; fields: FieldChange[]; reason: string | null };

const COMPARED: (keyof PlanMeasure)[] = [
  'title',
  'description',
  'group',
  'targetText',
  'responsible',
  'parties',
  'visibility'
];

const show = (v: PlanMeasure[keyof PlanMeasure]): string =>
  Array.isArray(v) ? [...v].sort().join(', ') : String(v ?? '');

/**
 * Compares two revisions of a plan by measure key: added, removed and changed measures, each with
 * the reason recorded in the later revision. Order follows the later revision, removals last.
 */
export function diffPlans(
  before: readonly PlanMeasure[],
  after: readonly PlanMeasure[],
  removed: readonly RemovedMeasure[] = []
): MeasureChange[] {
  const old = new Map(before.map((m) => [m.key, m]));
  const now = new Set(after.map((m) => m.key));
  const changes: MeasureChange[] = [];
  for (const m of after) {
    const prev = old.get(m.key);
    if (!prev) {
      changes.push({ kind: 'added', key: m.key, title: m.title, reason: m.changeReason });
      continue;
    }
    const fields = COMPARED.filter((f) => show(prev[f]) !== show(m[f])).map((f) => ({
      field: f,
      before: show(prev[f]),
      after: show(m[f])
    }));
    if (fields.length)
      changes.push({ kind: 'changed', key: m.key, title: m.title, fields, reason: m.changeReason });
  }
  for (const m of before) {
    if (now.has(m.key)) continue;
    const why = removed.find((r) => r.key === m.key);
    changes.push({ kind: 'removed', key: m.key, title: m.title, reason: why?.reason ?? null });
  }
  return changes;
}

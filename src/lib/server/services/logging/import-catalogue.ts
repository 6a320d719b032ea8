import type { Target } from '../../../core';
import type { Ctx } from '../../context';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import type { MeasureCatalogue, MeasureVersion } from './import-rows';

/**
 * The agreement's measures over all plan revisions: names (title or key, any case) to keys, each
 * key's versions by year, and each key's latest title and visibility.
 */
export async function measureCatalogue(ctx: Ctx, agreementId: string) {
  const revisions = await listRevisions(ctx.db, agreementId);
  const contents = await Promise.all(revisions.map((r) => loadRevisionContent(ctx.db, r.id)));
  const names = new Map<string, string>();
  const latest = new Map<string, { title: string; internal: boolean }>();
  const versions = new Map<string, { year: number; v: MeasureVersion }[]>();
  revisions.forEach((r, i) => {
    for (const m of contents[i]!.measures) {
      latest.set(m.measure_key, { title: m.title, internal: m.visibility === 'internal' });
      names.set(m.title.trim().toLowerCase(), m.measure_key);
      const v = {
        target: JSON.parse(m.target_json) as Target,
        publication: m.publication_rule,
        delayDays: m.publication_delay_days
      };
      versions.set(m.measure_key, [...(versions.get(m.measure_key) ?? []), { year: r.year, v }]);
    }
  });
  // A key names its measure even when some title happens to equal it.
  for (const key of versions.keys()) names.set(key.toLowerCase(), key);
  const catalogue: MeasureCatalogue = {
    keyOf: (s) => names.get(s.trim().toLowerCase()),
    // The revision in force for the day's year (the first revision also covers earlier years).
    versionOn: (key, date) => {
      const list = versions.get(key)!;
      const year = Number(date.slice(0, 4));
      return ([...list].reverse().find((x) => x.year <= year) ?? list[0]!).v;
    }
  };
  return {
    catalogue,
    latest,
    list: [...latest].map(([key, m]) => ({ key, title: m.title }))
  };
}

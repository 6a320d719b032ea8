import {
  belongsToTheme,
  rankThemes,
  type CategoryTrend,
  type ThemeEvidence
} from '../../../core/assessment-ranking';
import type { Ctx } from '../../context';
import { inputCountsByTheme } from '../../db/repositories/dialogue/dialogue.repository';
import type { AgreementScope } from '../agreements/agreement-scope.service';
import { crimeTrends } from './crime-statistics.service';
import { eventCounts } from './police-events.service';
import { evidenceSources } from './theme-frame';

/** Everything the picture brings together for some years, and the ranked proposal it gives. */
export type Evidence = Awaited<ReturnType<typeof gatherEvidence>>;

/**
 * Gathers the evidence for an agreement's picture: survey results per theme, meeting and staff
 * dialogue input per theme (counted in SQL), reported crimes per category and year, police events
 * per type at the municipality's name; then ties categories and event types to themes and ranks.
 */
export async function gatherEvidence(
  ctx: Ctx,
  scope: AgreementScope,
  fromYear: number,
  toYear: number
) {
  const where = { municipalityId: scope.municipalityId, agreementId: scope.agreementId };
  const [themes, survey, inputs, crime, events] = await Promise.all([
    evidenceSources.themes(ctx, where),
    evidenceSources.survey(ctx, where),
    inputCountsByTheme(ctx.db, scope.agreementId),
    crimeTrends(ctx, scope.municipalityId, fromYear, toYear),
    eventCounts(
      ctx,
      scope.municipalityName.replace(/ kommun$/, ''),
      `${fromYear}-01-01T00:00:00.000Z`,
      `${toYear + 1}-01-01T00:00:00.000Z`
    )
  ]);
  const inputBy = new Map(inputs.map((r) => [r.theme_id, Number(r.n)]));
  const surveyBy = new Map(survey.themes.map((s) => [s.themeId, s]));
  const evidence: ThemeEvidence[] = themes.map((t) => {
    const trends: CategoryTrend[] = crime.categories
      .filter((c) => belongsToTheme(t, c.category) && c.years.length >= 2)
      .map((c) => {
        const first = c.years[0]!;
        const last = c.years[c.years.length - 1]!;
        return {
          category: c.category,
          firstYear: first.year,
          firstCount: first.count,
          lastYear: last.year,
          lastCount: last.count
        };
      });
    return {
      themeId: t.id,
      label: t.label,
      surveyMentions: surveyBy.get(t.id)?.mentions ?? 0,
      problemIndex: surveyBy.get(t.id)?.problemIndex ?? null,
      inputItems: inputBy.get(t.id) ?? 0,
      trends,
      events: events.filter((e) => belongsToTheme(t, e.type)).reduce((n, e) => n + e.count, 0)
    };
  });
  return {
    fromYear,
    toYear,
    themes,
    respondents: survey.respondents,
    crime,
    events,
    ranking: rankThemes(evidence)
  };
}

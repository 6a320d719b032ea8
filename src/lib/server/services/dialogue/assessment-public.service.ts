import type { RankedTheme } from '../../../core/assessment-ranking';
import { maskPersonalData } from '../../../core/personal-data';
import type { Ctx } from '../../context';
import {
  approvalsOf,
  citationsOf,
  currentMeasures,
  focusAreasOf,
  focusLinksOf,
  latestAssessment
} from '../../db/repositories/dialogue/assessment.repository';
import { listAgreementRows } from '../../db/repositories/agreements/agreement.repository';
import { agreementInputs } from '../../db/repositories/dialogue/dialogue.repository';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import { NotFoundError } from '../shared/errors';
import { walkAnswers } from '../walks/walk-outcomes.service';

/** One agreement's "Ni sa – vi gör": what people said per theme, and the focus areas and measures that answer it. */
async function agreementAnswer(ctx: Ctx, agreementId: string) {
  const row = await latestAssessment(ctx.db, agreementId);
  if (!row) return null;
  const version = Number(row.version);
  const approvals = (await approvalsOf(ctx.db, row.id)).filter(
    (a) => Number(a.version) === version
  );
  if (
    !approvals.some((a) => a.side === 'police') ||
    !approvals.some((a) => a.side === 'municipality')
  )
    return null;
  const [links, focusAreas, measures, citations, inputs] = await Promise.all([
    focusLinksOf(ctx.db, row.id),
    focusAreasOf(ctx.db, agreementId),
    currentMeasures(ctx.db, agreementId),
    citationsOf(ctx.db, agreementId),
    agreementInputs(ctx.db, agreementId)
  ]);
  const publicMeasures = measures.filter((m) => m.visibility === 'public');
  // Only what was said at open meetings is public; staff dialogues stay internal. Masked always.
  const said = inputs.filter((i) => i.kind === 'open_meeting');
  const ranking = JSON.parse(row.ranking_json) as RankedTheme[];
  // The reasons as residents read them, without the ranking's comparison to the largest theme.
  const part = (r: RankedTheme, s: string) =>
    (r.parts.find((p) => p.source === s)?.reason ?? '').replace(/ \(flest för ett tema: \d+\)/, '');
  return {
    title: row.title,
    demo: row.demo === 1,
    approvedOn: approvals
      .map((a) => a.approved_at)
      .sort()
      .at(-1)!
      .slice(0, 10),
    themes: ranking.map((r) => {
      const focus = focusAreas.filter((f) =>
        links.some((l) => l.theme_id === r.themeId && l.focus_area_id === f.id)
      );
      const citingKeys = new Set(
        citations
          .filter(
            (c) =>
              c.theme_id === r.themeId ||
              (c.dialogue_input_id &&
                said.some((i) => i.id === c.dialogue_input_id && i.theme_id === r.themeId))
          )
          .map((c) => c.measure_key)
      );
      const answers = publicMeasures.filter(
        (m) =>
          citingKeys.has(m.measure_key) ||
          (m.focus_area_id && focus.some((f) => f.id === m.focus_area_id))
      );
      return {
        themeId: r.themeId,
        label: r.label,
        rank: r.rank,
        /** Whether people raised it at all (survey mentions, meeting input, the problem index). */
        raised: r.parts.some(
          (p) =>
            (p.source === 'survey' || p.source === 'input' || p.source === 'problemIndex') &&
            p.points > 0
        ),
        survey: part(r, 'survey'),
        meetings: part(r, 'input'),
        said: said
          .filter((i) => i.theme_id === r.themeId)
          .map((i) => maskPersonalData(i.text).masked),
        focusAreas: focus.map((f) => f.title),
        measures: [
          ...new Map(
            answers.map((m) => [
              m.measure_key,
              { key: m.measure_key, title: m.title, cited: citingKeys.has(m.measure_key) }
            ])
          ).values()
        ]
      };
    })
  };
}

/**
 * The public page of a municipality: for each agreement with a picture approved by both parties,
 * "Ni sa – vi gör"; and what residents pointed out on walks next to what was done (`walks`).
 */
export async function youSaidWeDo(ctx: Ctx, code: string) {
  const municipality = await findMunicipalityByCode(ctx.db, code);
  if (!municipality) throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  const agreements = await listAgreementRows(ctx.db, { municipalityId: municipality.id });
  const answers = [];
  for (const a of agreements) {
    const answer = await agreementAnswer(ctx, a.id);
    if (answer) answers.push({ agreementId: a.id, agreementTitle: a.title, ...answer });
  }
  return {
    municipality: {
      code,
      name: municipality.name,
      officialName: municipalityOfficialName(municipality.name)
    },
    answers,
    walks: await walkAnswers(ctx, code)
  };
}

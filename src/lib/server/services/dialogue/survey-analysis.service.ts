import {
  formulaOrDefault,
  itemIndex,
  totalIndex,
  type ItemIndex
} from '../../../core/problem-index';
import { localized, type SurveyQuestion } from '../../../core/survey';
import { discloseCells, isIdentifyingKind, MIN_RESPONDENTS } from '../../../core/survey-disclosure';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  answeredPerQuestion,
  groupSizes,
  optionCounts
} from '../../db/repositories/dialogue/survey-analysis.repository';
import { responseCounts } from '../../db/repositories/dialogue/survey.repository';
import { themeCounts } from '../../db/repositories/dialogue/theme.repository';
import type { SurveyTable } from '../../db/schema';
import { assertStaff, loadSurveyQuestions, requireSurvey } from './survey-access';
import { surveyScope, themeFrame } from './theme.service';

/** Groups with fewer respondents than this are never shown on their own. */
export const MIN_GROUP = MIN_RESPONDENTS;

type Count = { questionId: string; optionId: string; groupId: string | null; n: number };

/**
 * One question's result: counts per option, its share, and the problem index of an index item.
 * For an area or age question an option with 1–4 answers is `small` (no count, no share), and
 * then no share and no total are given either (see core/survey-disclosure.ts).
 */
export type QuestionResult = {
  id: string;
  key: string;
  kind: SurveyQuestion['kind'];
  text: string;
  answered: number | null;
  options: { id: string; label: string; n: number | null; share: number | null; small: boolean }[];
  index: ItemIndex | null;
};

function questionResults(
  questions: readonly SurveyQuestion[],
  counts: readonly Count[],
  answered: ReadonlyMap<string, number>,
  formula: ReturnType<typeof formulaOrDefault>
): QuestionResult[] {
  const nOf = (q: string, o: string) =>
    counts.find((c) => c.questionId === q && c.optionId === o)?.n ?? 0;
  return questions
    .filter((q) => q.kind !== 'text')
    .map((q) => {
      const shown = discloseCells(
        q.options.map((o) => nOf(q.id, o.id)),
        answered.get(q.id) ?? 0,
        isIdentifyingKind(q.kind)
      );
      return {
        id: q.id,
        key: q.key,
        kind: q.kind,
        text: localized(q.text, 'sv'),
        answered: shown.answered,
        options: q.options.map((o, i) => ({ id: o.id, label: o.label.sv, ...shown.cells[i]! })),
        index: q.indexItem
          ? itemIndex(
              q.options.map((o) => ({ score: o.score, count: nOf(q.id, o.id) })),
              formula
            )
          : null
      };
    });
}

const formulaOf = (s: SurveyTable) => {
  try {
    return formulaOrDefault(JSON.parse(s.index_formula));
  } catch {
    return formulaOrDefault(null);
  }
};

/** Counted and flagged responses. */
export async function respondents(ctx: Ctx, surveyId: string) {
  const rows = await responseCounts(ctx.db, surveyId);
  const sum = (d: number) =>
    rows.filter((r) => Number(r.duplicate) === d).reduce((s, r) => s + Number(r.n), 0);
  return { counted: sum(0), duplicates: sum(1) };
}

/** A breakdown by area or age band: groups under MIN_GROUP respondents are hidden. */
async function breakdown(
  ctx: Ctx,
  surveyId: string,
  questions: readonly SurveyQuestion[],
  by: 'area' | 'age',
  formula: ReturnType<typeof formulaOrDefault>
) {
  const source = questions.find((q) => q.kind === by);
  if (!source) return null;
  const sizes = new Map((await groupSizes(ctx.db, surveyId, by)).map((g) => [g.groupId, g.n]));
  const groups = source.options.map((o) => ({
    id: o.id,
    label: o.label.sv,
    n: sizes.get(o.id) ?? 0
  }));
  const shown = groups.filter((g) => g.n >= MIN_GROUP);
  const hidden = groups.filter((g) => g.n > 0 && g.n < MIN_GROUP);
  const counts = (await optionCounts(ctx.db, surveyId, by)).filter((c) =>
    shown.some((g) => g.id === c.groupId)
  );
  const items = questions
    .filter((q) => q.indexItem)
    .map((q) => ({
      id: q.id,
      text: q.text.sv,
      perGroup: shown.map((g) =>
        itemIndex(
          q.options.map((o) => ({
            score: o.score,
            count:
              counts.find((c) => c.questionId === q.id && c.optionId === o.id && c.groupId === g.id)
                ?.n ?? 0
          })),
          formula
        )
      )
    }));
  return {
    by,
    groups: shown,
    // How many respondents the hidden groups have is not given: with one hidden group, and the
    // per-question table naming it "fewer than five", that would tell its size.
    hiddenGroups: hidden.length,
    items
  };
}

/** Counts per theme of the frame (confirmed and suggested), and confirmed per shown area. */
async function themeResults(ctx: Ctx, survey: SurveyTable, areaGroups: { id: string }[]) {
  const frame = await themeFrame(ctx, surveyScope(survey));
  const all = await themeCounts(ctx.db, survey.id);
  const byArea = await themeCounts(ctx.db, survey.id, true);
  return frame.map((t) => ({
    id: t.id,
    key: t.key,
    label: t.label,
    confirmed: all.find((c) => c.themeId === t.id && c.status === 'confirmed')?.n ?? 0,
    suggested: all.find((c) => c.themeId === t.id && c.status === 'suggested')?.n ?? 0,
    perArea: areaGroups.map(
      (g) =>
        byArea.find((c) => c.themeId === t.id && c.status === 'confirmed' && c.areaId === g.id)
          ?.n ?? 0
    )
  }));
}

/**
 * The analysis of a survey for staff: counts per question, index, breakdowns and themes. Until
 * MIN_RESPONDENTS respondents are counted (`enough` false) only the counts of answers are given.
 */
export async function surveyAnalysis(ctx: Ctx, actor: Actor | null, surveyId: string) {
  assertStaff(actor);
  return analyseSurvey(ctx, await requireSurvey(ctx, surveyId));
}

/**
 * The aggregates of a survey, with the small-group rules applied, for whoever the caller has
 * already let see them (staff, or the public once the survey has closed: survey-results.service).
 */
export async function analyseSurvey(ctx: Ctx, survey: SurveyTable) {
  const surveyId = survey.id;
  const counted = await respondents(ctx, surveyId);
  const enough = counted.counted >= MIN_RESPONDENTS;
  const questions = enough ? await loadSurveyQuestions(ctx, surveyId) : [];
  const formula = formulaOf(survey);
  const results = enough
    ? questionResults(
        questions,
        await optionCounts(ctx.db, surveyId),
        await answeredPerQuestion(ctx.db, surveyId),
        formula
      )
    : [];
  const area = await breakdown(ctx, surveyId, questions, 'area', formula);
  const age = await breakdown(ctx, surveyId, questions, 'age', formula);
  const indexItems = results.filter((r) => r.index);
  return {
    survey: {
      id: survey.id,
      title: survey.title_sv,
      demo: survey.demo === 1,
      status: survey.status
    },
    respondents: counted,
    enough,
    formula,
    questions: results,
    problemIndex: {
      items: indexItems.map((r) => ({ id: r.id, key: r.key, text: r.text, ...r.index! })),
      total: totalIndex(indexItems.map((r) => r.index!))
    },
    area,
    age,
    themes: enough ? await themeResults(ctx, survey, area?.groups ?? []) : []
  };
}

/** What a survey contributes to the joint situational picture: counts only, no answers. */
export type SurveyEvidence = {
  surveyId: string;
  title: string;
  demo: boolean;
  respondents: number;
  problemIndex: {
    /** The index an item gets when everyone answers the top step (10 by default). */
    scaleMax: number;
    total: number | null;
    items: { key: string; text: string; index: number | null; n: number; noOpinion: number }[];
  };
  themes: { themeId: string; key: string; label: string; confirmed: number; suggested: number }[];
};

/** A survey's evidence for the joint situational picture (aggregates only; free text never leaves). */
export async function surveyEvidence(ctx: Ctx, surveyId: string): Promise<SurveyEvidence> {
  const survey = await requireSurvey(ctx, surveyId);
  const questions = await loadSurveyQuestions(ctx, surveyId);
  const results = questionResults(
    questions.filter((q) => q.indexItem),
    await optionCounts(ctx.db, surveyId),
    new Map(),
    formulaOf(survey)
  );
  const themes = await themeResults(ctx, survey, []);
  return {
    surveyId,
    title: survey.title_sv,
    demo: survey.demo === 1,
    respondents: (await respondents(ctx, surveyId)).counted,
    problemIndex: {
      scaleMax: formulaOf(survey).scaleMax,
      total: totalIndex(results.map((r) => r.index!)),
      items: results.map((r) => ({ key: r.key, text: r.text, ...r.index! }))
    },
    themes: themes.map((t) => ({
      themeId: t.id,
      key: t.key,
      label: t.label,
      confirmed: t.confirmed,
      suggested: t.suggested
    }))
  };
}

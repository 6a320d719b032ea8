import { indexLevel } from '../../../core/problem-index';
import { MIN_RESPONDENTS } from '../../../core/survey-disclosure';
import { stockholmDate } from '../../../core/stockholm-date';
import type { Ctx } from '../../context';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import { findSurvey, listSurveyRows } from '../../db/repositories/dialogue/survey.repository';
import type { SurveyTable } from '../../db/schema';
import { municipalityOfficialName } from '../../reference/sweden';
import { NotFoundError } from '../shared/errors';
import { youSaidWeDo } from './assessment-public.service';
import { analyseSurvey } from './survey-analysis.service';
import { isOpenOn } from './survey-access';

/** A survey that has taken its last answer: closed by hand, or past its last day. */
const hasClosed = (s: SurveyTable, today: string): boolean =>
  s.status === 'closed' || (s.status === 'open' && !!s.closes_on && s.closes_on < today);

/** The day a closed survey took its last answer, when known. */
const closedOn = (s: SurveyTable, today: string): string | null =>
  s.closes_on && s.closes_on < today ? s.closes_on : s.status === 'closed' ? null : s.closes_on;

async function municipalityOf(ctx: Ctx, code: string) {
  const m = await findMunicipalityByCode(ctx.db, code);
  if (!m) throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  return { id: m.id, code, name: m.name, officialName: municipalityOfficialName(m.name) };
}

/**
 * A municipality's surveys as residents see them: those taking answers today (with the form's
 * address) and those that have closed (with their results' address). Drafts never show.
 */
export async function publicSurveys(ctx: Ctx, code: string) {
  const municipality = await municipalityOf(ctx, code);
  const today = stockholmDate(ctx.now());
  const rows = await listSurveyRows(ctx.db, municipality.id);
  return {
    municipality: {
      code: municipality.code,
      name: municipality.name,
      officialName: municipality.officialName
    },
    open: rows
      .filter((s) => isOpenOn(s, today))
      .map((s) => ({
        id: s.id,
        title: s.title_sv,
        closesOn: s.closes_on,
        href: `/enkat/${s.id}`,
        demo: s.demo === 1
      })),
    closed: rows
      .filter((s) => hasClosed(s, today))
      .map((s) => ({
        id: s.id,
        title: s.title_sv,
        closedOn: closedOn(s, today),
        respondents: Number(s.responses ?? 0),
        href: `/kommuner/${code}/enkater/${s.id}/resultat`,
        demo: s.demo === 1
      }))
  };
}

const NOT_HERE = 'Enkäten finns inte.';

/** A breakdown without the items no shown group had an opinion on. */
const breakdownShown = <B extends { items: { perGroup: { index: number | null }[] }[] }>(b: B) => ({
  ...b,
  items: b.items.filter((i) => i.perGroup.some((g) => g.index !== null))
});

/**
 * The public results of a survey of the municipality: while it takes answers only when it closes;
 * once closed its aggregates (no free text; groups and area or age answers under five hidden) and
 * what the police and the municipality will do ("Ni sa – vi gör" of its agreement, once both
 * have approved it). A draft, or another municipality's survey, is as missing as a wrong id.
 */
export async function publicSurveyResults(ctx: Ctx, code: string, surveyId: string) {
  const municipality = await municipalityOf(ctx, code);
  const survey = await findSurvey(ctx.db, surveyId);
  if (!survey || survey.municipality_id !== municipality.id || survey.status === 'draft')
    throw new NotFoundError(NOT_HERE);
  const today = stockholmDate(ctx.now());
  const head = {
    id: survey.id,
    title: survey.title_sv,
    demo: survey.demo === 1,
    municipality: {
      code: municipality.code,
      name: municipality.name,
      officialName: municipality.officialName
    }
  };
  if (!hasClosed(survey, today))
    return {
      ...head,
      closed: false as const,
      closesOn: survey.closes_on,
      form: `/enkat/${survey.id}`
    };

  const a = await analyseSurvey(ctx, survey);
  const said = await youSaidWeDo(ctx, code);
  const answers = said.answers.filter(
    (x) => !survey.agreement_id || x.agreementId === survey.agreement_id
  );
  return {
    ...head,
    closed: true as const,
    closedOn: closedOn(survey, today),
    respondents: a.respondents.counted,
    enough: a.enough,
    minimum: MIN_RESPONDENTS,
    scaleMax: a.formula.scaleMax,
    problemIndex: {
      // Items nobody had an opinion on say nothing; they are left out.
      items: a.problemIndex.items
        .filter((i) => i.n > 0)
        .map((i) => ({ id: i.id, text: i.text, index: i.index, n: i.n })),
      total: a.problemIndex.total,
      level: indexLevel(a.problemIndex.total)
    },
    questions: a.questions.map((q) => ({
      id: q.id,
      text: q.text,
      answered: q.answered,
      options: q.options.map((o) => ({
        id: o.id,
        label: o.label,
        n: o.n,
        share: o.share,
        small: o.small
      }))
    })),
    area: a.area && breakdownShown(a.area),
    age: a.age && breakdownShown(a.age),
    // Confirmed themes only; a theme named by 1–4 people is "fewer than five", like a small group.
    themes: a.themes
      .filter((t) => t.confirmed > 0)
      .map((t) => ({
        id: t.id,
        label: t.label,
        n: t.confirmed >= MIN_RESPONDENTS ? t.confirmed : null,
        small: t.confirmed < MIN_RESPONDENTS
      })),
    actions: answers.map((x) => ({
      agreementTitle: x.agreementTitle,
      approvedOn: x.approvedOn,
      demo: x.demo,
      themes: x.themes
        .filter((t) => t.raised && (t.focusAreas.length || t.measures.length))
        .map((t) => ({
          themeId: t.themeId,
          label: t.label,
          focusAreas: t.focusAreas,
          measures: t.measures.map((m) => m.title)
        }))
    })),
    youSaidWeDo: `/kommuner/${code}/ni-sa-vi-gor`
  };
}

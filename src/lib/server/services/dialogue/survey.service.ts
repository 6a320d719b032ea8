import { z } from 'zod';
import { DEFAULT_INDEX_FORMULA } from '../../../core/problem-index';
import {
  safetySurveyTemplate,
  type ProblemItem,
  type TemplateQuestion
} from '../../../core/survey-template';
import { can, changerId, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import { agreementMunicipalityIds } from '../../db/repositories/agreements/agreement.repository';
import {
  insertSurvey,
  listSurveyRows,
  updateSurveyRow,
  type SurveyRows
} from '../../db/repositories/dialogue/survey.repository';
import type { SurveyOptionTable, SurveyQuestionTable } from '../../db/schema';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { mayActForMunicipality } from '../agreements/agreement-consent.service';
import { assertSurveyOwner, isOpenOn, loadSurveyQuestions, requireSurvey } from './survey-access';
import { isoDate, parseInput } from '../shared/validation';

/** A survey in a list. */
export type SurveySummary = {
  id: string;
  title: string;
  status: 'draft' | 'open' | 'closed';
  openNow: boolean;
  opensOn: string | null;
  closesOn: string | null;
  responses: number;
  demo: boolean;
  agreementId: string | null;
};

const optionalDate = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(isoDate().nullable());

const head = z
  .object({
    title: z.string().trim().min(3, { message: 'Skriv en rubrik på minst 3 tecken.' }).max(200),
    titleEn: z.string().trim().max(200).default(''),
    intro: z.string().trim().max(2000).default(''),
    introEn: z.string().trim().max(2000).default(''),
    opensOn: optionalDate.default(null),
    closesOn: optionalDate.default(null),
    requiresCode: z.preprocess((v) => v === 'on' || v === true || v === '1', z.boolean())
  })
  .refine((h) => !h.opensOn || !h.closesOn || h.opensOn <= h.closesOn, {
    path: ['closesOn'],
    message: 'Sista svarsdag måste vara samma dag som eller efter första svarsdag.'
  });

const createInput = z.intersection(
  head,
  z.object({
    template: z.enum(['safety', 'blank'], { message: 'Välj mall: trygghetsmätning eller tom.' }),
    agreementId: z
      .string()
      .trim()
      .transform((v) => v || null)
      .default(null),
    areas: z.string().default('')
  })
);

/** Rows for template questions; conditions name earlier questions by key and option value. */
export function templateRows(surveyId: string, template: readonly TemplateQuestion[]) {
  const questions: SurveyQuestionTable[] = [];
  const options: SurveyOptionTable[] = [];
  const optionIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  template.forEach((t, position) => {
    const id = newId();
    questionIds.set(t.key, id);
    const cond = t.condition;
    questions.push({
      id,
      survey_id: surveyId,
      position,
      key: t.key,
      kind: t.kind,
      text_sv: t.text.sv,
      text_en: t.text.en,
      help_sv: t.help?.sv ?? '',
      help_en: t.help?.en ?? '',
      required: t.required ? 1 : 0,
      index_item: t.indexItem ? 1 : 0,
      condition_question_id: cond ? (questionIds.get(cond.key) ?? null) : null,
      condition_option_id: cond ? (optionIds.get(`${cond.key}/${cond.value}`) ?? null) : null
    });
    t.options.forEach((o, i) => {
      const oid = newId();
      optionIds.set(`${t.key}/${o.value}`, oid);
      options.push({
        id: oid,
        question_id: id,
        position: i,
        value: o.value,
        label_sv: o.label.sv,
        label_en: o.label.en,
        score: o.score
      });
    });
  });
  return { questions, options };
}

/** The areas typed one per line, or the default areas. */
const areasOf = (text: string): string[] => {
  const lines = [...new Set(text.split('\n').map((l) => l.trim()))].filter(Boolean);
  return lines.length ? lines : ['Centralorten', 'Övriga orter', 'Landsbygden'];
};

/** Creates a survey of a municipality (its editors may), from the safety template or empty. */
export async function createSurvey(
  ctx: Ctx,
  actor: Changer,
  municipalityCode: string,
  raw: unknown,
  options: { demo?: boolean; extraItems?: ProblemItem[] } = {}
): Promise<{ id: string }> {
  const municipality = await findMunicipalityByCode(ctx.db, municipalityCode);
  if (!municipality) throw new NotFoundError(`Det finns ingen kommun med kod ${municipalityCode}.`);
  if (!(await mayActForMunicipality(ctx, actor, municipality.id)))
    throw new ForbiddenError(
      'Bara kommunens redaktörer, eller polisområdet i en undertecknad överenskommelse med kommunen, får skapa enkäter här.'
    );
  const input = parseInput(createInput, raw);
  if (
    input.agreementId &&
    !(await agreementMunicipalityIds(ctx.db, input.agreementId)).includes(municipality.id)
  )
    throw new ValidationError([
      { field: 'agreementId', message: 'Välj en överenskommelse som gäller kommunen.' }
    ]);
  const id = newId();
  const at = ctx.now().toISOString();
  const survey = {
    id,
    municipality_id: municipality.id,
    agreement_id: input.agreementId,
    title_sv: input.title,
    title_en: input.titleEn,
    intro_sv: input.intro,
    intro_en: input.introEn,
    status: 'draft' as const,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    requires_code: input.requiresCode ? 1 : 0,
    index_formula: JSON.stringify(DEFAULT_INDEX_FORMULA),
    demo: options.demo ? 1 : 0,
    created_by: changerId(actor),
    created_at: at,
    updated_at: at
  };
  await assertSurveyOwner(ctx, actor, survey);
  const template =
    input.template === 'safety'
      ? safetySurveyTemplate(areasOf(input.areas), options.extraItems)
      : [];
  const rows: SurveyRows = { survey, ...templateRows(id, template) };
  await ctx.db.transaction().execute(async (trx) => {
    await insertSurvey(trx, rows);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: municipality.id,
      action: 'survey.create',
      entity: 'survey',
      entityId: id,
      after: { title: input.title, template: input.template, questions: rows.questions.length }
    });
  });
  return { id };
}

const headAndStatus = z.intersection(
  head,
  z.object({
    status: z.enum(['draft', 'open', 'closed'], {
      message: 'Välj utkast, öppen eller stängd.'
    })
  })
);

/** Changes a survey's texts, dates, code requirement and status (its owners may). */
export async function updateSurvey(
  ctx: Ctx,
  actor: Changer,
  surveyId: string,
  raw: unknown
): Promise<void> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  const input = parseInput(headAndStatus, raw);
  if (input.status === 'open' && !(await loadSurveyQuestions(ctx, surveyId)).length)
    throw new ValidationError([
      { field: 'status', message: 'Lägg till minst en fråga innan enkäten öppnas.' }
    ]);
  const patch = {
    title_sv: input.title,
    title_en: input.titleEn,
    intro_sv: input.intro,
    intro_en: input.introEn,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    requires_code: input.requiresCode ? 1 : 0,
    status: input.status,
    updated_at: ctx.now().toISOString()
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateSurveyRow(trx, surveyId, patch);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.update',
      entity: 'survey',
      entityId: surveyId,
      before: { status: survey.status, opensOn: survey.opens_on, closesOn: survey.closes_on },
      after: { status: patch.status, opensOn: patch.opens_on, closesOn: patch.closes_on }
    });
  });
}

const summary = (
  s: Awaited<ReturnType<typeof listSurveyRows>>[number],
  today: string
): SurveySummary => ({
  id: s.id,
  title: s.title_sv,
  status: s.status,
  openNow: isOpenOn(s, today),
  opensOn: s.opens_on,
  closesOn: s.closes_on,
  responses: Number(s.responses ?? 0),
  demo: s.demo === 1,
  agreementId: s.agreement_id
});

/** A municipality's surveys for its staff, and whether the actor may create one. */
export async function listSurveys(ctx: Ctx, actor: Actor | null, municipalityCode: string) {
  const municipality = await findMunicipalityByCode(ctx.db, municipalityCode);
  if (!municipality) throw new NotFoundError(`Det finns ingen kommun med kod ${municipalityCode}.`);
  const today = stockholmDate(ctx.now());
  const rows = await listSurveyRows(ctx.db, municipality.id);
  return {
    municipality: { id: municipality.id, name: municipality.name, code: municipalityCode },
    surveys: rows.map((s) => summary(s, today)),
    canCreate: can(actor, 'agreement.edit', [municipality.id])
  };
}

/**
 * The surveys of a municipality that take answers today, for its public page ("Var med"):
 * title, closing day, the public form's address and the demo mark.
 */
export async function listOpenSurveys(
  ctx: Ctx,
  municipalityId: string
): Promise<{ id: string; title: string; closesOn: string | null; href: string; demo: boolean }[]> {
  const today = stockholmDate(ctx.now());
  return (await listSurveyRows(ctx.db, municipalityId, today)).map((s) => ({
    id: s.id,
    title: s.title_sv,
    closesOn: s.closes_on,
    href: `/enkat/${s.id}`,
    demo: s.demo === 1
  }));
}

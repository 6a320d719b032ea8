import type { Localized, SurveyQuestion } from '../../../core/survey';
import { can, type Actor, type Changer, SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { signedPoliceAreaIds } from '../agreements/agreement-consent.service';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import { findSurvey, loadQuestionRows } from '../../db/repositories/dialogue/survey.repository';
import type { SurveyTable } from '../../db/schema';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/errors';

/** The organisations that own a survey: its municipality and, when its agreement is signed, that agreement's police area. */
export async function surveyOwnerIds(ctx: Ctx, survey: SurveyTable): Promise<string[]> {
  const ids = [survey.municipality_id];
  if (survey.agreement_id) ids.push(...(await signedPoliceAreaIds(ctx, survey.agreement_id)));
  return [...new Set(ids)];
}

/** A survey, or NotFoundError. */
export async function requireSurvey(ctx: Ctx, id: string): Promise<SurveyTable> {
  const s = await findSurvey(ctx.db, id);
  if (!s) throw new NotFoundError('Enkäten finns inte.');
  return s;
}

/** May the actor build the survey, make codes, enter paper answers and see free text unmasked? */
export async function isSurveyOwner(ctx: Ctx, actor: Changer, survey: SurveyTable) {
  return actor === SYSTEM || can(actor, 'agreement.edit', await surveyOwnerIds(ctx, survey));
}

/** Throws unless the actor owns the survey (an editor of its municipality or agreement). */
export async function assertSurveyOwner(ctx: Ctx, actor: Changer, survey: SurveyTable) {
  if (!(await isSurveyOwner(ctx, actor, survey)))
    throw new ForbiddenError(
      'Bara redaktörer i enkätens kommun eller överenskommelse får ändra enkäten och se fritextsvar omaskerade.'
    );
}

/** Throws unless someone with a role in some organisation is signed in (staff who may analyse). */
export function assertStaff(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!actor.memberships.length)
    throw new ForbiddenError('Bara personal med en roll i en organisation kan se enkätsvaren.');
}

const loc = (sv: string, en: string): Localized => ({ sv, en });

/** A survey's questions in the core's shape. */
export async function loadSurveyQuestions(ctx: Ctx, surveyId: string): Promise<SurveyQuestion[]> {
  const { questions, options } = await loadQuestionRows(ctx.db, surveyId);
  return questions.map((q) => ({
    id: q.id,
    key: q.key,
    kind: q.kind,
    text: loc(q.text_sv, q.text_en),
    help: loc(q.help_sv, q.help_en),
    required: q.required === 1,
    indexItem: q.index_item === 1,
    options: options
      .filter((o) => o.question_id === q.id)
      .map((o) => ({
        id: o.id,
        value: o.value,
        label: loc(o.label_sv, o.label_en),
        score: o.score === null ? null : Number(o.score)
      })),
    condition:
      q.condition_question_id && q.condition_option_id
        ? { questionId: q.condition_question_id, optionId: q.condition_option_id }
        : null
  }));
}

/** Is the survey taking answers on a day? */
export const isOpenOn = (s: SurveyTable, day: string): boolean =>
  s.status === 'open' && (!s.opens_on || s.opens_on <= day) && (!s.closes_on || s.closes_on >= day);

/** Throws NotFoundError unless the survey belongs to the municipality with this code (page addresses). */
export async function assertSurveyInMunicipality(ctx: Ctx, surveyId: string, code: string) {
  const survey = await requireSurvey(ctx, surveyId);
  const municipality = await findMunicipalityByCode(ctx.db, code);
  if (!municipality || municipality.id !== survey.municipality_id)
    throw new NotFoundError('Enkäten finns inte i den kommunen.');
}

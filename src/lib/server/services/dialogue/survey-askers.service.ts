import type { Ctx } from '../../context';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import { findAgreement } from '../../db/repositories/agreements/agreement.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import { publicProfile, type PublicProfile } from '../publication/municipality-profile.service';
import { requireSurvey } from './survey-access';

/** Who asks in a survey, as its form and thank-you page say it. */
export type SurveyAskers = {
  municipality: { name: string; code: string; href: string; logo: PublicProfile['logo'] };
  /** The police area of the survey's agreement, when the survey belongs to one. */
  police: { name: string } | null;
};

/**
 * Who is asking: the municipality (with its logo, if its editors set one) and the police area of
 * the agreement the survey belongs to, so that residents know whom they answer. The municipality's
 * page is where the results are published, and where the thank-you page leads.
 */
export async function surveyAskers(ctx: Ctx, surveyId: string): Promise<SurveyAskers> {
  const survey = await requireSurvey(ctx, surveyId);
  const municipality = (await findOrganisation(ctx.db, survey.municipality_id))!;
  const code = municipality.code ?? '';
  const agreement = survey.agreement_id ? await findAgreement(ctx.db, survey.agreement_id) : null;
  const policeArea = agreement?.police_area_id
    ? await findOrganisation(ctx.db, agreement.police_area_id)
    : undefined;
  const profile = await publicProfile(ctx, municipality.id, code);
  return {
    municipality: {
      name: municipalityOfficialName(municipality.name),
      code,
      href: `/kommuner/${code}`,
      logo: profile.logo
    },
    police: policeArea ? { name: policeArea.name } : null
  };
}

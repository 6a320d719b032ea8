import { addDays } from '../../core';
import { stockholmDate } from '../../core/stockholm-date';
import { SYSTEM } from '../auth/policy';
import type { Ctx } from '../context';
import { findDemoSurvey } from '../db/repositories/dialogue/survey.repository';
import { createSurvey, updateSurvey } from '../services/dialogue/survey.service';
import {
  createReport,
  getReportDraft,
  publishReport,
  saveReportDraft
} from '../services/publication/report.service';
import { DEMO_WALK_AREA, ensurePastDemoWalk, ensureUpcomingDemoWalk } from './demo-walks';
import { findNorsjoAgreementId, norsjoIds } from './norsjo.service';

/**
 * The demo walk's event title (planning a walk names its event "<kind>: <area>"): the mark
 * "(demo)" shows wherever the event is listed.
 */
export const DEMO_EVENT_TITLE = `Trygghetsvandring: ${DEMO_WALK_AREA}`;

/** The demo survey's title for a year; one open demo survey a year. */
export const demoOpenSurveyTitle = (year: number): string =>
  `Trygghetsenkät ${year} – tyck till (demo)`;

const DEMO_LEAD =
  'DEMO: påhittad rapport. Siffrorna bygger på påhittade aktiviteter, så att du kan se hur en publicerad rapport ser ut.';

/**
 * Demo mode only: something for a resident to do in Norsjö — last year's report published, a
 * safety walk two weeks ahead (a walk, with its event), a walk four weeks ago with its public
 * protocol, and this year's safety survey open, each labelled demo. Runs after ensureNorsjoDemo
 * (the report's figures come from its demo activities); does nothing twice.
 */
export async function ensureResidentsDemo(ctx: Ctx): Promise<void> {
  if (!ctx.config.demo) throw new Error('Demo data exists only in demo mode');
  const agreementId = await findNorsjoAgreementId(ctx);
  if (!agreementId) return;
  const today = stockholmDate(ctx.now());
  const year = Number(today.slice(0, 4));
  await ensurePublishedReport(ctx, agreementId, year - 1);
  await ensureUpcomingDemoWalk(ctx, agreementId, today);
  await ensurePastDemoWalk(ctx, agreementId, today);
  await ensureOpenSurvey(ctx, agreementId, today, year);
}

/** Last year's report, published once with a lead that says it is demo. */
async function ensurePublishedReport(ctx: Ctx, agreementId: string, year: number) {
  const { id } = await createReport(ctx, SYSTEM, agreementId, { kind: 'year', year });
  const draft = await getReportDraft(ctx, SYSTEM, agreementId, id);
  if (draft.publishedVersion > 0) return;
  await saveReportDraft(ctx, SYSTEM, agreementId, id, { lead: DEMO_LEAD, comments: {} });
  await publishReport(ctx, SYSTEM, agreementId, id);
}

/** This year's safety survey, open from a week ago to the end of the year. */
async function ensureOpenSurvey(ctx: Ctx, agreementId: string, today: string, year: number) {
  const title = demoOpenSurveyTitle(year);
  if (await findDemoSurvey(ctx.db, norsjoIds().municipality, title)) return;
  const head = {
    title,
    titleEn: `Safety survey ${year} – have your say (demo)`,
    intro:
      'DEMO: en påhittad enkät som du kan prova. Polisen och Norsjö kommun vill veta var och när du känner dig trygg eller otrygg. Enkäten är anonym.',
    introEn:
      'DEMO: an invented survey you can try. The police and Norsjö municipality want to know where and when you feel safe or unsafe. The survey is anonymous.',
    opensOn: addDays(today, -7) < `${year}-01-01` ? `${year}-01-01` : addDays(today, -7),
    closesOn: `${year}-12-31`,
    requiresCode: ''
  };
  const { id } = await createSurvey(
    ctx,
    SYSTEM,
    '2417',
    {
      ...head,
      template: 'safety',
      agreementId,
      areas: ['Norsjö tätort', 'Bastuträsk', 'Övriga byar och landsbygd'].join('\n')
    },
    { demo: true }
  );
  await updateSurvey(ctx, SYSTEM, id, { ...head, status: 'open' });
}

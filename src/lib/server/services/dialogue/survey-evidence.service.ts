import { themeOfProblemQuestion } from '../../../core/survey-template';
import type { Ctx } from '../../context';
import { listSurveyRows } from '../../db/repositories/dialogue/survey.repository';
import { surveyEvidence } from './survey-analysis.service';
import { themeFrame, type ThemeScope } from './theme.service';

/** A theme of the frame as the joint situational picture lists it. */
export type EvidenceTheme = { id: string; key: string; label: string };

/** The theme frame of a municipality or agreement, for the joint situational picture. */
export async function evidenceThemes(ctx: Ctx, scope: ThemeScope): Promise<EvidenceTheme[]> {
  return (await themeFrame(ctx, scope)).map((t) => ({ id: t.id, key: t.key, label: t.label }));
}

/**
 * What the surveys of a municipality or agreement say per theme: respondents summed over its
 * non-draft surveys (the agreement's own and the municipality's without an agreement), confirmed
 * mentions per theme, and the mean problem index (on 0–100) of the problem items of the theme.
 */
export async function surveyEvidenceForScope(
  ctx: Ctx,
  scope: ThemeScope
): Promise<{
  respondents: number;
  demo: boolean;
  themes: { themeId: string; mentions: number; problemIndex: number | null }[];
}> {
  const surveys = (await listSurveyRows(ctx.db, scope.municipalityId)).filter(
    (s) => s.status !== 'draft' && (s.agreement_id === null || s.agreement_id === scope.agreementId)
  );
  const frame = await themeFrame(ctx, scope);
  const mentions = new Map<string, number>();
  const indexes = new Map<string, number[]>();
  let respondents = 0;
  let demo = false;
  for (const s of surveys) {
    const e = await surveyEvidence(ctx, s.id);
    respondents += e.respondents;
    demo ||= e.demo;
    for (const t of e.themes) mentions.set(t.key, (mentions.get(t.key) ?? 0) + t.confirmed);
    for (const item of e.problemIndex.items) {
      const key = themeOfProblemQuestion(item.key);
      // The picture compares themes on 0–100, whatever scale each survey's formula uses.
      const on100 = item.index === null ? null : (100 * item.index) / e.problemIndex.scaleMax;
      if (key && on100 !== null) indexes.set(key, [...(indexes.get(key) ?? []), on100]);
    }
  }
  return {
    respondents,
    demo,
    themes: frame.map((t) => {
      const xs = indexes.get(t.key) ?? [];
      return {
        themeId: t.id,
        mentions: mentions.get(t.key) ?? 0,
        problemIndex: xs.length
          ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10
          : null
      };
    })
  };
}

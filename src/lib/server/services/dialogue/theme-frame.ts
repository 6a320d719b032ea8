import type { Ctx } from '../../context';
import { evidenceThemes, surveyEvidenceForScope } from './survey-evidence.service';

/** A theme of the frame that survey answers and dialogue input are sorted into. */
export type ThemeOption = { id: string; key: string; label: string };

/** What the survey says about each theme (counts only; no answers leave the survey feature). */
export type SurveyThemeEvidence = {
  themeId: string;
  mentions: number;
  problemIndex: number | null;
};

type Scope = { municipalityId: string; agreementId: string | null };

/** Where the situational picture gets its themes and survey results. */
export type EvidenceSources = {
  themes: (ctx: Ctx, scope: Scope) => Promise<ThemeOption[]>;
  survey: (
    ctx: Ctx,
    scope: Scope
  ) => Promise<{ respondents: number; themes: SurveyThemeEvidence[] }>;
};

/** The survey feature's theme frame (one per agreement or municipality) and its survey evidence. */
export const evidenceSources: EvidenceSources = {
  themes: evidenceThemes,
  survey: surveyEvidenceForScope
};

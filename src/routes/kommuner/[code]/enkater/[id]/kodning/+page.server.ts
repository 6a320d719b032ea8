import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { redactAnswer } from '$lib/server/services/dialogue/survey-response.service';
import { textAnswers } from '$lib/server/services/dialogue/survey-text.service';
import {
  decideTheme,
  removeTheme,
  saveTheme,
  surveyThemeScope,
  themeFrame
} from '$lib/server/services/dialogue/theme.service';
import { surveyLoad } from '../../staff';

const query = z.object({ sida: z.coerce.number().int().min(1).catch(1) });

export const load: PageServerLoad = ({ params, url, locals }) =>
  surveyLoad(params, url, locals.actor, async (ctx, actor) => {
    const { sida } = query.parse({ sida: url.searchParams.get('sida') ?? 1 });
    const texts = await textAnswers(ctx, actor, params.id, { page: sida });
    const frame = await themeFrame(ctx, await surveyThemeScope(ctx, params.id));
    return { ...texts, frame };
  });

export const actions: Actions = {
  // The owner removes personal data from an answer for good (audited, without the text).
  redact: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await redactAnswer(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { done: 'redact' };
    } catch (e) {
      return formFailure(e, keptValues(form), 'redact');
    }
  },
  decide: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await decideTheme(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { done: 'decide' };
    } catch (e) {
      return formFailure(e, keptValues(form), 'decide');
    }
  },
  theme: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const themeId = String(form.get('themeId') ?? '') || undefined;
    try {
      const scope = await surveyThemeScope(ctx, params.id);
      if (form.get('remove') && themeId) await removeTheme(ctx, locals.actor, scope, themeId);
      else await saveTheme(ctx, locals.actor, scope, Object.fromEntries(form), themeId);
      return { done: 'theme' };
    } catch (e) {
      return formFailure(e, keptValues(form), themeId ? `theme-${themeId}` : 'theme-new');
    }
  }
};

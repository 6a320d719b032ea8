import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { assertSurveyInMunicipality } from '$lib/server/services/dialogue/survey-access';
import { redactAnswer } from '$lib/server/services/dialogue/survey-response.service';
import { textAnswers } from '$lib/server/services/dialogue/survey-text.service';
import {
  decideTheme,
  removeTheme,
  saveTheme,
  surveyThemeScope,
  themeFrame
} from '$lib/server/services/dialogue/theme.service';

const query = z.object({ sida: z.coerce.number().int().min(1).catch(1) });
const themeOf = (form: FormData) => String(form.get('themeId') ?? '') || undefined;

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, url, ctx, actor }) => {
      await assertSurveyInMunicipality(ctx, params.id, params.code);
      const { sida } = query.parse({ sida: url.searchParams.get('sida') ?? 1 });
      const texts = await textAnswers(ctx, actor, params.id, { page: sida });
      const frame = await themeFrame(ctx, await surveyThemeScope(ctx, params.id));
      return { ...texts, frame };
    },
    { signIn: true }
  );

export const actions: Actions = {
  // The owner removes personal data from an answer for good (audited, without the text).
  redact: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await redactAnswer(ctx, actor, params.id, Object.fromEntries(form));
        return { done: 'redact' };
      },
      { which: 'redact' }
    ),
  decide: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await decideTheme(ctx, actor, params.id, Object.fromEntries(form));
        return { done: 'decide' };
      },
      { which: 'decide' }
    ),
  theme: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const themeId = themeOf(form);
        const scope = await surveyThemeScope(ctx, params.id);
        if (form.get('remove') && themeId) await removeTheme(ctx, actor, scope, themeId);
        else await saveTheme(ctx, actor, scope, Object.fromEntries(form), themeId);
        return { done: 'theme' };
      },
      // Which form failed: the new theme's, or one theme's own.
      { which: (form) => (themeOf(form) ? `theme-${themeOf(form)}` : 'theme-new') }
    )
};

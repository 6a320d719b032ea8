import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { getDialogue } from '$lib/server/services/dialogue/dialogue.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => getDialogue(ctx, actor, params.id, params.dialogId));

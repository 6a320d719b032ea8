import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { listDialogues } from '$lib/server/services/dialogue/dialogue.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, url, ctx, actor }) => {
    const page = Number(url.searchParams.get('sida') ?? '1');
    return listDialogues(ctx, actor, params.id, Number.isFinite(page) ? page : 1);
  });

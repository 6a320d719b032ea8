import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { exportFollowUp } from '$lib/server/services/logging/export.service';

/** The agreement's follow-up as CSV or XLSX; empty form fields count as not given. */
export const GET: RequestHandler = (event) =>
  // A staff export: sign in first, then come back to the same file.
  withLoad(
    event,
    async ({ params, url, ctx, actor }) => {
      const query = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
      const file = await exportFollowUp(ctx, actor, params.id, { ...query, format: params.format });
      return new Response(file.body, { headers: file.headers });
    },
    { signIn: true }
  );

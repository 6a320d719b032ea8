import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { servePdf } from '../serve-pdf';

export const GET: RequestHandler = (event) =>
  withLoad(event, ({ params, url, ctx }) => servePdf(ctx, params, url, 'rapport'));

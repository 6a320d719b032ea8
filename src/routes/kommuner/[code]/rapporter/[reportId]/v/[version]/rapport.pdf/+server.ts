import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { servePdf } from '../serve-pdf';

export const GET: RequestHandler = async ({ params, url }) =>
  servePdf((await getApp()).ctx, params, url, 'rapport');

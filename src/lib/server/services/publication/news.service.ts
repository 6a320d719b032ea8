import { z } from 'zod';
import { changerId, type Changer } from '../../auth/policy';
import { newId, type Ctx } from '../../context';
import { agreementMunicipalityIds } from '../../db/repositories/agreements/agreement.repository';
import {
  countPublicNews,
  deleteNewsRow,
  findNews,
  insertNews,
  listAgreementNewsRows,
  listPublicNewsRows
} from '../../db/repositories/publication/news.repository';
import { assertCanEdit } from '../agreements/agreement.service';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { NotFoundError } from '../shared/errors';
import { publicMunicipality } from './report-public.service';
import { isoDate, parseInput } from '../shared/validation';

const newsInput = z.object({
  title: z
    .string()
    .trim()
    .min(3, { message: 'Skriv en rubrik, minst 3 tecken.' })
    .max(120, { message: 'Rubriken får vara högst 120 tecken.' }),
  body: z
    .string()
    .trim()
    .min(10, { message: 'Skriv texten, minst 10 tecken.' })
    .max(4000, { message: 'Texten får vara högst 4 000 tecken. Korta den.' }),
  publishedOn: isoDate('Skriv publiceringsdagen som ÅÅÅÅ-MM-DD, till exempel 2026-11-27.')
});

/** A news item as pages and the feed show it. */
export type NewsView = {
  id: string;
  title: string;
  body: string;
  publishedOn: string;
  createdAt: string;
  demo?: boolean;
  agreementTitle?: string;
};

/** Writes a news item of an agreement, public from its publication day. Editors of the agreement may. */
export async function createNews(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parseInput(newsInput, input);
  const at = ctx.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertNews(trx, {
      id,
      agreement_id: agreementId,
      title: v.title,
      body: v.body,
      published_on: v.publishedOn,
      created_at: at,
      created_by: changerId(actor),
      updated_at: at
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: (await agreementMunicipalityIds(trx, agreementId))[0] ?? null,
      action: 'news.create',
      entity: 'news_item',
      entityId: id,
      after: { title: v.title, publishedOn: v.publishedOn }
    });
  });
  return { id };
}

/** Removes a news item of an agreement (its editors may); the audit trail keeps its title. */
export async function deleteNews(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  newsId: string
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const row = await findNews(ctx.db, newsId);
  if (!row || row.agreement_id !== agreementId) throw new NotFoundError('Nyheten finns inte.');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteNewsRow(trx, newsId);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: (await agreementMunicipalityIds(trx, agreementId))[0] ?? null,
      action: 'news.delete',
      entity: 'news_item',
      entityId: newsId,
      before: { title: row.title, publishedOn: row.published_on }
    });
  });
}

/** An agreement's news for its editors, scheduled ones included, a page at a time. */
export async function listAgreementNews(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  limit = 20,
  offset = 0
): Promise<NewsView[]> {
  await assertCanEdit(ctx, actor, agreementId);
  return (await listAgreementNewsRows(ctx.db, agreementId, { limit, offset })).map((n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    publishedOn: n.published_on,
    createdAt: n.created_at
  }));
}

/** A municipality's public news (published by today), newest first, `limit` at a time from `offset`. */
export async function listNews(
  ctx: Ctx,
  municipalityCode: string,
  limit = 10,
  offset = 0
): Promise<{ news: NewsView[]; total: number }> {
  const m = await publicMunicipality(ctx, municipalityCode);
  const today = stockholmDate(ctx.now());
  const [rows, total] = await Promise.all([
    listPublicNewsRows(ctx.db, m.id, today, { limit, offset }),
    countPublicNews(ctx.db, m.id, today)
  ]);
  return {
    total,
    news: rows.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      publishedOn: n.published_on,
      createdAt: n.created_at,
      demo: n.demo === 1,
      agreementTitle: n.agreement_title
    }))
  };
}

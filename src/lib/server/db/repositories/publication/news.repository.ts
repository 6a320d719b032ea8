import type { Executor } from '../../../context';
import type { NewsItemTable } from '../../schema';

/** Inserts a news item. */
export const insertNews = (db: Executor, row: NewsItemTable) =>
  db.insertInto('news_items').values(row).execute();

/** A news item's row. */
export const findNews = (db: Executor, id: string) =>
  db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst();

/** Deletes a news item. */
export const deleteNewsRow = (db: Executor, id: string) =>
  db.deleteFrom('news_items').where('id', '=', id).execute();

/** An agreement's news, scheduled ones included, newest first, a page at a time. */
export const listAgreementNewsRows = (
  db: Executor,
  agreementId: string,
  page: { limit: number; offset: number }
) =>
  db
    .selectFrom('news_items')
    .select(['id', 'title', 'body', 'published_on', 'created_at'])
    .where('agreement_id', '=', agreementId)
    .orderBy('published_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

/** A municipality's news published by `today`, of agreements that are not drafts, newest first. */
export const listPublicNewsRows = (
  db: Executor,
  municipalityId: string,
  today: string,
  page: { limit: number; offset: number }
) =>
  db
    .selectFrom('news_items as n')
    .innerJoin('agreement_municipalities as am', 'am.agreement_id', 'n.agreement_id')
    .innerJoin('agreements as a', 'a.id', 'n.agreement_id')
    .select([
      'n.id',
      'n.title',
      'n.body',
      'n.published_on',
      'n.created_at',
      'n.updated_at',
      'a.title as agreement_title',
      'a.demo'
    ])
    .where('am.municipality_id', '=', municipalityId)
    .where('a.status', '!=', 'draft')
    .where('n.published_on', '<=', today)
    .orderBy('n.published_on', 'desc')
    .orderBy('n.created_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

/** How many public news items a municipality has by `today`. */
export async function countPublicNews(
  db: Executor,
  municipalityId: string,
  today: string
): Promise<number> {
  const row = await db
    .selectFrom('news_items as n')
    .innerJoin('agreement_municipalities as am', 'am.agreement_id', 'n.agreement_id')
    .innerJoin('agreements as a', 'a.id', 'n.agreement_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('am.municipality_id', '=', municipalityId)
    .where('a.status', '!=', 'draft')
    .where('n.published_on', '<=', today)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

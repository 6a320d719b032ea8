import type { Executor } from '../../../context';
import { coalesced } from '../../coalesce';
import type { ApiTokenTable } from '../../schema';

/** Stores a new API token (only the hash of its secret). */
export const insertApiToken = (db: Executor, row: ApiTokenTable) =>
  db.insertInto('api_tokens').values(row).execute();

/** A user's tokens, newest first. */
export const listTokensOfUser = (db: Executor, userId: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

/** Revokes one of a user's live tokens; the number revoked (0 when none matched). */
export async function revokeTokenOfUser(
  db: Executor,
  tokenId: string,
  userId: string,
  atIso: string
): Promise<number> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: atIso })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

type LiveToken = { id: string; user_id: string; last_used_at: string | null };

/** The live tokens with these hashes, by hash. */
async function liveTokensByHash(db: Executor, hashes: string[]): Promise<Map<string, LiveToken>> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'last_used_at', 'token_hash'])
    .where('token_hash', 'in', hashes)
    .where('revoked_at', 'is', null)
    .execute();
  return new Map(rows.map(({ token_hash, ...t }) => [token_hash, t]));
}

/**
 * The live token with this hash, or undefined: asked on every API request, so the lookups of one
 * turn of the event loop go in one query (db/coalesce.ts).
 */
export const findLiveToken = (db: Executor, tokenHash: string) =>
  coalesced(db, liveTokensByHash, tokenHash);

/** Notes when a token was last used. */
export const touchToken = (db: Executor, id: string, atIso: string) =>
  db.updateTable('api_tokens').set({ last_used_at: atIso }).where('id', '=', id).execute();

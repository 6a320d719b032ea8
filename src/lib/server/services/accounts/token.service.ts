import { z } from 'zod';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import type { Actor } from '../../auth/policy';
import { hashSecret, newSecret } from '../../auth/tokens';
import {
  findLiveToken,
  insertApiToken,
  listTokensOfUser,
  revokeTokenOfUser,
  touchToken
} from '../../db/repositories/accounts/token.repository';
import { recordAudit } from '../shared/audit.service';
import { fieldErrorsFromZod, NotFoundError, ValidationError } from '../shared/errors';
import { actorFor } from './auth.service';

/** A token as shown to its owner (never the secret, except once at creation). */
export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const createInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Ge nyckeln ett namn, till exempel "Rapportverktyg".' })
    .max(100, { message: 'Namnet får vara högst 100 tecken.' })
});

/** Creates an API token for the actor; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  ctx: Ctx,
  actor: Actor,
  input: unknown
): Promise<{ token: string; view: ApiTokenView }> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const token = `lft_${newSecret()}`;
  const row = {
    id: newId(),
    user_id: actor.userId,
    name: parsed.data.name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, 8),
    created_at: ctx.now().toISOString(),
    last_used_at: null,
    revoked_at: null
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row);
    await recordAudit(trx, ctx.now(), {
      actorId: actor.userId,
      organisationId: null,
      action: 'token.create',
      entity: 'api_token',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix }
    });
  });
  return { token, view: present(row) };
}

const present = (r: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiTokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at
});

/** The actor's tokens, newest first. */
export async function listApiTokens(ctx: Ctx, actor: Actor): Promise<ApiTokenView[]> {
  return (await listTokensOfUser(ctx.db, actor.userId)).map(present);
}

/** Revokes one of the actor's own tokens. */
export async function revokeApiToken(ctx: Ctx, actor: Actor, tokenId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if ((await revokeTokenOfUser(trx, tokenId, actor.userId, ctx.now().toISOString())) === 0)
      throw new NotFoundError('Nyckeln finns inte eller är redan återkallad.');
    await recordAudit(trx, ctx.now(), {
      actorId: actor.userId,
      organisationId: null,
      action: 'token.revoke',
      entity: 'api_token',
      entityId: tokenId
    });
  });
}

/** The actor behind a bearer token: the owner's rights, no more; null when unknown or revoked. */
export async function resolveApiToken(ctx: Ctx, token: string): Promise<Actor | null> {
  const row = await findLiveToken(ctx.db, hashSecret(token));
  if (!row) return null;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await touchToken(ctx.db, row.id, now.toISOString());
  }
  return actorFor(ctx, row.user_id, true);
}

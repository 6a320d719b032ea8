import { z } from 'zod';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  isStrongEnough,
  PASSWORD_RULE
} from '../../auth/password';
import { changerId, isAdmin, SYSTEM, type Changer } from '../../auth/policy';
import type { Role } from '../../db/schema';
import { findUserByEmail } from '../../db/repositories/accounts/user.repository';
import { recordAudit } from '../shared/audit.service';
import { fieldErrorsFromZod, ForbiddenError, ValidationError } from '../shared/errors';
import { resolveOrganisation } from './organisation.service';

export const ROLES = ['admin', 'editor', 'reporter', 'viewer'] as const satisfies readonly Role[];

const addInput = z.object({
  email: z
    .email({ message: 'Skriv en giltig e-postadress, till exempel namn@norsjo.se.' })
    .max(320),
  name: z.string().trim().min(1, { message: 'Skriv användarens namn.' }).max(200),
  password: z.string().refine(isStrongEnough, { message: PASSWORD_RULE }).optional()
});

const assertAdmin = (actor: Changer) => {
  if (actor !== SYSTEM && !isAdmin(actor))
    throw new ForbiddenError('Bara administratörer får hantera användare.');
};

/** Creates a local account. Without a password the user signs in through a one-time link or OpenID Connect. */
export async function addUser(
  ctx: Ctx,
  actor: Changer,
  input: unknown,
  options: { passwordCost?: number } = {}
) {
  assertAdmin(actor);
  const parsed = addInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { email, name, password } = parsed.data;
  if (await findUserByEmail(ctx.db, email)) {
    throw new ValidationError([
      { field: 'email', message: `Det finns redan ett konto för ${email}.` }
    ]);
  }
  const row = {
    id: newId(),
    email: email.toLowerCase(),
    name,
    password_hash: password
      ? await hashPassword(password, options.passwordCost ?? DEFAULT_PASSWORD_COST)
      : null,
    created_at: ctx.now().toISOString(),
    disabled_at: null
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: { email: row.email, name: row.name }
    });
  });
  return { id: row.id, email: row.email, name: row.name };
}

const roleInput = z.object({
  email: z.email({ message: 'Skriv användarens e-postadress.' }),
  organisation: z
    .string()
    .trim()
    .min(1, { message: 'Ange organisationen: id, kommunkod eller exakt namn.' }),
  role: z.enum(ROLES, { message: 'Rollen ska vara admin, editor, reporter eller viewer.' })
});

/** Gives a user a role in an organisation (replacing any earlier role there). */
export async function setRole(ctx: Ctx, actor: Changer, input: unknown) {
  assertAdmin(actor);
  const parsed = roleInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { email, organisation, role } = parsed.data;
  const user = await findUserByEmail(ctx.db, email);
  if (!user)
    throw new ValidationError([{ field: 'email', message: `Det finns inget konto för ${email}.` }]);
  const org = await resolveOrganisation(ctx, organisation);
  if (!org) {
    throw new ValidationError([
      {
        field: 'organisation',
        message: `Hittade ingen organisation "${organisation}". Ange id, kommunkod (fyra siffror) eller exakt namn.`
      }
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', user.id)
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    await trx
      .insertInto('memberships')
      .values({
        user_id: user.id,
        organisation_id: org.id,
        role,
        created_at: ctx.now().toISOString()
      })
      .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet({ role }))
      .execute();
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: org.id,
      action: 'membership.set',
      entity: 'user',
      entityId: user.id,
      before: before ? { role: before.role } : undefined,
      after: { role }
    });
  });
  return { userId: user.id, organisationId: org.id, organisationName: org.name, role };
}

/** The id of the account with this e-mail, if any. */
export async function findUserIdByEmail(ctx: Ctx, email: string): Promise<string | null> {
  return (await findUserByEmail(ctx.db, email))?.id ?? null;
}

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
import {
  deleteMembership,
  findMembership,
  findUserByEmail,
  findUserById,
  listUsers,
  membershipsOfUsers,
  setUserDisabledAt,
  insertUser,
  upsertMembership
} from '../../db/repositories/accounts/user.repository';
import { deleteSessionsOfUser } from '../../db/repositories/accounts/session.repository';
import { log } from '../../log';
import { recordAudit } from '../shared/audit.service';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  ValidationError
} from '../shared/errors';
import { createOneTimeLogin } from './auth.service';
import { invitationMessage, sendInvitationMail } from './invitation-mail';
import { displayName, resolveOrganisation } from './organisation.service';
import { publicLink } from './public-address';

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
    await insertUser(trx, row);
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
    const before = await findMembership(trx, user.id, org.id);
    await upsertMembership(trx, {
      user_id: user.id,
      organisation_id: org.id,
      role,
      created_at: ctx.now().toISOString()
    });
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

/** The roles in plain Swedish, as pages and e-mails name them. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administratör',
  editor: 'redaktör',
  reporter: 'rapportör',
  viewer: 'läsare'
};

/** An account as the administration page shows it: who has access to what. */
export type AccountView = {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
  memberships: { organisationId: string; organisationName: string; role: Role }[];
};

/** Every account with its roles, by e-mail (administrators only). */
export async function listAccounts(ctx: Ctx, actor: Changer, limit = 500): Promise<AccountView[]> {
  assertAdmin(actor);
  const users = await listUsers(ctx.db, limit, 0);
  const memberships = await membershipsOfUsers(
    ctx.db,
    users.map((u) => u.id)
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    createdAt: u.created_at,
    disabledAt: u.disabled_at,
    memberships: memberships
      .filter((m) => m.userId === u.id)
      .map((m) => ({
        organisationId: m.organisationId,
        organisationName: displayName({ name: m.organisationName, kind: m.organisationKind }),
        role: m.role as Role
      }))
  }));
}

/** How long an invitation's one-time link works. */
export const INVITATION_HOURS = 72;

const inviteInput = z.object({
  email: z
    .email({ message: 'Skriv en giltig e-postadress, till exempel namn@mala.se.' })
    .max(320, { message: 'E-postadressen får vara högst 320 tecken.' }),
  name: z
    .string()
    .trim()
    .min(1, { message: 'Skriv personens namn.' })
    .max(200, { message: 'Namnet får vara högst 200 tecken.' }),
  organisation: z
    .string()
    .trim()
    .min(1, { message: 'Ange organisationen: kommunkod (fyra siffror), id eller exakt namn.' }),
  role: z.enum(ROLES, { message: 'Välj en roll: läsare, rapportör, redaktör eller administratör.' })
});

/** What an invitation did: the link is returned only when no e-mail was sent, to pass on by hand. */
export type Invitation = {
  userId: string;
  email: string;
  organisationName: string;
  role: Role;
  mailed: boolean;
  link: string | null;
};

/**
 * Invites a person: a new account without a password, a role in one organisation, and a one-time
 * link that signs in once so the person can choose a password. The link is mailed when e-mail is
 * configured; otherwise (or when sending fails) it is returned for the administrator to pass on.
 */
export async function inviteUser(ctx: Ctx, actor: Changer, input: unknown): Promise<Invitation> {
  assertAdmin(actor);
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { email, name, organisation, role } = parsed.data;
  const org = await resolveOrganisation(ctx, organisation);
  if (!org)
    throw new ValidationError([
      {
        field: 'organisation',
        message: `Hittade ingen organisation "${organisation}". Ange kommunkod (fyra siffror), id eller exakt namn.`
      }
    ]);
  if (await findUserByEmail(ctx.db, email))
    throw new ValidationError([
      {
        field: 'email',
        message: `Det finns redan ett konto för ${email}. Ge det en roll i listan över konton i stället.`
      }
    ]);
  const user = await addUser(ctx, actor, { email, name });
  await setRole(ctx, actor, { email, organisation: org.id, role });
  const secret = await createOneTimeLogin(ctx, user.id, INVITATION_HOURS);
  const link = publicLink(ctx.config, `/logga-in/engang/${secret}`);
  let mailed = false;
  if (ctx.config.mail) {
    try {
      await sendInvitationMail(
        ctx.config.mail,
        invitationMessage({
          to: user.email,
          name: user.name,
          invitedBy: actor !== SYSTEM && actor ? actor.name : 'Löften',
          organisation: org.displayName,
          role: ROLE_LABELS[role],
          link,
          hours: INVITATION_HOURS
        })
      );
      mailed = true;
    } catch (e) {
      // The link is shown to the administrator instead; the log names the account, not the address.
      log('warn', 'invitation.mail_failed', {
        userId: user.id,
        error: (e as { code?: string }).code ?? 'unknown'
      });
    }
  }
  await recordAudit(ctx.db, ctx.now(), {
    actorId: changerId(actor),
    organisationId: org.id,
    action: 'user.invite',
    entity: 'user',
    entityId: user.id,
    after: { email: user.email, role, mailed }
  });
  return {
    userId: user.id,
    email: user.email,
    organisationName: org.displayName,
    role,
    mailed,
    link: mailed ? null : link
  };
}

const removeRoleInput = z.object({
  userId: z.string().trim().min(1, { message: 'Ange kontot.' }),
  organisationId: z.string().trim().min(1, { message: 'Ange organisationen.' })
});

/** Takes a user's role in one organisation away (administrators only; not one's own admin role). */
export async function removeRole(ctx: Ctx, actor: Changer, input: unknown) {
  assertAdmin(actor);
  const parsed = removeRoleInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { userId, organisationId } = parsed.data;
  if (actor !== SYSTEM && actor?.userId === userId)
    throw new ForbiddenError(
      'Du kan inte ta bort dina egna roller. Be en annan administratör om det.'
    );
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findMembership(trx, userId, organisationId);
    if (!before) throw new NotFoundError('Kontot har ingen roll i den organisationen.');
    await deleteMembership(trx, userId, organisationId);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId,
      action: 'membership.remove',
      entity: 'user',
      entityId: userId,
      before: { role: before.role }
    });
  });
}

const disableInput = z.object({ userId: z.string().trim().min(1, { message: 'Ange kontot.' }) });

/**
 * Deactivates an account: it can no longer sign in, its sessions end at once and its API keys
 * stop working (a disabled user has no actor). Reactivating lets it sign in again.
 */
export async function setAccountDisabled(
  ctx: Ctx,
  actor: Changer,
  input: unknown,
  disabled: boolean
) {
  assertAdmin(actor);
  const parsed = disableInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { userId } = parsed.data;
  if (disabled && actor !== SYSTEM && actor?.userId === userId)
    throw new ForbiddenError('Du kan inte stänga av ditt eget konto.');
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('Kontot finns inte.');
    if (!!user.disabled_at === disabled) return;
    const at = disabled ? ctx.now().toISOString() : null;
    await setUserDisabledAt(trx, userId, at);
    if (disabled) await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: userId,
      before: { disabledAt: user.disabled_at },
      after: { disabledAt: at }
    });
  });
}

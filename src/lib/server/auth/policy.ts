import type { Role } from '../db/schema';

/** Who is acting: a user with a role per organisation. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  memberships: { organisationId: string; role: Role }[];
  /** Set when the request came with an API token rather than a session. */
  viaToken?: boolean;
};

const RANK: Record<Role, number> = { viewer: 1, reporter: 2, editor: 3, admin: 4 };

/** An admin membership on any organisation grants the whole instance. */
export const isAdmin = (actor: Actor | null): boolean =>
  !!actor?.memberships.some((m) => m.role === 'admin');

/** The actor's role for one organisation (admins are admins everywhere). */
export function roleIn(actor: Actor | null, organisationId: string): Role | null {
  if (!actor) return null;
  if (isAdmin(actor)) return 'admin';
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}

/** True when the actor has at least `role` in one of the organisations. */
export function hasRoleInAny(actor: Actor | null, organisationIds: string[], role: Role): boolean {
  return organisationIds.some((id) => {
    const r = roleIn(actor, id);
    return r !== null && RANK[r] >= RANK[role];
  });
}

/** The things that can be done, each needing a least role in an organisation involved. */
export const ACTIONS = {
  'agreement.edit': 'editor',
  'activity.log': 'reporter',
  'activity.edit': 'editor',
  'organisation.manage': 'admin',
  'user.manage': 'admin'
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTIONS;

/** May the actor do `action` on something that belongs to these organisations? */
export const can = (actor: Actor | null, action: Action, organisationIds: string[]): boolean =>
  hasRoleInAny(actor, organisationIds, ACTIONS[action]);

/** The system itself (start-up, seeds, the CLI run by an operator): not a signed-in person. */
export const SYSTEM = 'system' as const;

/** Who makes a change: a signed-in actor, the system, or nobody (refused). */
export type Changer = Actor | typeof SYSTEM | null;

/** The audit trail's actor id for a changer (null for the system). */
export const changerId = (c: Changer): string | null => (c && c !== SYSTEM ? c.userId : null);

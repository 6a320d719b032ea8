import { SYSTEM } from '../../src/lib/server/auth/policy';
import type { Ctx } from '../../src/lib/server/context';
import type { Role } from '../../src/lib/server/db/schema';
import { actorFor } from '../../src/lib/server/services/auth.service';
import { addUser, setRole } from '../../src/lib/server/services/user.service';

let n = 0;

/** A password every test user has. */
export const TEST_PASSWORD = 'correct horse battery';

/** Creates a user with a role in an organisation and returns the actor (a cheap hash keeps tests fast). */
export async function makeUser(
  ctx: Ctx,
  role: Role,
  organisationId: string,
  name = `Test ${role} ${++n}`
) {
  const email = `user${++n}-${crypto.randomUUID().slice(0, 6)}@test.loften.se`;
  const user = await addUser(
    ctx,
    SYSTEM,
    { email, name, password: TEST_PASSWORD },
    { passwordCost: 10 }
  );
  await setRole(ctx, SYSTEM, { email, organisation: organisationId, role });
  const actor = await actorFor(ctx, user.id);
  if (!actor) throw new Error('actor missing');
  return { ...user, actor };
}

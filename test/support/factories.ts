import { SYSTEM } from '../../src/lib/server/auth/policy';
import type { Ctx } from '../../src/lib/server/context';
import type { Role } from '../../src/lib/server/db/schema';
import { actorFor } from '../../src/lib/server/services/accounts/auth.service';
import { addUser, setRole } from '../../src/lib/server/services/accounts/user.service';
import { updateAgreementHead } from '../../src/lib/server/services/agreements/agreement-edit.service';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { ensureNorsjoDemo } from '../../src/lib/server/seed/demo.service';
import { openTestContext } from './databases';

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

/**
 * Norsjö's agreement, kept running until `until` (tests run on 2026-11-27, after the seed's
 * period), so activities can be logged today. Returns the agreement's id.
 */
export async function keepNorsjoRunning(ctx: Ctx, until = '2026-12-31'): Promise<string> {
  const id = await findNorsjoAgreementId(ctx);
  if (!id) throw new Error('Norsjö is missing');
  await updateAgreementHead(ctx, SYSTEM, id, {
    title: 'Norsjö – medborgarlöften',
    status: 'signed',
    periodStart: '2019-01-01',
    periodEnd: until,
    signedOn: ''
  });
  return id;
}

/** A test database in demo mode with Norsjö's demo data; returns the context and the agreement's id. */
export async function openNorsjoDemo(kind: 'sqlite' | 'postgresql') {
  const opened = await openTestContext(kind, { config: { demo: true } });
  await ensureNorsjoDemo(opened.ctx);
  const id = await findNorsjoAgreementId(opened.ctx);
  if (!id) throw new Error('Norsjö is missing');
  return { ...opened, id };
}

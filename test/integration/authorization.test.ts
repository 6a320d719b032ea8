import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../support/databases';
import { keepNorsjoRunning, makeUser } from '../support/factories';
import type { Ctx } from '../../src/lib/server/context';
import type { Actor } from '../../src/lib/server/auth/policy';
import type { Role } from '../../src/lib/server/db/schema';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import {
  removeMeasure,
  startRevision,
  updateMeasure
} from '../../src/lib/server/services/agreements/plan.service';
import { addUser, setRole } from '../../src/lib/server/services/accounts/user.service';
import { ForbiddenError } from '../../src/lib/server/services/shared/errors';
import { addEffect, updateEffect } from '../../src/lib/server/services/agreements/effect.service';
import { addParty, updateParty } from '../../src/lib/server/services/agreements/party.service';
import { SYSTEM } from '../../src/lib/server/auth/policy';

/**
 * Every route that changes shared data, called as the service behind it, by every role, in the
 * agreement's own organisation and in another municipality: allowed or refused.
 * (Account pages change only the signed-in user's own password and tokens.)
 */
type Case = {
  route: string;
  run: (ctx: Ctx, actor: Actor, agreementId: string, n: number) => Promise<unknown>;
  least: Role;
};

const measureOf = async (ctx: Ctx, agreementId: string, key: string) =>
  (await getAgreementView(ctx, agreementId, { includeInternal: true }))
    .revision!.groups.flatMap((g) => g.measures)
    .find((m) => m.key === key);

const REMOVABLE = [
  'mark-dna',
  'trygghetsvandring',
  'nattvandring',
  'dorrknackning',
  'polisnarvaro',
  'klassrumsbesok',
  'fritidsgardsbesok',
  'ungdomsmiljoer',
  'informationsinsatser',
  'samverkan-aktorer',
  'riktad-patrullering',
  'information-allmanhet'
];

const CASES: Case[] = [
  {
    route: 'POST /avtal/[id]/plan?/start',
    least: 'editor',
    run: (ctx, actor, id, n) => startRevision(ctx, actor, id, { year: 2030 + n })
  },
  {
    route: 'POST /avtal/[id]/atgard/[measureId]?/save',
    least: 'editor',
    run: async (ctx, actor, id) => {
      const m = (await measureOf(ctx, id, 'trafikkontroller'))!;
      return updateMeasure(ctx, actor, m.id, {
        title: m.title,
        targetText: 'Minst 11 kontroller per månad',
        changeReason: 'Test',
        partyIds: [],
        focusAreaKeys: []
      });
    }
  },
  {
    route: 'POST /avtal/[id]/atgard/[measureId]?/remove',
    least: 'editor',
    run: async (ctx, actor, id) => {
      for (const key of REMOVABLE) {
        const m = await measureOf(ctx, id, key);
        if (m) return removeMeasure(ctx, actor, m.id, { reason: 'Test' });
      }
      throw new Error('no measure left to remove');
    }
  },
  {
    route: 'POST /avtal/[id]/redigera?/updateEffect',
    least: 'editor',
    run: async (ctx, actor, id, n) => {
      const { id: effect } = await addEffect(ctx, SYSTEM, id, {
        title: 'E',
        direction: 'increase'
      });
      return updateEffect(ctx, actor, id, effect, { title: `E${n}`, direction: 'decrease' });
    }
  },
  {
    route: 'POST /avtal/[id]/redigera?/updateParty',
    least: 'editor',
    run: async (ctx, actor, id, n) => {
      const { id: party } = await addParty(ctx, SYSTEM, id, { name: 'P', partyType: 'school' });
      return updateParty(ctx, actor, id, party, { name: `P${n}`, partyType: 'school' });
    }
  },
  {
    route: 'loften user add',
    least: 'admin',
    run: (ctx, actor, _id, n) =>
      addUser(ctx, actor, { email: `new${n}-${crypto.randomUUID().slice(0, 4)}@x.se`, name: 'Ny' })
  },
  {
    route: 'loften user role',
    least: 'admin',
    run: async (ctx, actor) =>
      setRole(ctx, actor, {
        email: (await makeUser(ctx, 'viewer', 'kommun-0114')).email,
        organisation: '2417',
        role: 'viewer'
      })
  }
];

const RANK: Record<Role, number> = { viewer: 1, reporter: 2, editor: 3, admin: 4 };
const ROLES: Role[] = ['viewer', 'reporter', 'editor', 'admin'];

describe.each(DATABASES)('who may change what, on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let n = 0;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx, '2099-12-31');
  });
  afterAll(() => close());

  const rows = CASES.flatMap((c) =>
    ROLES.flatMap((role) =>
      (['own', 'other'] as const).map((where) => ({
        ...c,
        role,
        where,
        // An admin is an admin of the whole instance; everyone else only where they belong.
        allowed: RANK[role] >= RANK[c.least] && (where === 'own' || role === 'admin')
      }))
    )
  );

  it.each(rows)(
    '$route by $role of $where organisation → allowed: $allowed',
    async ({ run, role, where, allowed }) => {
      const org =
        where === 'own' ? (role === 'reporter' ? 'lpo-skelleftea' : 'kommun-2417') : 'kommun-0180';
      const { actor } = await makeUser(ctx, role, org);
      const attempt = run(ctx, actor, agreementId, n++);
      if (allowed) await expect(attempt).resolves.not.toThrow();
      else await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    }
  );

  it('refuses a change when nobody is signed in', async () => {
    await expect(startRevision(ctx, null, agreementId, { year: 2099 })).rejects.toBeInstanceOf(
      ForbiddenError
    );
  });

  it('lets the police area’s editor change the agreement as well as the municipality’s', async () => {
    const { actor } = await makeUser(ctx, 'editor', 'lpo-skelleftea');
    await expect(startRevision(ctx, actor, agreementId, { year: 2098 })).resolves.toHaveProperty(
      'id'
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import type { Ctx } from '../../context';
import { redeemOneTimeLogin, resolveSession } from './auth.service';
import { ensureDemoAccounts } from '../../seed/demo-accounts';
import { describeNotice, ensureFirstAdmin } from './first-start.service';

describe.each(DATABASES)('first start on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, close } = await openTestContext(kind));
  });
  afterEach(() => close());

  it('in production mode creates an admin without a password and a one-time sign-in, once', async () => {
    const notice = await ensureFirstAdmin(ctx);
    expect(notice.kind).toBe('one-time-login');
    if (notice.kind !== 'one-time-login') return;
    const signedIn = await redeemOneTimeLogin(ctx, notice.path.split('/').pop()!);
    const session = await resolveSession(ctx, signedIn!.sessionSecret);
    expect(session?.actor.memberships).toEqual([{ organisationId: 'kommun-2417', role: 'admin' }]);
    expect(await ensureFirstAdmin(ctx)).toEqual({ kind: 'none' });
    expect(describeNotice(notice, 'https://x.se').join('\n')).toContain(
      'https://x.se/logga-in/engang/'
    );
  });

  it('refuses to create demo accounts outside demo mode', async () => {
    await expect(ensureDemoAccounts(ctx)).rejects.toThrow(/demo mode/);
  });
});

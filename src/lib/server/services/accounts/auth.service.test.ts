import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser, TEST_PASSWORD } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import {
  changePassword,
  createOneTimeLogin,
  redeemOneTimeLogin,
  resolveSession,
  signIn,
  signOut
} from './auth.service';
import { ValidationError } from '../shared/errors';
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from './token.service';
import { verifyAuditChain } from '../shared/audit.service';

describe.each(DATABASES)('signing in on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, clock, close } = await openTestContext(kind, {
      config: { loginMaxFailures: 3, loginWindowMinutes: 15, sessionHours: 12 }
    }));
  });
  afterEach(() => close());

  it('opens a session with the right password and resolves it to the user with their roles', async () => {
    const u = await makeUser(ctx, 'editor', 'kommun-2417');
    const result = await signIn(ctx, { email: u.email.toUpperCase(), password: TEST_PASSWORD });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await resolveSession(ctx, result.sessionSecret);
    expect(session?.actor.userId).toBe(u.id);
    expect(session?.actor.memberships).toEqual([{ organisationId: 'kommun-2417', role: 'editor' }]);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    expect(await signIn(ctx, { email: u.email, password: 'wrong password!' })).toEqual({
      ok: false,
      reason: 'invalid'
    });
    expect(await signIn(ctx, { email: 'nobody@test.loften.se', password: 'whatever' })).toEqual({
      ok: false,
      reason: 'invalid'
    });
  });

  it('names the empty field when e-mail or password is missing', async () => {
    await expect(signIn(ctx, { email: '', password: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(signIn(ctx, { email: '', password: 'x' })).rejects.toThrow(/email/);
  });

  it('makes an account and address wait after repeated failures, even for the right password, until the wait is over', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    for (let i = 0; i < 3; i++) await signIn(ctx, { email: u.email, password: 'wrong password!' });
    expect(await signIn(ctx, { email: u.email, password: TEST_PASSWORD })).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 30
    });
    clock.advance(29_000);
    expect((await signIn(ctx, { email: u.email, password: TEST_PASSWORD })).ok).toBe(false);
    clock.advance(1_000);
    expect((await signIn(ctx, { email: u.email, password: TEST_PASSWORD })).ok).toBe(true);
  });

  it('expires a session after the configured hours without use, and slides it forward while used', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    const r = await signIn(ctx, { email: u.email, password: TEST_PASSWORD });
    if (!r.ok) throw new Error('sign-in failed');
    clock.advance(11 * 3_600_000);
    expect(await resolveSession(ctx, r.sessionSecret)).not.toBeNull();
    clock.advance(11 * 3_600_000);
    expect(await resolveSession(ctx, r.sessionSecret)).not.toBeNull();
    clock.advance(13 * 3_600_000);
    expect(await resolveSession(ctx, r.sessionSecret)).toBeNull();
  });

  it('ends the session on sign-out', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    const r = await signIn(ctx, { email: u.email, password: TEST_PASSWORD });
    if (!r.ok) throw new Error('sign-in failed');
    await signOut(ctx, r.sessionSecret);
    expect(await resolveSession(ctx, r.sessionSecret)).toBeNull();
  });

  it('changes the password after checking the current one, ends other sessions and records it in the audit trail', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    const a = await signIn(ctx, { email: u.email, password: TEST_PASSWORD });
    const b = await signIn(ctx, { email: u.email, password: TEST_PASSWORD });
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    await expect(
      changePassword(ctx, u.actor, a.sessionSecret, {
        current: 'nope',
        next: 'a new long password',
        repeat: 'a new long password'
      })
    ).rejects.toThrow(/current/);
    await expect(
      changePassword(ctx, u.actor, a.sessionSecret, {
        current: TEST_PASSWORD,
        next: 'short',
        repeat: 'short'
      })
    ).rejects.toThrow(/next: Lösenordet måste ha minst 12 tecken/);
    await changePassword(ctx, u.actor, a.sessionSecret, {
      current: TEST_PASSWORD,
      next: 'a new long password',
      repeat: 'a new long password'
    });
    expect(await resolveSession(ctx, a.sessionSecret)).not.toBeNull();
    expect(await resolveSession(ctx, b.sessionSecret)).toBeNull();
    expect((await signIn(ctx, { email: u.email, password: 'a new long password' })).ok).toBe(true);
    const entries = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'password.change')
      .execute();
    expect(entries).toHaveLength(1);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('lets a one-time sign-in link be used once only', async () => {
    const u = await makeUser(ctx, 'admin', 'kommun-2417');
    const secret = await createOneTimeLogin(ctx, u.id, 1);
    expect((await redeemOneTimeLogin(ctx, secret))?.userId).toBe(u.id);
    expect(await redeemOneTimeLogin(ctx, secret)).toBeNull();
    const late = await createOneTimeLogin(ctx, u.id, 1);
    clock.advance(2 * 3_600_000);
    expect(await redeemOneTimeLogin(ctx, late)).toBeNull();
  });
});

describe.each(DATABASES)('API tokens on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, close } = await openTestContext(kind));
  });
  afterEach(() => close());

  it('carry exactly the owner’s rights and stop working once revoked', async () => {
    const u = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    const { token, view } = await createApiToken(ctx, u.actor, { name: 'Rapportverktyg' });
    expect(token.startsWith('lft_')).toBe(true);
    const actor = await resolveApiToken(ctx, token);
    expect(actor?.memberships).toEqual([{ organisationId: 'lpo-skelleftea', role: 'reporter' }]);
    expect(actor?.viaToken).toBe(true);
    await revokeApiToken(ctx, u.actor, view.id);
    expect(await resolveApiToken(ctx, token)).toBeNull();
    expect((await listApiTokens(ctx, u.actor))[0]?.revokedAt).not.toBeNull();
  });

  it('cannot be revoked by another user', async () => {
    const owner = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    const other = await makeUser(ctx, 'admin', 'kommun-2417');
    const { token, view } = await createApiToken(ctx, owner.actor, { name: 'x' });
    await expect(revokeApiToken(ctx, other.actor, view.id)).rejects.toThrow(/finns inte/);
    expect(await resolveApiToken(ctx, token)).not.toBeNull();
  });

  it('needs a name', async () => {
    const u = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    await expect(createApiToken(ctx, u.actor, { name: '  ' })).rejects.toThrow(
      /name: Ge nyckeln ett namn/
    );
  });
});

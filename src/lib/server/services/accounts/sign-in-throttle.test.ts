import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser, TEST_PASSWORD } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { DEFAULT_PASSWORD_COST } from '../../auth/password';
import { signIn, type SignInResult } from './auth.service';

// Counts every password check, and can hold checks at a gate to widen the race window.
const checks = vi.hoisted(() => ({
  hashes: [] as string[],
  gate: Promise.resolve() as Promise<void>
}));
vi.mock('../../auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../auth/password')>();
  return {
    ...real,
    verifyPassword: async (password: string, hash: string) => {
      checks.hashes.push(hash);
      await checks.gate;
      return real.verifyPassword(password, hash);
    }
  };
});

const WRONG = 'wrong password!';
const A = { address: '198.51.100.7' };
const B = { address: '203.0.113.20' };

const waitFor = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 3000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

// Bursts of parallel sign-ins on a loaded CI machine take their time: generous waits, never sleeps.
vi.setConfig({ testTimeout: 90_000 });

describe.each(DATABASES)('sign-in limits on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  beforeEach(async () => {
    checks.hashes = [];
    checks.gate = Promise.resolve();
    ({ ctx, clock, close } = await openTestContext(kind, {
      config: { loginMaxFailures: 5, loginWindowMinutes: 15 }
    }));
  });
  afterEach(() => close());

  it('checks at most the free attempts of 60 parallel wrong passwords, and a right one inside the burst does not sign in', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    let release!: () => void;
    checks.gate = new Promise<void>((r) => (release = r));
    const results: SignInResult[] = [];
    const burst = Array.from({ length: 60 }, () =>
      signIn(ctx, { email: u.email, password: WRONG }, A).then((r) => void results.push(r))
    );
    // Five attempts are being checked (held at the gate); the other 55 were turned away unchecked.
    // On PostgreSQL a reserved attempt may still be reading the account when the 55th refusal
    // lands, so wait for both before counting.
    await waitFor(
      () => results.length === 55 && checks.hashes.length >= 5,
      '55 refusals and 5 checks'
    );
    expect(checks.hashes).toHaveLength(5);
    expect(results.every((r) => !r.ok && r.reason === 'throttled')).toBe(true);

    const right = await Promise.race([
      signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A),
      new Promise<'checked'>((r) => setTimeout(() => r('checked'), 15_000))
    ]);
    expect(right).toMatchObject({ ok: false, reason: 'throttled' });

    release();
    await Promise.all(burst);
    expect(checks.hashes).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(55);
    // The fifth failure starts the first wait: the right password is still refused unchecked.
    expect(await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A)).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 30
    });
    expect(checks.hashes).toHaveLength(5);
  });

  it('never checks more than the free attempts when a right password is mixed into a parallel burst', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    const attempts = Array.from({ length: 61 }, (_, i) =>
      signIn(ctx, { email: u.email, password: i === 30 ? TEST_PASSWORD : WRONG }, A)
    );
    const results = await Promise.all(attempts);
    expect(checks.hashes.length).toBeLessThanOrEqual(5);
    const checked = results.filter((r) => r.ok || r.reason === 'invalid');
    expect(checked).toHaveLength(checks.hashes.length);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(
      61 - checks.hashes.length
    );
  });

  it('makes each failure after the free ones wait longer, without checking the password meanwhile', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    for (let i = 0; i < 5; i++)
      expect(await signIn(ctx, { email: u.email, password: WRONG }, A)).toEqual({
        ok: false,
        reason: 'invalid'
      });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A);
      if (refused.ok || refused.reason !== 'throttled') throw new Error('expected a wait');
      waits.push(refused.retryAfterSeconds);
      clock.advance(refused.retryAfterSeconds * 1000);
      expect((await signIn(ctx, { email: u.email, password: WRONG }, A)).ok).toBe(false);
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    expect(checks.hashes).toHaveLength(9);
    // The wait never grows past the window (15 minutes).
    for (let i = 0; i < 6; i++) {
      clock.advance(15 * 60_000);
      await signIn(ctx, { email: u.email, password: WRONG }, A);
    }
    const capped = await signIn(ctx, { email: u.email, password: WRONG }, A);
    expect(capped).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 15 * 60 });
    // Once the wait is over the right password signs in, and the slate is clean again.
    clock.advance(15 * 60_000);
    expect((await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A)).ok).toBe(true);
    expect(await signIn(ctx, { email: u.email, password: WRONG }, A)).toEqual({
      ok: false,
      reason: 'invalid'
    });
  });

  it('does not hold up the owner signing in from another address while an attacker is refused', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    for (let i = 0; i < 20; i++) await signIn(ctx, { email: u.email, password: WRONG }, A);
    expect(await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A)).toMatchObject({
      ok: false,
      reason: 'throttled'
    });
    expect((await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, B)).ok).toBe(true);
  });

  it('limits spraying across many accounts from one address, but not other addresses', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    // 30 free failures per address (six times the per-account limit), each on a different account.
    // (Real accounts: an unknown e-mail costs a full-cost hash, which would only slow the test.)
    for (let i = 0; i < 30; i++) {
      const other = await makeUser(ctx, 'viewer', 'kommun-2417');
      expect(await signIn(ctx, { email: other.email, password: WRONG }, A)).toEqual({
        ok: false,
        reason: 'invalid'
      });
    }
    const sprayed = await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A);
    expect(sprayed).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
    expect((await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, B)).ok).toBe(true);
  });

  it('checks an unknown e-mail against a hash as costly as a new password’s', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    await signIn(ctx, { email: 'nobody@test.loften.se', password: WRONG }, A);
    await signIn(ctx, { email: u.email, password: WRONG }, A);
    expect(checks.hashes).toHaveLength(2);
    expect(checks.hashes[0]).toMatch(new RegExp(`^scrypt\\$${DEFAULT_PASSWORD_COST}\\$`));
  });

  it('gives back the attempt of a right password, so signing in does not count against the address', async () => {
    const u = await makeUser(ctx, 'viewer', 'kommun-2417');
    for (let i = 0; i < 40; i++)
      expect((await signIn(ctx, { email: u.email, password: TEST_PASSWORD }, A)).ok).toBe(true);
  });
});

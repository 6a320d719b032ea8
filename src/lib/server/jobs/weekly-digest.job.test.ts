import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../test/support/databases';
import { makeUser } from '../../../../test/support/factories';
import { startTestSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp';
import type { Actor } from '../auth/policy';
import type { Ctx } from '../context';
import { logActivity } from '../services/logging/activity.service';
import { ensureNorsjoDemo } from '../seed/demo.service';
import { digestSettings, setDigest } from '../services/follow-up/digest.service';
import { loggableMeasures } from '../services/logging/logging.service';
import { sendWeeklyDigests } from './weekly-digest.job';

describe.each(DATABASES)('the weekly digest over SMTP on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let smtp: TestSmtpServer;
  let reporter: Actor & { email: string };
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    ({ ctx, clock, close } = await openTestContext(kind, {
      config: {
        demo: true,
        origin: 'https://loften.test',
        mail: { smtpUrl: smtp.url, from: 'Löften <noreply@loften.test>' }
      }
    }));
    // Demo activities run through the day before 2026-11-27; the digest goes out on Monday 14 December.
    await ensureNorsjoDemo(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    await makeUser(ctx, 'editor', 'kommun-2417');
    const outsider = (await makeUser(ctx, 'reporter', 'kommun-0180')).actor;
    await setDigest(ctx, reporter, { enabled: 'true' });
    await setDigest(ctx, outsider, { enabled: 'true' });
    clock.set('2026-12-14T07:00:00Z');
    const traffic = (await loggableMeasures(ctx, reporter)).find(
      (m) => m.title === 'Trafikkontroller'
    )!;
    await logActivity(ctx, reporter, { measureId: traffic.id, count: 4 });
  });
  afterAll(async () => {
    await close();
    await smtp.close();
  });
  afterEach(() => vi.restoreAllMocks());

  it('sends one e-mail to the subscribed reporter with the page’s lines, and none to the others', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((l: string) => void logged.push(l));
    vi.spyOn(console, 'error').mockImplementation((l: string) => void logged.push(l));
    expect(await sendWeeklyDigests(ctx)).toEqual({ sent: 1, empty: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([reporter.email]);
    expect(mail.from).toBe('noreply@loften.test');
    expect(mail.subject).toBe('Löften: att göra vecka 51 – 2 efter');
    const lines = mail.text.split('\n');
    expect(lines).toContain(
      '- Trafikkontroller: minst 10 kontroller per månad – 4 gjorda, 6 kvar på 3 veckor'
    );
    expect(lines).toContain('- Nattvandring: varje riskhelg – 2 av 3 riskhelger i år hittills');
    expect(lines).toContain('- 24–25 december: Nattvandring – Jul (riskhelg)');
    expect(lines).toContain('Logga det du har gjort: https://loften.test/logga');
    expect(mail.html).toContain('<li>24–25 december: Nattvandring – Jul (riskhelg)</li>');
    // Counts and ids only: no address or name reaches the log.
    expect(logged.join('\n')).not.toMatch(/@|Test reporter/);
    expect((await digestSettings(ctx, reporter)).lastSentAt).toBe('2026-12-14T07:00:00.000Z');
  });

  it('never sends twice in the same week, and sends again the next week', async () => {
    clock.set('2026-12-20T21:00:00Z');
    expect(await sendWeeklyDigests(ctx)).toEqual({ sent: 0, empty: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    // Monday 21 December 00:30 in Sweden is still Sunday in UTC: a new week all the same.
    clock.set('2026-12-20T23:30:00Z');
    expect((await sendWeeklyDigests(ctx)).sent).toBe(1);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]?.subject).toMatch(/^Löften: att göra vecka 52/);
  });

  it('gives a failed send back, so the next run tries that person again', async () => {
    clock.set('2026-12-28T08:00:00Z');
    const failing = {
      send: () => Promise.reject(Object.assign(new Error('550 rejected'), { code: 'EENVELOPE' })),
      close: () => undefined
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await sendWeeklyDigests(ctx, failing)).toMatchObject({ sent: 0, failed: 1 });
    expect((await digestSettings(ctx, reporter)).lastSentAt).toBe('2026-12-20T23:30:00.000Z');
    expect((await sendWeeklyDigests(ctx)).sent).toBe(1);
    expect(smtp.received).toHaveLength(3);
  });

  it('sends nothing once the person turns it off', async () => {
    clock.set('2027-01-04T08:00:00Z');
    await setDigest(ctx, reporter, { enabled: 'false' });
    expect((await sendWeeklyDigests(ctx)).sent).toBe(0);
    expect(smtp.received).toHaveLength(3);
  });
});

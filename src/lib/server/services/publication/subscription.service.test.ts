import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { startTestSmtpServer, type TestSmtpServer } from '../../../../../test/support/smtp';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { createEvent } from './event.service';
import { createNews } from './news.service';
import { sendNewItems } from './subscription-delivery.service';
import {
  confirmSubscription,
  deleteLapsedRequests,
  pendingSubscription,
  requestSubscription,
  subscriptionOfLink,
  subscriptionOffer,
  unsubscribe
} from './subscription.service';

const linkIn = (text: string, path: string) =>
  new RegExp(`https://loften\\.test${path}\\?token=(\\S+)`).exec(text)?.[1];

describe.each(DATABASES)('e-mail subscriptions on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let smtp: TestSmtpServer;
  let editor: Actor;
  let agreementId: string;
  let client = 0;
  const from = () => ({ address: `198.51.100.${++client}` });
  const rows = () => ctx.db.selectFrom('subscriptions').selectAll().execute();

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    ({ ctx, clock, close } = await openTestContext(kind, {
      config: {
        origin: 'https://loften.test',
        mail: { smtpUrl: smtp.url, from: 'Löften <noreply@loften.test>' }
      }
    }));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
  });
  afterAll(async () => {
    await close();
    await smtp.close();
  });
  beforeEach(() => void (smtp.received.length = 0));

  it('mails a one-time confirmation link and keeps only the address and the token’s hash', async () => {
    const answer = await requestSubscription(ctx, '2417', { email: ' Anna@Exempel.se ' }, from());
    expect(answer).toEqual({ email: 'anna@exempel.se', days: 7 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['anna@exempel.se']);
    expect(mail.subject).toBe('Bekräfta att du vill få nyheter om medborgarlöften i Norsjö kommun');
    const token = decodeURIComponent(linkIn(mail.text, '/prenumeration/bekrafta')!);
    const [row] = await rows();
    expect(Object.keys(row!).sort()).toEqual([
      'confirm_token_hash',
      'confirmed_at',
      'created_at',
      'email',
      'expires_at',
      'id',
      'municipality_id'
    ]);
    expect(row).toMatchObject({ email: 'anna@exempel.se', confirmed_at: null });
    expect(row!.confirm_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.confirm_token_hash).not.toContain(token);
    expect(row!.expires_at).toBe('2026-12-04T10:00:00.000Z');

    expect((await pendingSubscription(ctx, token)).name).toBe('Norsjö');
    const confirmed = await confirmSubscription(ctx, token);
    expect(confirmed.municipality.officialName).toBe('Norsjö kommun');
    expect(confirmed.unsubscribe).toMatch(
      /^https:\/\/loften\.test\/prenumeration\/avsluta\?token=/
    );
    const [after] = await rows();
    expect(after).toMatchObject({ confirm_token_hash: null, expires_at: null });
    expect(after!.confirmed_at).toBe('2026-11-27T10:00:00.000Z');
    // The link works once.
    await expect(confirmSubscription(ctx, token)).rejects.toThrow(/redan använts/);
    // Asking again for a confirmed address answers the same and sends nothing.
    smtp.received.length = 0;
    expect(await requestSubscription(ctx, '2417', { email: 'anna@exempel.se' }, from())).toEqual(
      answer
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('names the field when the address is wrong, and refuses a fourth request a day to one address', async () => {
    await expect(
      requestSubscription(ctx, '2417', { email: 'inte en adress' }, from())
    ).rejects.toMatchObject({
      fields: [{ field: 'email', message: expect.stringMatching(/hel e-postadress/) }]
    });
    for (let i = 0; i < 3; i++)
      await requestSubscription(ctx, '2417', { email: 'bo@exempel.se' }, from());
    expect(smtp.received).toHaveLength(3);
    expect(await rows()).toHaveLength(2);
    await expect(
      requestSubscription(ctx, '2417', { email: 'bo@exempel.se' }, from())
    ).rejects.toMatchObject({
      fields: [{ field: 'email', message: expect.stringMatching(/för många/) }]
    });
    // Only the newest link works.
    const first = decodeURIComponent(linkIn(smtp.received[0]!.text, '/prenumeration/bekrafta')!);
    await expect(confirmSubscription(ctx, first)).rejects.toThrow(/fungerar inte/);
  });

  it('deletes a request nobody confirmed in seven days', async () => {
    clock.advance(7 * 86_400_000 + 1000);
    expect(await deleteLapsedRequests(ctx)).toBe(1);
    expect((await rows()).map((r) => r.email)).toEqual(['anna@exempel.se']);
  });

  it('mails what is published after confirming once, with a one-click unsubscribe that deletes the address', async () => {
    const news = await createNews(ctx, editor, agreementId, {
      title: 'Trygghetsvandring i Bastuträsk',
      body: 'Vi går tillsammans genom byn och ser vad som kan bli bättre.',
      publishedOn: '2026-12-04'
    });
    await createEvent(ctx, editor, agreementId, {
      title: 'Öppet möte om trygghet',
      kind: 'open-meeting',
      date: '2026-12-15',
      startTime: '18:00',
      endTime: '19:30',
      place: 'Folkets hus',
      description: 'Kom och säg vad du tycker.'
    });
    expect(await sendNewItems(ctx)).toEqual({ sent: 1, failed: 0, items: 2 });
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['anna@exempel.se']);
    expect(mail.subject).toBe('2 nya rapporter, nyheter och evenemang från Norsjö kommun');
    expect(mail.text).toContain('Nyhet: Trygghetsvandring i Bastuträsk');
    expect(mail.text).toContain(`https://loften.test/kommuner/2417/nyheter#nyhet-${news.id}`);
    expect(mail.text).toContain('Evenemang: Öppet möte om trygghet');
    const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    const link = /^List-Unsubscribe: <([^>]+)>/im.exec(head)?.[1]?.replace(/ /g, '');
    expect(link).toMatch(/^https:\/\/loften\.test\/prenumeration\/avsluta\?token=/);
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    expect(mail.text).toContain(link!);

    // A second run (a restart, another server) sends nothing again.
    expect(await sendNewItems(ctx)).toEqual({ sent: 0, failed: 0, items: 0 });
    expect(smtp.received).toHaveLength(1);

    const token = new URL(link!).searchParams.get('token')!;
    expect(await subscriptionOfLink(ctx, token)).toMatchObject({ municipality: { code: '2417' } });
    await expect(unsubscribe(ctx, `${token.slice(0, -2)}xx`)).rejects.toMatchObject({
      fields: [{ field: 'token' }]
    });
    expect(await unsubscribe(ctx, token)).toEqual({ removed: true });
    expect(await rows()).toEqual([]);
    expect(await ctx.db.selectFrom('subscription_deliveries').selectAll().execute()).toEqual([]);
    expect(await unsubscribe(ctx, token)).toEqual({ removed: false });
    expect(await subscriptionOfLink(ctx, token)).toBeNull();
  });

  it('says e-mail is not available, and refuses a request, when mail is off', async () => {
    const off = { ...ctx, config: { ...ctx.config, mail: null } };
    expect(await subscriptionOffer(off, '2417')).toMatchObject({
      mailAvailable: false,
      feed: '/kommuner/2417/flode',
      calendar: '/kommuner/2417/evenemang.ics'
    });
    await expect(
      requestSubscription(off, '2417', { email: 'c@exempel.se' }, from())
    ).rejects.toMatchObject({
      fields: [{ field: 'email', message: expect.stringMatching(/flödet/) }]
    });
    await expect(subscriptionOffer(ctx, '9999')).rejects.toThrow(/9999/);
  });
});

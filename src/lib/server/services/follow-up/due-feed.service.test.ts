import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import { hashSecret } from '../../auth/tokens';
import type { Ctx } from '../../context';
import { dueCalendar } from '../../render/follow-up/due-calendar';
import { ensureNorsjoDemo } from '../../seed/demo.service';
import { createDueFeed, dueFeedActor, dueFeedOf, revokeDueFeed } from './due-feed.service';
import { dueFor } from './due.service';

/** The lines of an iCalendar text, unfolded (a line continues after CRLF and a space). */
const icsLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe.each(DATABASES)('the personal calendar feed on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let reporter: Actor;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { config: { demo: true } }));
    await ensureNorsjoDemo(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
  });
  afterAll(() => close());

  it('opens with the secret in the address, which is stored only as its hash', async () => {
    const { token } = await createDueFeed(ctx, reporter);
    expect(token).toMatch(/^kal_[\w-]{43}$/);
    const rows = await ctx.db.selectFrom('due_feeds').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await dueFeedActor(ctx, token))?.userId).toBe(reporter.userId);
    expect(await dueFeedActor(ctx, 'kal_' + 'x'.repeat(43))).toBeNull();
    expect(await dueFeedActor(ctx, null)).toBeNull();
    expect(await dueFeedOf(ctx, reporter)).toMatchObject({
      lastUsedAt: '2026-11-27T10:00:00.000Z'
    });
  });

  it('gives an iCalendar of all-day events for the risk weekends and last days ahead, in Swedish', async () => {
    const report = await dueFor(ctx, reporter, { horizonDays: 366 });
    const lines = icsLines(
      dueCalendar(report, { origin: 'https://loften.test', now: new Date('2026-11-27T10:00:00Z') })
    );
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Nattvandring: Jul (riskhelg)',
      'SUMMARY:Dörrknackning i valda områden: 1 kvar senast i dag',
      'SUMMARY:Nattvandring: Nyår (riskhelg)'
    ]);
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Stockholm');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261224');
    expect(lines).toContain('DTEND;VALUE=DATE:20261226');
    expect(lines.find((l) => l.startsWith('URL'))).toMatch(
      /^URL;VALUE=URI:https:\/\/loften\.test\/logga\?atgard=[\w-]+$/
    );
    expect(lines.filter((l) => l.startsWith('DTSTAMP'))).toEqual(
      Array(3).fill('DTSTAMP:20261127T100000Z')
    );
    expect(lines.filter((l) => l.startsWith('UID:')).every((l) => l.endsWith('@loften'))).toBe(
      true
    );
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });

  it('stops the old address when a new one is made, and all addresses when turned off', async () => {
    const first = await createDueFeed(ctx, reporter);
    const second = await createDueFeed(ctx, reporter);
    expect(await dueFeedActor(ctx, first.token)).toBeNull();
    expect((await dueFeedActor(ctx, second.token))?.userId).toBe(reporter.userId);
    await revokeDueFeed(ctx, reporter);
    expect(await dueFeedActor(ctx, second.token)).toBeNull();
    expect(await dueFeedOf(ctx, reporter)).toBeNull();
    await expect(revokeDueFeed(ctx, reporter)).rejects.toThrow(/inget kalenderflöde/);
  });
});

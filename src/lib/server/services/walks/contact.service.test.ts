import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import type { WalkTable } from '../../db/schema';
import {
  contactInstant,
  publicRoundSummary,
  recordContact,
  summarise,
  walkContacts
} from './contact.service';
import { markWalkHeld, planWalk, walkableMeasures } from './walk.service';
import { getEvent } from '../publication/event.service';

describe.each(DATABASES)('round contacts on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  let reporter: Actor;
  let otherReporter: Actor;
  let outsider: Actor;
  let roundId: string;
  let safetyWalkId: string;
  const plan = (measureKey: string, kind: string) => ({
    measureKey,
    kind,
    area: 'Bastuträsk',
    meetingPoint: 'Skolan',
    date: '2026-12-03',
    startTime: '17:00',
    endTime: '20:00',
    invitedGroups: 'Boende'
  });
  const said =
    'Anna Andersson på Storgatan 12 säger att det langas knark vid busshållplatsen, ring 070-123 45 67.';

  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    reporter = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
    otherReporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    outsider = (await makeUser(ctx, 'editor', 'kommun-2482')).actor;
    const measureKey = (await walkableMeasures(ctx, editor, agreementId)).measures[0]!.key;
    ({ id: roundId } = await planWalk(ctx, editor, agreementId, plan(measureKey, 'dorrknackning')));
    ({ id: safetyWalkId } = await planWalk(
      ctx,
      editor,
      agreementId,
      plan(measureKey, 'trygghetsvandring')
    ));
  });
  afterAll(() => close());

  it('stores a contact with its themes; editors read what was said, reporters only the masked text', async () => {
    const { contact, created } = await recordContact(ctx, reporter, roundId, {
      time: '18:15',
      people: '2',
      households: '1',
      said,
      themes: ['narkotika', 'trafik'],
      idempotencyKey: 'contact-key-0001'
    });
    expect(created).toBe(true);
    expect(contact).toMatchObject({ time: '18:15', people: 2, households: 1, masked: true });
    expect(contact.contactedAt).toBe('2026-12-03T17:15:00.000Z');
    expect(contact.said).not.toContain('Anna');
    expect(contact.said).not.toContain('070');
    expect(contact.said).toContain('[namn]');
    expect(contact.said).toContain('[telefonnummer]');
    expect(contact.said).toContain('langas knark vid busshållplatsen');
    expect(contact.themes).toEqual([
      { key: 'narkotika', label: 'Narkotika' },
      { key: 'trafik', label: 'Trafik' }
    ]);

    const forEditor = await walkContacts(ctx, editor, roundId);
    expect(forEditor.editable).toBe(true);
    expect(forEditor.contacts[0]).toMatchObject({ said, masked: false });
    expect(forEditor.contacts[0]!.personalData).toEqual(
      expect.arrayContaining(['name', 'phone', 'address'])
    );
    for (const who of [reporter, otherReporter]) {
      const seen = await walkContacts(ctx, who, roundId);
      expect(seen.contacts[0]!.said).toBe(contact.said);
      expect(seen.contacts[0]!.personalData).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain('Andersson');
    }
    await expect(walkContacts(ctx, outsider, roundId)).rejects.toThrow(/finns inte/);
    await expect(walkContacts(ctx, null, roundId)).rejects.toThrow();
  });

  it('stores a contact sent twice with one key once, and refuses the key from someone else', async () => {
    const again = await recordContact(ctx, reporter, roundId, {
      people: 2,
      said,
      themes: ['narkotika', 'trafik'],
      idempotencyKey: 'contact-key-0001'
    });
    expect(again.created).toBe(false);
    expect((await walkContacts(ctx, editor, roundId)).contacts).toHaveLength(1);
    await expect(
      recordContact(ctx, editor, roundId, { people: 1, idempotencyKey: 'contact-key-0001' })
    ).rejects.toThrow(/Nyckeln är redan använd/);
  });

  it('names the wrong field and stores nothing', async () => {
    const fields = async (input: unknown) => {
      try {
        await recordContact(ctx, reporter, roundId, input);
      } catch (e) {
        return (e as { fields: { field: string; message: string }[] }).fields;
      }
      throw new Error('accepted');
    };
    expect((await fields({ people: '' }))[0]).toMatchObject({ field: 'people' });
    expect((await fields({ people: '0' }))[0]).toMatchObject({ field: 'people' });
    expect((await fields({ people: '2,5' }))[0]).toMatchObject({ field: 'people' });
    expect((await fields({ people: '2', households: 'många' }))[0]).toMatchObject({
      field: 'households'
    });
    expect((await fields({ people: '2', time: '25:00' }))[0]).toMatchObject({ field: 'time' });
    expect((await fields({ people: '2', themes: ['knark'] }))[0]).toMatchObject({
      field: 'themes',
      message: expect.stringContaining('knark')
    });
    expect((await fields({ people: '2', said: 'x'.repeat(2001) }))[0]).toMatchObject({
      field: 'said'
    });
    await expect(recordContact(ctx, reporter, safetyWalkId, { people: 1 })).rejects.toThrow(
      /dörrknackning och nattvandring/
    );
    await expect(recordContact(ctx, outsider, roundId, { people: 1 })).rejects.toThrow(
      /finns inte/
    );
    expect((await walkContacts(ctx, editor, roundId)).contacts).toHaveLength(1);
  });

  it('publishes only counts and themes, and only once the round is held', async () => {
    await recordContact(ctx, editor, roundId, {
      people: '3',
      said: 'Mopeder kör fort på skolgården.',
      themes: 'trafik'
    });
    await recordContact(ctx, otherReporter, roundId, { people: '1', themes: [] });
    expect(await publicRoundSummary(ctx, roundId)).toBeNull();
    clock.set('2026-12-04T09:00:00Z');
    await markWalkHeld(ctx, editor, roundId);
    const summary = await publicRoundSummary(ctx, roundId);
    expect(summary).toEqual({
      contacts: 3,
      people: 6,
      households: 1,
      themes: [
        { key: 'narkotika', label: 'Narkotika', count: 1 },
        { key: 'trafik', label: 'Trafik', count: 2 }
      ]
    });
    expect(JSON.stringify(summary)).not.toMatch(/Mopeder|namn|langas/);
    expect(await publicRoundSummary(ctx, safetyWalkId)).toBeNull();
  });

  it('announces a door-knocking round as a door-knocking event, not as "Annat"', async () => {
    const kindOf = async (walkId: string) => {
      const { event_id } = await ctx.db
        .selectFrom('walks')
        .select('event_id')
        .where('id', '=', walkId)
        .executeTakeFirstOrThrow();
      return (await getEvent(ctx, agreementId, event_id!)).kindLabel;
    };
    expect(await kindOf(roundId)).toBe('Dörrknackning');
    expect(await kindOf(safetyWalkId)).toBe('Trygghetsvandring');
  });

  it('does not tell a reporter that personal data is hidden when the text had none', async () => {
    const plain = 'Mörkt vid gångtunneln, lampan är trasig.';
    const { contact } = await recordContact(ctx, reporter, roundId, {
      time: '18:40',
      people: '1',
      said: plain,
      themes: ['trafik'],
      idempotencyKey: 'contact-key-plain-01'
    });
    expect(contact).toMatchObject({ said: plain, masked: false, personalData: [] });
    const seen = await walkContacts(ctx, otherReporter, roundId);
    expect(seen.contacts.find((c) => c.id === contact.id)).toMatchObject({
      said: plain,
      masked: false
    });
  });
});

describe('contact rules', () => {
  const walk = (startsAt: string, endsAt: string) =>
    ({ starts_at: startsAt, ends_at: endsAt }) as WalkTable;

  it('puts a time after midnight of a night round on the next day', () => {
    // 22:00–02:00 Swedish winter time.
    const night = walk('2026-12-04T21:00:00.000Z', '2026-12-05T01:00:00.000Z');
    const now = new Date('2026-12-05T03:00:00Z');
    expect(contactInstant(night, '23:30', now)).toBe('2026-12-04T22:30:00.000Z');
    expect(contactInstant(night, '01:10', now)).toBe('2026-12-05T00:10:00.000Z');
    expect(contactInstant(night, undefined, now)).toBe(now.toISOString());
    // Summer time: two hours ahead of UTC.
    const summer = walk('2026-06-12T16:00:00.000Z', '2026-06-12T18:00:00.000Z');
    expect(contactInstant(summer, '18:45', now)).toBe('2026-06-12T16:45:00.000Z');
  });

  it('counts each contact once per theme, and sums people (property)', () => {
    const keys = ['narkotika', 'trafik', 'alkohol', 'borttaget'];
    const frame = keys.slice(0, 3).map((key) => ({ id: key, key, label: key, keywords: [] }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            people: fc.integer({ min: 1, max: 50 }),
            themes: fc.array(fc.constantFrom(...keys), { maxLength: 6 })
          }),
          { maxLength: 30 }
        ),
        (contacts) => {
          const s = summarise(
            contacts.map((c) => ({ people: c.people, themes: JSON.stringify(c.themes) })),
            frame
          );
          expect(s.contacts).toBe(contacts.length);
          expect(s.people).toBe(contacts.reduce((n, c) => n + c.people, 0));
          for (const t of s.themes) {
            expect(t.count).toBe(contacts.filter((c) => c.themes.includes(t.key)).length);
            expect(t.count).toBeLessThanOrEqual(s.contacts);
          }
          // Frame order, a theme no longer in the frame last.
          const order = s.themes.map((t) => keys.indexOf(t.key));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      )
    );
  });
});

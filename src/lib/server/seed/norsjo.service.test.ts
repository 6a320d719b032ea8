import { demoProlongation } from '../../core/demo-period';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNorsjoDemo } from '../../../../test/support/factories';
import { DATABASES, openTestContext } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { getAgreementView } from '../services/agreements/agreement-view.service';
import { agreementFollowUp } from '../services/follow-up/follow-up.service';
import { ensureNorsjo, findNorsjoAgreementId } from './norsjo.service';
import { compareRevisions } from '../services/agreements/plan.service';

/** The period's words in the document, and what else it says about the period. */
const DOCUMENT_PERIOD =
  'Avtalet löper på fyra år med början 1/1 2019. Dokumentet säger också 2019–2023: rubriken "Medborgarlöfte 2019-2023" och "genomförandeplan för 2019 – 2023".';

describe.each(DATABASES)('Norsjö’s agreement on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  beforeAll(async () => {
    ({ ctx, close, id } = await openNorsjoDemo(kind));
  });
  afterAll(() => close());

  it('is created once, however often start-up runs', async () => {
    expect(await ensureNorsjo(ctx)).toBe(id);
  });

  it('holds the seed: four focus areas, six measure groups, fourteen measures, five effects, the period as stated', async () => {
    const v = await getAgreementView(ctx, id, { year: 2019 });
    expect(v.title).toBe('Norsjö – medborgarlöften');
    expect(v.municipalities).toEqual([
      { id: 'kommun-2417', code: '2417', name: 'Norsjö', officialName: 'Norsjö kommun' }
    ]);
    expect(v.policeArea?.name).toBe('Lokalpolisområde Skellefteå');
    // Demo mode prolongs the agreement to the end of this year, and says so in the period's words,
    // from which the public page reads back the agreement's own period 2019–2022.
    expect(v.period).toEqual({
      start: '2019-01-01',
      end: '2026-12-31',
      text: `${DOCUMENT_PERIOD} Demo: förlängt från 2022-12-31 till och med 2026-12-31 så att demon har en pågående period; allt efter 2022-12-31 är påhittat.`
    });
    expect(demoProlongation(v.period)).toEqual({
      own: { start: '2019-01-01', end: '2022-12-31' },
      demoEnd: '2026-12-31',
      ownText: DOCUMENT_PERIOD
    });
    expect(v.focusAreas.map((f) => f.title)).toEqual([
      'Insatser mot narkotika',
      'Insatser mot brott och förseelser i trafikmiljön',
      'Insatser mot tillgreppsbrott',
      'Trygghetsskapande arbete'
    ]);
    expect(v.focusAreas[0]?.specialAttention).toBe('ungdomar');
    expect(v.revision?.groups.map((g) => [g.title, g.measures.length])).toEqual([
      ['Narkotika/livsstilskriminella', 1],
      ['Tillgreppsbrott', 3],
      ['Minska nyrekrytering av unga som börjar med narkotika eller alkohol', 1],
      ['Trafikkontroller', 1],
      ['Informations- eller kunskapshöjande åtgärder', 4],
      ['Trygghetsskapande åtgärder', 4]
    ]);
    expect(v.effects).toHaveLength(5);
    expect(v.effects[2]?.direction).toBe('increase');
    expect(v.communication).toContain('Norsjöbladet som skickas ut till alla hushåll');
  });

  it('gives the demo indicators invented yearly values up to last year, their source marked demo', async () => {
    const v = await getAgreementView(ctx, id);
    const indicators = v.effects.flatMap((e) => e.indicators);
    expect(indicators).toHaveLength(5);
    for (const i of indicators) {
      expect(i.source).toMatch(/^Demo: /);
      expect(i.values.map((x) => x.date)).toEqual(
        ['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'].map((y) => `${y}-12-31`)
      );
    }
    const safe = indicators.find((i) => i.name.startsWith('Andel som känner sig trygga'));
    expect(safe?.values.at(-1)).toEqual({ date: '2025-12-31', value: 70 });
  });

  it('keeps each target’s words and its parsed meaning, Trafikkontroller as 10 per month', async () => {
    const v = await getAgreementView(ctx, id, { year: 2019 });
    const measures = v.revision!.groups.flatMap((g) => g.measures);
    const traffic = measures.find((m) => m.title === 'Trafikkontroller');
    expect(traffic?.target).toEqual({
      kind: 'count',
      text: 'Minst 10 kontroller per månad',
      count: 10,
      per: 'month',
      unit: 'kontroller'
    });
    // The document names who takes part ("Samverkan: …"), never who is responsible or how a
    // measure is followed up: nothing is invented.
    for (const m of measures) {
      expect(m.responsibleParty, m.key).toBeNull();
      expect(m.followUpMethod, m.key).toBe('');
    }
    const together = measures.find((m) => m.key === 'samverkan-aktorer');
    expect(together?.parties.map((p) => p.name).sort()).toEqual(
      [
        'Föreningar',
        'Förebyggarrådet',
        'Hälsocentralen',
        'Lokalpolisområde Skellefteå',
        'Norsjö kommun',
        'Organisationer'
      ].sort()
    );
    expect(measures.every((m) => m.target.kind !== 'unparsed')).toBe(true);
  });

  it('follows up a monthly target from demo activities: met months, missed months, and behind inside the current month', async () => {
    const f = await agreementFollowUp(ctx, id, {
      period: 'month',
      from: '2020-01-01',
      to: '2020-12-31',
      asOf: '2022-06-01'
    });
    const rb = f.measures.find((m) => m.key === 'rattegangsbalken')!;
    expect(rb.periods).toHaveLength(12);
    expect(rb.periods.find((p) => p.start === '2020-07-01')).toMatchObject({
      expected: 1,
      done: 0,
      status: 'missed'
    });
    expect(rb.periods.filter((p) => p.status === 'met')).toHaveLength(11);
    // Pro-rated: on 20 February, 1 × 20/28 rounds down to 0 owed, so February is not judged yet
    // (it was 'on-track' with 0 of 0, which counted as kept).
    const feb = await agreementFollowUp(ctx, id, {
      period: 'month',
      from: '2022-02-01',
      to: '2022-02-28',
      asOf: '2022-02-20'
    });
    expect(feb.measures.find((m) => m.key === 'rattegangsbalken')?.periods[0]).toMatchObject({
      expected: 0,
      done: 0,
      status: 'not-applicable'
    });
    // On 31 August 2021 all ten controls are owed; the demo logged fewer, so the month is behind.
    const aug = await agreementFollowUp(ctx, id, {
      period: 'month',
      from: '2021-08-01',
      to: '2021-08-31',
      asOf: '2021-08-31'
    });
    const traffic = aug.measures.find((m) => m.key === 'trafikkontroller')?.periods[0];
    expect(traffic?.expected).toBe(10);
    expect(traffic?.done).toBeLessThan(10);
    expect(traffic?.status).toBe('behind');
  });

  it('uses each year’s plan revision: the demo revision of 2020 asks for three door-knockings', async () => {
    const f = await agreementFollowUp(ctx, id, { period: 'year', asOf: '2026-11-27' });
    const knock = f.measures.find((m) => m.key === 'dorrknackning')!;
    expect(
      knock.periods.slice(0, 4).map((p) => [p.start.slice(0, 4), p.expected, p.done, p.status])
    ).toEqual([
      ['2019', 2, 2, 'met'],
      ['2020', 3, 1, 'missed'],
      ['2021', 3, 2, 'missed'],
      ['2022', 3, 2, 'missed']
    ]);
    // 2026 is the current year: 3 × 331/365 rounds down to 2 owed by 27 November, and 2 were done.
    expect(knock.periods.at(-1)).toMatchObject({
      start: '2026-01-01',
      expected: 2,
      done: 2,
      status: 'on-track'
    });
  });

  it('shows the changed target and its reason when 2019 and 2020 are compared', async () => {
    const diff = await compareRevisions(ctx, id, 2019, 2020);
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        key: 'dorrknackning',
        title: 'Dörrknackning i valda områden',
        fields: [{ field: 'targetText', before: '2 gånger per år', after: '3 gånger per år' }],
        reason:
          'Demo: fler bostadsinbrott i två bostadsområden under 2019, så dörrknackningen utökas.'
      }
    ]);
  });
});

describe.each(DATABASES)('Norsjö outside demo mode on $kind', ({ kind }) => {
  it('keeps the period exactly as the document states it, with no demo activities', async () => {
    const { ctx, close } = await openTestContext(kind);
    try {
      const id = (await findNorsjoAgreementId(ctx))!;
      const v = await getAgreementView(ctx, id);
      expect(v.period).toEqual({ start: '2019-01-01', end: '2022-12-31', text: DOCUMENT_PERIOD });
      expect(demoProlongation(v.period)).toBeNull();
      expect((await agreementFollowUp(ctx, id, { period: 'agreement' })).demo).toBe(false);
    } finally {
      await close();
    }
  });
});

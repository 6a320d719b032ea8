import { describe, expect, it } from 'vitest';
import { defaultRiskOccasions } from './calendar';
import {
  daySpanSv,
  dueItems,
  dueObligations,
  duePeriodKind,
  periodTotal,
  timeLeftSv,
  type DueMeasure
} from './due';
import type { PeriodResult } from './follow-up-types';
import { parseTarget } from './target-parser';

const measure = (
  title: string,
  targetText: string,
  period: Partial<PeriodResult> & { start: string; end: string },
  extra: Partial<DueMeasure> = {}
): DueMeasure => ({
  measureId: `m-${title}`,
  title,
  agreementId: 'a1',
  agreementTitle: 'Norsjö – medborgarlöften',
  target: parseTarget(targetText),
  period: { expected: 0, done: 0, status: 'on-track', ...period },
  own: false,
  ...extra
});

const november = { start: '2026-11-01', end: '2026-11-30' };
const year2026 = { start: '2026-01-01', end: '2026-12-31' };

describe('duePeriodKind', () => {
  it('follows a count up per the unit it counts in, rhythms per month, occasions per year, and never an on-demand target', () => {
    expect(duePeriodKind(parseTarget('Minst 10 kontroller per månad'))).toBe('month');
    expect(duePeriodKind(parseTarget('tre gånger i veckan'))).toBe('month');
    expect(duePeriodKind(parseTarget('2 gånger per år'))).toBe('year');
    expect(duePeriodKind(parseTarget('vid minst 6 tillfällen'))).toBe('agreement');
    expect(duePeriodKind(parseTarget('Var tredje helg'))).toBe('month');
    expect(duePeriodKind(parseTarget('Under riskhelger'))).toBe('year');
    expect(duePeriodKind(parseTarget('Vid behov'))).toBeNull();
  });
});

describe('Swedish words for time', () => {
  it('counts the days left with today included, in days, weeks or months', () => {
    expect(timeLeftSv('2026-11-30', '2026-11-30')).toBe('1 dag');
    expect(timeLeftSv('2026-11-28', '2026-11-30')).toBe('3 dagar');
    expect(timeLeftSv('2026-11-27', '2026-12-31')).toBe('5 veckor');
    expect(timeLeftSv('2026-07-27', '2026-12-31')).toBe('5 månader');
  });

  it('writes spans of days the way Swedes do', () => {
    expect(daySpanSv('2026-12-24', '2026-12-25')).toBe('24–25 december');
    expect(daySpanSv('2026-12-31', '2027-01-01')).toBe('31 december – 1 januari');
    expect(daySpanSv('2026-11-30', '2026-11-30')).toBe('30 november');
  });
});

describe('periodTotal', () => {
  it('is what the whole period owes, not what is owed so far', () => {
    expect(periodTotal(parseTarget('Minst 10 kontroller per månad'), november)).toBe(10);
    expect(periodTotal(parseTarget('2 gånger per år'), year2026)).toBe(2);
    expect(periodTotal(parseTarget('Besöka klasserna år 6-9 1 gång per år'), year2026)).toBe(4);
  });
});

describe('dueItems', () => {
  it('says how many are done and how many are left in how long, as in the issue', () => {
    const [traffic] = dueItems(
      [
        measure('Trafikkontroller', 'Minst 10 kontroller per månad', {
          ...november,
          expected: 9,
          done: 4,
          status: 'behind'
        })
      ],
      '2026-11-28'
    );
    expect(traffic?.line).toBe(
      'Trafikkontroller: minst 10 kontroller per månad – 4 gjorda, 6 kvar på 3 dagar'
    );
    expect(traffic).toMatchObject({ state: 'behind', remaining: 6, done: 4 });
    const [walk] = dueItems(
      [
        measure('Trygghetsvandring', '2 gånger per år', {
          ...year2026,
          expected: 1,
          done: 0,
          status: 'behind'
        })
      ],
      '2026-07-27'
    );
    expect(walk?.line).toBe('Trygghetsvandring: minst 2 gånger per år – 0 gjorda, 5 månader kvar');
  });

  it('puts behind and quiet measures first, the nearest deadline first, then open ones, then those done', () => {
    const items = dueItems(
      [
        measure('Dörrknackning', '2 gånger per år', { ...year2026, done: 1, status: 'on-track' }),
        measure('Trafikkontroller', 'Minst 10 kontroller per månad', {
          ...november,
          done: 10,
          status: 'on-track'
        }),
        measure('Trygghetsvandring', '2 gånger per år', {
          ...year2026,
          done: 0,
          status: 'behind'
        }),
        measure('Märk-DNA', 'Kontinuerligt', { ...november, done: 0, status: 'quiet' }),
        measure('Ungdomsmiljöer', 'Vid behov', { ...november, status: 'not-applicable' })
      ],
      '2026-11-27'
    );
    expect(items.map((i) => [i.title, i.state])).toEqual([
      ['Märk-DNA', 'behind'],
      ['Trygghetsvandring', 'behind'],
      ['Dörrknackning', 'open'],
      ['Trafikkontroller', 'done']
    ]);
    expect(items[0]?.line).toBe(
      'Märk-DNA: löpande (minst en aktivitet var 90:e dag) – ingen aktivitet de senaste 90 dagarna'
    );
    expect(items[3]?.line).toBe(
      'Trafikkontroller: minst 10 kontroller per månad – 10 gjorda, klart för månaden'
    );
  });

  it('counts shifts and risk weekends rather than a remainder', () => {
    const [shifts, nights] = dueItems(
      [
        measure('Riktad patrullering', 'Varje arbetspass', {
          ...november,
          expected: 15,
          done: 12,
          status: 'behind'
        }),
        measure('Nattvandring', 'Under riskhelger', {
          ...year2026,
          expected: 3,
          done: 2,
          status: 'behind'
        })
      ],
      '2026-11-27'
    );
    expect(shifts?.line).toBe(
      'Riktad patrullering: varje arbetspass – 12 av 15 arbetspass loggade hittills denna månad'
    );
    expect(nights?.line).toBe('Nattvandring: varje riskhelg – 2 av 3 riskhelger i år hittills');
  });
});

describe('dueObligations', () => {
  const occasions = { a1: [...defaultRiskOccasions(2026), ...defaultRiskOccasions(2027)] };

  it('lists the risk weekends ahead and the last day of a count not yet reached, in date order', () => {
    const list = dueObligations(
      [
        measure('Nattvandring', 'Under riskhelger', { ...year2026, status: 'behind' }),
        measure('Trafikkontroller', 'Minst 10 kontroller per månad', {
          ...november,
          done: 4,
          status: 'behind'
        }),
        measure('Trygghetsvandring', '2 gånger per år', { ...year2026, done: 2 })
      ],
      occasions,
      '2026-11-27',
      '2027-01-31'
    );
    expect(list.map((o) => o.line)).toEqual([
      '30 november: Trafikkontroller – 6 kvar (minst 10 kontroller per månad)',
      '24–25 december: Nattvandring – Jul (riskhelg)',
      '31 december – 1 januari: Nattvandring – Nyår (riskhelg)'
    ]);
    expect(list[1]).toMatchObject({
      kind: 'risk-weekend',
      start: '2026-12-24',
      end: '2026-12-25',
      summary: 'Nattvandring: Jul (riskhelg)'
    });
  });

  it('keeps to the named occasions and to the horizon', () => {
    const list = dueObligations(
      [measure('Midsommarpatrull', 'vid valborg och midsommar', { ...year2026 })],
      occasions,
      '2026-11-27',
      '2027-05-31'
    );
    expect(list.map((o) => [o.start, o.end])).toEqual([['2027-04-30', '2027-05-02']]);
  });
});

describe('what is due: nothing owed yet and occasions without a date', () => {
  it('keeps a count on the list on the first of the month, although it is not judged yet', () => {
    const items = dueItems(
      [
        measure('Trafikkontroller', 'Minst 10 kontroller per månad', {
          start: '2026-12-01',
          end: '2026-12-31',
          status: 'not-applicable'
        })
      ],
      '2026-12-01'
    );
    expect(items.map((i) => [i.title, i.state, i.remaining])).toEqual([
      ['Trafikkontroller', 'open', 10]
    ]);
  });

  it('shows editors a named occasion that needs a date', () => {
    const items = dueItems(
      [
        measure('Skolavslutning', 'Vid skolavslutningen', {
          ...year2026,
          expected: 0,
          status: 'needs-date'
        })
      ],
      '2026-11-27'
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ state: 'open', status: 'needs-date' });
    expect(items[0]!.line).toMatch(/saknar datum/);
  });
});

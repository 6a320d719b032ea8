import { describe, expect, it } from 'vitest';
import type { Target } from './target';
import { parseTarget } from './target-parser';

/** A target's meaning without its words (Omit applied to each member of the union). */
type Meaning<T = Target> = T extends unknown ? Omit<T, 'text'> : never;

/** The targets of the Norsjö 2019 plan, word for word, and what they must mean. */
const SEED: readonly [string, Meaning][] = [
  ['Som minst 1 gång i månaden', { kind: 'count', count: 1, per: 'month' }],
  ['Kontinuerligt', { kind: 'continuous', quietAfterDays: 90 }],
  [
    'Lägga ut information på hemsidor och Norsjöbladet 2 gånger/år',
    { kind: 'count', count: 2, per: 'year' }
  ],
  ['Varje arbetspass', { kind: 'every-shift' }],
  ['Vid behov', { kind: 'on-demand' }],
  ['Minst 10 kontroller per månad', { kind: 'count', count: 10, per: 'month', unit: 'kontroller' }],
  [
    'Minst 4 möten per år med olika nyckelgrupper',
    { kind: 'count', count: 4, per: 'year', unit: 'möten' }
  ],
  ['1 gång per år på föräldramöten och personalträffar', { kind: 'count', count: 1, per: 'year' }],
  [
    'Besöka klasserna år 6-9 1 gång per år',
    {
      kind: 'count',
      count: 1,
      per: 'year',
      perUnit: { label: 'årskurs', values: ['6', '7', '8', '9'] }
    }
  ],
  [
    'Var tredje helg besöka fritidsgårdens öppna verksamhet',
    { kind: 'interval', every: 3, unit: 'weekend' }
  ],
  ['2 gånger per år', { kind: 'count', count: 2, per: 'year' }],
  ['Löpande under året', { kind: 'continuous', quietAfterDays: 90 }],
  ['Under riskhelger, löpande under året', { kind: 'occasions', occasions: 'risk-weekends' }]
];

describe('parseTarget on the Norsjö 2019 plan', () => {
  it.each(SEED)('reads "%s" exactly', (words, meaning) => {
    expect(parseTarget(words)).toEqual({ ...meaning, text: words });
  });
});

const count = (words: string, rest: Partial<Extract<Target, { kind: 'count' }>>) =>
  [words, { kind: 'count', text: words, ...rest }] as const;

describe('parseTarget on counts', () => {
  it.each([
    count('3 gånger per dygn', { count: 3, per: 'day' }),
    count('En gång om dagen', { count: 1, per: 'day' }),
    count('Dagligen', { count: 1, per: 'day' }),
    count('2 gånger per vecka', { count: 2, per: 'week' }),
    count('Fem gånger per veckan', { count: 5, per: 'week' }),
    count('Två gånger i veckan', { count: 2, per: 'week' }),
    count('Varje vecka', { count: 1, per: 'week' }),
    count('Varje månad', { count: 1, per: 'month' }),
    count('Femton kontroller per tertial', { count: 15, per: 'tertial', unit: 'kontroller' }),
    count('3 ggr/tertial', { count: 3, per: 'tertial' }),
    count('Tre gånger om året', { count: 3, per: 'year' }),
    count('En gång under året', { count: 1, per: 'year' }),
    count('Årligen', { count: 1, per: 'year' }),
    count('Tjugo kontroller per år', { count: 20, per: 'year', unit: 'kontroller' }),
    count('Minst 3 gånger under avtalsperioden', { count: 3, per: 'period' }),
    count('Två seminarier under perioden', { count: 2, per: 'period', unit: 'seminarier' })
  ])('reads the frequency in "%s"', (words, expected) => {
    expect(parseTarget(words)).toEqual(expected);
  });

  it.each([
    ['en', 1],
    ['ett', 1],
    ['två', 2],
    ['tre', 3],
    ['fyra', 4],
    ['fem', 5],
    ['sex', 6],
    ['sju', 7],
    ['åtta', 8],
    ['nio', 9],
    ['tio', 10],
    ['elva', 11],
    ['tolv', 12],
    ['femton', 15],
    ['tjugo', 20],
    ['tjugofem', 25],
    ['trettio', 30]
  ] as const)('reads the number word "%s" as %i', (word, n) => {
    expect(parseTarget(`${word} gånger per år`)).toMatchObject({
      kind: 'count',
      count: n,
      per: 'year'
    });
  });

  it('counts "vid minst N tillfällen" over the whole agreement period unless a period is named', () => {
    expect(parseTarget('Vid minst 6 tillfällen')).toMatchObject({
      kind: 'count',
      count: 6,
      per: 'period',
      unit: 'tillfällen'
    });
    expect(parseTarget('vid minst fyra tillfällen per år')).toMatchObject({
      count: 4,
      per: 'year',
      unit: 'tillfällen'
    });
  });

  it('reads a grade list as well as a grade range and keeps the count per grade', () => {
    expect(parseTarget('Besöka årskurs 7, 8 och 9 en gång per år')).toMatchObject({
      count: 1,
      per: 'year',
      perUnit: { label: 'årskurs', values: ['7', '8', '9'] }
    });
  });

  it('takes the lower bound of a range such as "1-2 gånger" and ignores a year such as 2020', () => {
    expect(parseTarget('1-2 gånger per månad')).toMatchObject({ count: 1, per: 'month' });
    expect(parseTarget('Under 2020 minst 5 gånger per år')).toMatchObject({
      count: 5,
      per: 'year'
    });
  });

  it('does not read "juli" as jul, nor "nyårsafton" as a yearly count', () => {
    expect(parseTarget('Juli: 2 gånger per år')).toMatchObject({
      kind: 'count',
      count: 2,
      per: 'year'
    });
    expect(parseTarget('Nyårsafton')).toEqual({
      kind: 'occasions',
      text: 'Nyårsafton',
      occasions: ['nyar']
    });
  });
});

describe('parseTarget on weekday rules', () => {
  it('reads "alla fredags- och lördagskvällar" as one activity every Friday and Saturday', () => {
    expect(parseTarget('alla fredags- och lördagskvällar')).toEqual({
      kind: 'count',
      text: 'alla fredags- och lördagskvällar',
      count: 1,
      per: 'day',
      weekdays: [5, 6]
    });
  });

  it('keeps a count and restricts it to the named weekdays', () => {
    expect(parseTarget('Två gånger varje fredag')).toMatchObject({
      count: 2,
      per: 'day',
      weekdays: [5]
    });
    expect(parseTarget('2 gånger per månad på söndagar')).toMatchObject({
      count: 2,
      per: 'month',
      weekdays: [7]
    });
  });
});

describe('parseTarget on intervals, occasions and conditions', () => {
  it.each([
    ['Varannan vecka', 2, 'week'],
    ['Var tredje helg', 3, 'weekend'],
    ['var 3:e vecka', 3, 'week'],
    ['Varannan månad', 2, 'month'],
    ['Var fjärde dag', 4, 'day'],
    ['Varje helg', 1, 'weekend'],
    ['Alla helger', 1, 'weekend']
  ] as const)('reads "%s" as an interval of %i %s', (words, every, unit) => {
    expect(parseTarget(words)).toEqual({ kind: 'interval', text: words, every, unit });
  });

  it('reads named occasions into their keys', () => {
    expect(parseTarget('under valborg och midsommar')).toMatchObject({
      kind: 'occasions',
      occasions: ['valborg', 'midsommar']
    });
    expect(parseTarget('Vid skolavslutningen')).toMatchObject({ occasions: ['skolavslutning'] });
    expect(parseTarget('Studenten, julafton och nyårsafton')).toMatchObject({
      occasions: ['studenten', 'jul', 'nyar']
    });
    expect(parseTarget('Halloween')).toMatchObject({ occasions: ['halloween'] });
  });

  it('reads conditional offers as on demand', () => {
    expect(parseTarget('Om det uppkommer önskemål')).toEqual({
      kind: 'on-demand',
      text: 'Om det uppkommer önskemål'
    });
    expect(parseTarget('Föreläsning 1 gång per år om det finns önskemål')).toMatchObject({
      kind: 'on-demand'
    });
    expect(parseTarget('På begäran')).toMatchObject({ kind: 'on-demand' });
  });

  it('keeps an explicit floor even when the promise also says "vid behov"', () => {
    expect(parseTarget('Vid behov, dock minst 2 gånger per år')).toMatchObject({
      kind: 'count',
      count: 2,
      per: 'year'
    });
  });

  it('uses a configured quiet limit for continuous targets', () => {
    expect(parseTarget('Fortlöpande', { quietAfterDays: 60 })).toMatchObject({
      kind: 'continuous',
      quietAfterDays: 60
    });
  });
});

describe('parseTarget on what it cannot read', () => {
  it.each([
    'Polisen ska synas mer',
    'Genomföra en trygghetsvandring',
    'Kontroller per månad',
    '   '
  ])('keeps "%s" as an unparsed target with the original words', (words) => {
    expect(parseTarget(words)).toEqual({ kind: 'unparsed', text: words });
  });

  it.each([
    'år 9-6 en gång per år',
    'var 0:e helg',
    'minst 0 gånger per år',
    '////',
    'per per per i i om',
    'fredag',
    'x'.repeat(5000) + ' 2 gånger per år'
  ])('returns a target with the original words for odd input: "%s"', (words) => {
    const target = parseTarget(words);
    expect(target.text).toBe(words);
  });

  it('never throws, even when handed something that is not text', () => {
    expect(parseTarget(undefined as unknown as string)).toEqual({ kind: 'unparsed', text: '' });
  });
});

describe('parseTarget on school periods, quarters and half-years (issue 13, item 5)', () => {
  it.each([
    count('En gång i kvartalet', { count: 1, per: 'quarter' }),
    count('Kvartalsvis', { count: 1, per: 'quarter' }),
    count('två gånger per termin', { count: 2, per: 'term' }),
    count('Minst 3 besök per terminen', { count: 3, per: 'term', unit: 'besök' }),
    count('Terminsvis', { count: 1, per: 'term' }),
    count('1 gång per halvår', { count: 1, per: 'half-year' }),
    count('Halvårsvis', { count: 1, per: 'half-year' }),
    count('En föreläsning per läsår', { count: 1, per: 'school-year', unit: 'föreläsning' }),
    count('4 ggr/mån', { count: 4, per: 'month' }),
    count('6 ggr/år', { count: 6, per: 'year' }),
    count('2 st/vecka', { count: 2, per: 'week' }),
    count('1 gång/månad', { count: 1, per: 'month' }),
    count('Varje kväll', { count: 1, per: 'day' }),
    count('varje vardag', { count: 1, per: 'day', weekdays: [1, 2, 3, 4, 5] })
  ])('reads the frequency in "%s"', (words, expected) => {
    expect(parseTarget(words)).toEqual(expected);
  });

  it('reads "var fjortonde dag", "var 14:e dag" and ordinal words up to "trettionde"', () => {
    expect(parseTarget('var fjortonde dag')).toEqual({
      kind: 'interval',
      text: 'var fjortonde dag',
      every: 14,
      unit: 'day'
    });
    expect(parseTarget('Var 14:e dag')).toMatchObject({ kind: 'interval', every: 14, unit: 'day' });
    expect(parseTarget('var tjugoförsta dag')).toMatchObject({ every: 21 });
    expect(parseTarget('var trettionde dag')).toMatchObject({ every: 30, unit: 'day' });
    expect(parseTarget('var trettonde vecka')).toMatchObject({ every: 13, unit: 'week' });
  });

  it('keeps a range "1-2 gånger": followed up on the floor, the top kept for the words', () => {
    expect(parseTarget('1-2 gånger per termin')).toEqual({
      kind: 'count',
      text: '1-2 gånger per termin',
      count: 1,
      upTo: 2,
      per: 'term'
    });
    expect(parseTarget('2–4 kontroller per månad')).toMatchObject({
      count: 2,
      upTo: 4,
      unit: 'kontroller',
      per: 'month'
    });
  });

  it('reads "Fyra gånger per år, en per kvartal" as one a quarter, keeping the words', () => {
    const words = 'Fyra gånger per år, en per kvartal';
    expect(parseTarget(words)).toEqual({ kind: 'count', text: words, count: 1, per: 'quarter' });
    expect(parseTarget('12 kontroller per år, 1 per månad')).toMatchObject({
      count: 1,
      per: 'month',
      unit: 'kontroller'
    });
  });

  it('flags two frequencies that do not agree instead of choosing one', () => {
    const words = '4 gånger per år, 2 per kvartal';
    expect(parseTarget(words)).toEqual({
      kind: 'unparsed',
      text: words,
      reason: 'frequencies-disagree'
    });
  });

  it('reads "minst sex riktade insatser" with no period as six over the period', () => {
    expect(parseTarget('minst sex riktade insatser')).toEqual({
      kind: 'count',
      text: 'minst sex riktade insatser',
      count: 6,
      per: 'period',
      unit: 'riktade insatser'
    });
  });

  it('reads "fyra trygghetsvandringar" (a number and a plural noun, no period) as that many over the period', () => {
    expect(parseTarget('fyra trygghetsvandringar')).toEqual({
      kind: 'count',
      text: 'fyra trygghetsvandringar',
      count: 4,
      per: 'period',
      unit: 'trygghetsvandringar'
    });
    expect(parseTarget('Två insatser med fokus på trimmade mopeder')).toMatchObject({
      count: 2,
      per: 'period',
      unit: 'insatser'
    });
    expect(
      parseTarget('genomföra fyra trygghetsvandringar i olika delar av kommunen')
    ).toMatchObject({ count: 4, per: 'period' });
    expect(parseTarget('2 nya samverkansområden för Båtsamverkan')).toMatchObject({
      count: 2,
      per: 'period',
      unit: 'nya samverkansområden'
    });
    // A number saying where ("vid fem skolor") is not a count of activities.
    expect(parseTarget('Förbättra belysningen vid fem skolor').kind).toBe('unparsed');
    // One of a singular noun, or a number with no noun, is still not a promise.
    expect(parseTarget('en trygghetsvandring').kind).toBe('unparsed');
    expect(parseTarget('Polisen ska synas mer').kind).toBe('unparsed');
  });

  it('reads hours and minutes as logged time to sum, not as a count of activities', () => {
    expect(parseTarget('10 timmar per vecka')).toEqual({
      kind: 'count',
      text: '10 timmar per vecka',
      count: 10,
      per: 'week',
      unit: 'timmar',
      sum: 'hours'
    });
    expect(parseTarget('Minst 2 tim per månad')).toMatchObject({
      kind: 'count',
      count: 2,
      per: 'month',
      sum: 'hours'
    });
    expect(parseTarget('30 minuter varje dag')).toMatchObject({
      kind: 'count',
      count: 30,
      per: 'day',
      sum: 'minutes'
    });
  });

  it('follows a count per named school or class; unnamed ones are flagged, not guessed', () => {
    expect(parseTarget('1 gång per termin per skola (Norsjöskolan, Bastuträsk skola)')).toEqual({
      kind: 'count',
      text: '1 gång per termin per skola (Norsjöskolan, Bastuträsk skola)',
      count: 1,
      per: 'term',
      perUnit: { label: 'skola', values: ['Norsjöskolan', 'Bastuträsk skola'] }
    });
    expect(parseTarget('Besöka varje klass (6A, 6B och 7A) en gång per år')).toMatchObject({
      kind: 'count',
      count: 1,
      per: 'year',
      perUnit: { label: 'klass', values: ['6A', '6B', '7A'] }
    });
    expect(parseTarget('2 gånger per läsår per skola')).toEqual({
      kind: 'unparsed',
      text: '2 gånger per läsår per skola',
      reason: 'units-not-named'
    });
    expect(parseTarget('Besöka klasserna år 6-9 1 gång per år')).toMatchObject({
      perUnit: { label: 'årskurs', values: ['6', '7', '8', '9'] }
    });
  });
});

describe('parseTarget on windows, combined with every frequency (issue 13, item 4)', () => {
  const school = (period: string, text: string) => ({ kind: 'school', period, text });
  const months = (from: number, to: number, text: string) => ({ kind: 'months', from, to, text });

  it('reads "varje fredag under sommarlovet" as every Friday of the summer holiday only', () => {
    expect(parseTarget('varje fredag under sommarlovet')).toEqual({
      kind: 'count',
      text: 'varje fredag under sommarlovet',
      count: 1,
      per: 'day',
      weekdays: [5],
      window: school('sommarlov', 'under sommarlovet')
    });
  });

  it.each([
    ['Varannan helg under jullovet', 'jullov', 'under jullovet'],
    ['Två gånger under sportlovet', 'sportlov', 'under sportlovet'],
    ['Varje dag under höstlovet', 'hostlov', 'under höstlovet'],
    ['3 gånger per vecka under påsklovet', 'paasklov', 'under påsklovet'],
    ['1 gång per vecka under skolterminerna', 'terms', 'under skolterminerna'],
    ['Kontinuerligt under terminerna', 'terms', 'under terminerna'],
    ['Varje arbetspass på sommarlovet', 'sommarlov', 'på sommarlovet']
  ] as const)('reads the school window in "%s"', (words, period, text) => {
    const target = parseTarget(words);
    expect(target.kind).not.toBe('unparsed');
    expect(target).toMatchObject({ text: words, window: school(period, text) });
  });

  it('keeps the frequency beside the window', () => {
    expect(parseTarget('Två gånger under sportlovet')).toMatchObject({
      kind: 'count',
      count: 2,
      per: 'period'
    });
    expect(parseTarget('Varannan helg under jullovet')).toMatchObject({
      kind: 'interval',
      every: 2,
      unit: 'weekend'
    });
    expect(parseTarget('Kontinuerligt under terminerna')).toMatchObject({ kind: 'continuous' });
  });

  it.each([
    ['2 gånger per vecka juli och augusti', 7, 8, 'juli och augusti'],
    ['Varje helg maj–september', 5, 9, 'maj-september'],
    ['1 gång per månad från maj till september', 5, 9, 'från maj till september'],
    ['Var fjortonde dag under sommarhalvåret', 4, 9, 'under sommarhalvåret'],
    ['En gång i månaden under vinterhalvåret', 10, 3, 'under vinterhalvåret'],
    ['Varje fredag i juni, juli och augusti', 6, 8, 'i juni, juli och augusti'],
    ['3 kontroller per vecka i december', 12, 12, 'i december']
  ] as const)('reads the months in "%s"', (words, from, to, text) => {
    const target = parseTarget(words);
    expect(target.kind).not.toBe('unparsed');
    expect(target).toMatchObject({ window: months(from, to, text) });
  });

  it('does not read months that do not follow each other as a window, nor one of them', () => {
    expect(parseTarget('2 gånger per år, i maj och oktober')).toEqual({
      kind: 'unparsed',
      text: '2 gånger per år, i maj och oktober',
      reason: 'several-windows'
    });
    expect(parseTarget('En gång per år per klass: 6A, 6B')).toMatchObject({
      perUnit: { label: 'klass', values: ['6A', '6B'] }
    });
  });

  it('flags a window without a frequency and several windows, never widening to all year', () => {
    expect(parseTarget('Synas under sommarlovet')).toEqual({
      kind: 'unparsed',
      text: 'Synas under sommarlovet',
      reason: 'window-only'
    });
    expect(parseTarget('Varje helg under jullovet och sportlovet')).toEqual({
      kind: 'unparsed',
      text: 'Varje helg under jullovet och sportlovet',
      reason: 'several-windows'
    });
  });

  it('reads the four phrases of the issue as meant', () => {
    expect(parseTarget('varje fredag under sommarlovet')).toMatchObject({
      kind: 'count',
      weekdays: [5],
      window: { period: 'sommarlov' }
    });
    expect(parseTarget('två gånger per termin')).toMatchObject({ count: 2, per: 'term' });
    expect(parseTarget('var fjortonde dag')).toMatchObject({ every: 14, unit: 'day' });
    expect(parseTarget('minst sex riktade insatser')).toMatchObject({ count: 6, per: 'period' });
  });
});

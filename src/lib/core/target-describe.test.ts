import { describe, expect, it } from 'vitest';
import type { Target } from './target';
import { describeTarget } from './target-describe';
import { parseTarget } from './target-parser';

describe('describeTarget', () => {
  it.each([
    [
      'Minst 10 kontroller per månad',
      'minst 10 kontroller per månad',
      'at least 10 kontroller per month'
    ],
    ['Som minst 1 gång i månaden', 'minst 1 gång per månad', 'at least once per month'],
    ['2 gånger/år', 'minst 2 gånger per år', 'at least 2 times per year'],
    [
      'Vid minst 6 tillfällen',
      'minst 6 tillfällen under avtalsperioden',
      'at least 6 tillfällen during the agreement period'
    ],
    [
      'Besöka klasserna år 6-9 1 gång per år',
      'minst 1 gång per år för varje årskurs (6, 7, 8 och 9)',
      'at least once per year for each grade (6, 7, 8 and 9)'
    ],
    [
      'alla fredags- och lördagskvällar',
      'minst 1 gång varje fredag och lördag',
      'at least once every Friday and Saturday'
    ],
    [
      '2 gånger per månad på söndagar',
      'minst 2 gånger per månad, bara söndagar',
      'at least 2 times per month, only on Sundays'
    ],
    ['Var tredje helg', 'minst en gång var tredje helg', 'at least once every 3 weekends'],
    ['Varannan vecka', 'minst en gång varannan vecka', 'at least once every 2 weeks'],
    ['Varje helg', 'minst en gång varje helg', 'at least once every weekend'],
    ['Varje arbetspass', 'varje arbetspass', 'every shift'],
    [
      'Kontinuerligt',
      'löpande (minst en aktivitet var 90:e dag)',
      'continuously (at least one activity every 90 days)'
    ],
    ['Vid behov', 'vid behov', 'when needed'],
    ['Under riskhelger', 'varje riskhelg', 'every risk weekend'],
    [
      'Under valborg och midsommar',
      'vid valborg och midsommar',
      'at Walpurgis Night and Midsummer'
    ],
    ['Polisen ska synas mer', 'ej tolkat mål', 'target not interpreted'],
    [
      'varje fredag under sommarlovet',
      'minst 1 gång varje fredag under sommarlovet',
      'at least once every Friday during the summer holiday'
    ],
    ['två gånger per termin', 'minst 2 gånger per termin', 'at least 2 times per school term'],
    ['var fjortonde dag', 'minst en gång var fjortonde dag', 'at least once every 14 days'],
    [
      'minst sex riktade insatser',
      'minst 6 riktade insatser under avtalsperioden',
      'at least 6 riktade insatser during the agreement period'
    ],
    [
      '1-2 gånger per kvartal',
      'minst 1–2 gånger per kvartal (följs upp mot 1)',
      'at least 1–2 times per quarter (followed up against 1)'
    ],
    [
      'Varje helg maj–september',
      'minst en gång varje helg under maj–september',
      'at least once every weekend in May–September'
    ],
    [
      'Kontinuerligt under skolterminerna',
      'löpande (minst en aktivitet var 90:e dag) under skolterminerna',
      'continuously (at least one activity every 90 days) during school terms'
    ],
    [
      '10 timmar per vecka',
      'minst 10 timmar per vecka loggad tid',
      'at least 10 hours per week of logged time'
    ],
    [
      '30 minuter varje dag',
      'minst 30 minuter per dag loggad tid',
      'at least 30 minutes per day of logged time'
    ]
  ])('describes "%s" in plain Swedish and English', (words, sv, en) => {
    const target = parseTarget(words);
    expect(describeTarget(target, 'sv')).toBe(sv);
    expect(describeTarget(target, 'en')).toBe(en);
  });

  it('shows an occasion key it does not know as written', () => {
    const target: Target = { kind: 'occasions', text: 'Vid marknaden', occasions: ['marknad'] };
    expect(describeTarget(target, 'sv')).toBe('vid marknad');
  });
});

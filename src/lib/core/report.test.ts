import { describe, expect, it } from 'vitest';
import {
  reportPeriod,
  reportPeriodLabel,
  shortText,
  summariseReport,
  type ReportMeasure
} from './report';

const agreement = { start: '2019-03-01', end: '2022-12-31' };

const measure = (over: Partial<ReportMeasure>): ReportMeasure => ({
  key: 'k',
  title: 'Åtgärd',
  group: '',
  targetText: '',
  targetDescription: '',
  responsible: null,
  focusAreas: [],
  expected: null,
  done: 0,
  status: 'not-applicable',
  statusText: '',
  comment: '',
  ...over
});

describe('report periods', () => {
  it('gives a tertial, a year or the whole agreement, clipped to the agreement', () => {
    expect(reportPeriod('tertial', agreement, 2020, 2)).toEqual({
      start: '2020-05-01',
      end: '2020-08-31'
    });
    expect(reportPeriod('tertial', agreement, 2019, 1)).toEqual({
      start: '2019-03-01',
      end: '2019-04-30'
    });
    expect(reportPeriod('year', agreement, 2021)).toEqual({
      start: '2021-01-01',
      end: '2021-12-31'
    });
    expect(reportPeriod('agreement', agreement)).toEqual(agreement);
  });

  it('has no period outside the agreement or without its year or tertial', () => {
    expect(reportPeriod('year', agreement, 2023)).toBeNull();
    expect(reportPeriod('year', agreement)).toBeNull();
    expect(reportPeriod('tertial', agreement, 2020)).toBeNull();
  });

  it('names periods in plain Swedish', () => {
    expect(reportPeriodLabel('tertial', { start: '2020-09-01', end: '2020-12-31' })).toBe(
      'tertial 3 (september–december) 2020'
    );
    expect(reportPeriodLabel('year', { start: '2021-01-01', end: '2021-12-31' })).toBe('år 2021');
    expect(reportPeriodLabel('agreement', agreement)).toBe('hela avtalsperioden 2019–2022');
  });
});

describe('a report’s key figures', () => {
  it('counts kept of judged measures, done of expected where counted, and per focus area', () => {
    const s = summariseReport(
      [
        measure({ key: 'a', focusAreas: ['Trafik'], expected: 120, done: 114, status: 'missed' }),
        measure({
          key: 'b',
          focusAreas: ['Trafik', 'Trygghet'],
          expected: 6,
          done: 6,
          status: 'met'
        }),
        measure({ key: 'c', focusAreas: ['Trygghet'], done: 3, status: 'active' }),
        measure({ key: 'd', status: 'not-applicable' })
      ],
      ['Trafik', 'Trygghet', 'Narkotika'],
      'år 2021',
      (status) => status.toUpperCase()
    );
    expect(s).toMatchObject({ measures: 4, judged: 2, kept: 1, done: 120, expected: 126 });
    expect(s.headline).toBe('1 av 2 bedömda åtgärder höll målet under år 2021');
    expect(s.byFocusArea).toEqual([
      { title: 'Trafik', measures: 2, kept: 1, judged: 2, done: 120, expected: 126 },
      { title: 'Trygghet', measures: 2, kept: 1, judged: 1, done: 6, expected: 6 }
    ]);
    expect(s.byStatus.find((b) => b.status === 'met')).toEqual({
      status: 'met',
      label: 'MET',
      count: 1
    });
  });

  it('has a headline even when nothing could be judged', () => {
    expect(summariseReport([], [], 'år 2021', String).headline).toBe(
      'Så gick arbetet med medborgarlöftena under år 2021'
    );
  });
});

describe('short texts for lists and feeds', () => {
  it('keeps short texts and cuts long ones at a word', () => {
    expect(shortText('  Kort   text. ')).toBe('Kort text.');
    expect(shortText('Ett två tre fyra fem sex', 12)).toBe('Ett två…');
  });
});

import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, municipalityOfficialName } from './sweden';

describe('municipalityOfficialName', () => {
  it.each([
    ['Norsjö', 'Norsjö kommun'],
    ['Lund', 'Lunds kommun'],
    ['Alingsås', 'Alingsås kommun'],
    ['Kalix', 'Kalix kommun'],
    ['Upplands Väsby', 'Upplands Väsby kommun'],
    ['Stockholm', 'Stockholms stad'],
    ['Borås', 'Borås stad'],
    ['Malmö', 'Malmö stad'],
    ['Falun', 'Falu kommun'],
    ['Gotland', 'Region Gotland'],
    ['Skellefteå', 'Skellefteå kommun']
  ])('names %s as %s', (name, official) => {
    expect(municipalityOfficialName(name)).toBe(official);
  });

  it('names every municipality in the reference list', () => {
    for (const m of MUNICIPALITIES)
      expect(municipalityOfficialName(m.name)).toMatch(/ (kommun|stad)$|^Region /);
  });
});

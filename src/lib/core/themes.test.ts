import { describe, expect, it } from 'vitest';
import { DEFAULT_THEMES, keywordMatches, parseKeywords, suggestThemes, wordsOf } from './themes';

const keys = (text: string) => suggestThemes(text, DEFAULT_THEMES).map((s) => s.key);

describe('theme suggestions from Swedish keywords and stems', () => {
  it('matches exact words, stems and parts of compound words', () => {
    expect(keywordMatches('knark', 'knark')).toBe(true);
    expect(keywordMatches('knark', 'knarket')).toBe(false);
    expect(keywordMatches('narkotika*', 'narkotikahandeln')).toBe(true);
    expect(keywordMatches('*inbrott*', 'bilinbrotten')).toBe(true);
    expect(keywordMatches('*', 'allt')).toBe(false);
  });

  it('suggests narcotics from "knark", "narkotika…" and "langning"', () => {
    expect(keys('Det säljs knark vid skolan')).toContain('narkotika');
    expect(keys('Narkotikahandeln har ökat')).toEqual(['narkotika']);
    expect(suggestThemes('Langning av sprit och droger', DEFAULT_THEMES)).toEqual([
      { key: 'narkotika', words: ['langning', 'droger'] },
      { key: 'alkohol', words: ['sprit'] }
    ]);
  });

  it('suggests traffic from fortkörning, fort, mopeder and epa', () => {
    expect(keys('Fortkörning på Storgatan')).toEqual(['trafik']);
    expect(keys('EPA-traktorer och mopeder kör för fort')).toEqual(['trafik']);
  });

  it('suggests several themes and none for an answer about something else', () => {
    expect(keys('Mörkt i centrum och ungdomsgäng som klottrar')).toEqual([
      'skadegorelse',
      'ungdomar',
      'belysning-miljo'
    ]);
    expect(keys('Bra kommun att bo i')).toEqual([]);
  });

  it('reads words in lower case with Swedish letters and inner hyphens', () => {
    expect(wordsOf('Ökad POLISNÄRVARO, epa-traktorer!')).toEqual([
      'ökad',
      'polisnärvaro',
      'epa-traktorer'
    ]);
  });

  it('parses keywords written per line or with commas', () => {
    expect(parseKeywords('Knark*, langning\n\nlangning; x')).toEqual(['knark*', 'langning']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

/** What the CLI printed, line by line. */
let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
});
afterEach(() => vi.restoreAllMocks());

describe('loften import', () => {
  it('prints a readable summary with what to review', async () => {
    expect(await main(['import', 'data/reference/norsjo-medborgarloften-2019.txt'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Kommun: Norsjö (2417)');
    expect(text).toContain('Åtgärder: 14 i 6 grupper, 14 med tolkat mål');
    expect(text).toMatch(/Att granska \(1\):\n {2}rad 19: Perioden står på två sätt/);
  });

  it('reads a löfte with a "Fokusområden" list and sections named after the areas', async () => {
    expect(await main(['import', 'test/fixtures/loften/umea-2026.txt'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Fokusområden: 2. Åtgärder: 7 i 2 grupper, 6 med tolkat mål.');
    expect(text).toMatch(/Att granska \(1\):\n {2}rad 13: Målet "under 2026" kunde inte tolkas/);
  });

  it('prints the results of a follow-up section apart from the measures, and a measure’s doubt', async () => {
    expect(await main(['import', 'test/fixtures/import-corpus/goteborg-centrum-2018.txt'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Åtgärder: 3 i 1 grupper');
    expect(text).toContain('Redovisade resultat (3, blir inga åtgärder):');
    expect(text).toContain(
      'rad 18: Elva riktade narkotikainsatser → Minst sex riktade insatser mot narkotika'
    );
    expect(text).toMatch(/– Vara synlig i vardagen .* \(säkerhet 80 %\)/);
  });

  it('prints the draft as JSON with --json', async () => {
    expect(await main(['import', 'test/fixtures/loften/gavle-2023.txt', '--json'])).toBe(0);
    const draft = JSON.parse(out.join('\n'));
    expect(draft.municipality.code).toBe('2180');
    expect(draft.groups).toHaveLength(3);
  });

  it.each([
    ['a missing file', '/tmp/finns-inte-loefte.txt', /^Fel: file: Filen .* finns inte\.$/],
    [
      'a file that is not a löfte',
      'package.json',
      /^Fel: file: Texten ser inte ut som ett medborgarlöfte/
    ]
  ])('exits 1 with one line for %s', async (_, path, message) => {
    expect(await main(['import', path])).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });
});

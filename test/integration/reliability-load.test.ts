import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/reliability/load-run';
import { DATABASES } from '../support/databases';
import { testServerKind } from '../support/http';

/**
 * The small version of `npm run load` (issue 15, item 6): 20 survey answerers going through the
 * form and 5 reporters logging through the API for 3 s against the app (the build when current, else vite dev) on a fresh
 * database; every request answered as expected, every acknowledged answer and activity stored,
 * and `loften audit verify` passing. docs/RELIABILITY.md has the full-size figures.
 */
describe.each(DATABASES)('load, small, on $kind', ({ kind }) => {
  it('answers every request and loses no acknowledged write', async () => {
    const r = await runLoad({
      answerers: 20,
      reporters: 5,
      seconds: 3,
      servers: 1,
      database: kind,
      server: testServerKind(),
      audit: 'here'
    });
    const kinds = Object.fromEntries(r.kinds.map((k) => [k.kind, k]));
    expect(r.samples).toEqual({});
    expect(r.errors).toBe(0);
    // Both kinds of client did real work, and each request kind was answered as expected.
    expect(kinds['survey answer POST']!.ok).toBeGreaterThan(0);
    expect(kinds['activity POST']!.ok).toBeGreaterThan(0);
    for (const k of r.kinds) expect(k.ok, k.kind).toBe(k.requests);
    // Every answer the server thanked for is stored, and nothing else was.
    expect(r.answers.acknowledged).toBe(kinds['survey answer POST']!.ok);
    expect(r.answers.stored).toBe(r.answers.acknowledged);
    // Every acknowledged activity is there by its id, once; no row is unaccounted for.
    expect(r.activities.acknowledged).toBe(kinds['activity POST']!.ok);
    expect(r.activities.found).toBe(r.activities.acknowledged);
    expect(r.activities.unexplained).toBe(0);
    expect(r.audit.output).toContain('Granskningsloggen stämmer');
    expect(r.audit.ok).toBe(true);
    expect(r.ok).toBe(true);
  }, 180_000);
});

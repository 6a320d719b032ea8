import { describe, expect, it } from 'vitest';
import { runCrash } from '../../scripts/reliability/crash-run';
import { DATABASES } from '../support/databases';
import { testServerKind } from '../support/http';

/**
 * The small version of `npm run crash` (issue 15, item 6): 8 writers log activities through the
 * API, the app is killed with SIGKILL in the middle, restarted on the same database; every
 * acknowledged activity is there, the requests the kill cut off are acknowledged when sent again
 * with their idempotency keys (and stored once), and `loften audit verify` passes.
 */
describe.each(DATABASES)('crash, small, on $kind', ({ kind }) => {
  it('keeps every acknowledged write through a kill -9', async () => {
    const r = await runCrash({
      database: kind,
      rounds: 1,
      writers: 8,
      maxSeconds: 2,
      server: testServerKind(),
      audit: 'here'
    });
    const [round] = r.rounds;
    expect(round!.acknowledgedInRound).toBeGreaterThan(0);
    expect(round!.lost).toBe(0);
    expect(round!.found).toBe(round!.acknowledgedInRound);
    // The kill cut requests off; sent again with their keys, each was acknowledged.
    expect(round!.retriedAcknowledged).toBe(round!.retried);
    expect(r.acknowledged).toBe(round!.acknowledgedInRound + round!.retriedAcknowledged);
    expect(r.lost).toBe(0);
    expect(r.unexplained).toBe(0);
    expect(r.errors).toEqual({});
    expect(r.audit.output).toContain('Granskningsloggen stämmer');
    expect(r.audit.ok).toBe(true);
    expect(r.ok).toBe(true);
  }, 180_000);
});

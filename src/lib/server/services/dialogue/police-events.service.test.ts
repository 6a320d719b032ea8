import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { SYSTEM } from '../../auth/policy';
import { loadConfig } from '../../config';
import type { Ctx } from '../../context';
import { recentImports } from '../../db/repositories/dialogue/statistics.repository';
import { runDueJobs } from '../../jobs/runner';
import { policeEventsJob } from '../../jobs/police-events.job';
import {
  eventCounts,
  eventInstant,
  importPoliceEvents,
  MAX_CALLS_PER_HOUR,
  MIN_INTERVAL_MS,
  pollPoliceEvents
} from './police-events.service';

const feed = readFileSync('test/fixtures/polisen-events.json', 'utf8');

/** A stand-in for polisen.se/api/events that records when (by the test's clock) and how it was called. */
async function fakeFeed(clock: TestClock) {
  const calls: { at: number; userAgent: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    calls.push({ at: clock.now().getTime(), userAgent: req.headers['user-agent'] });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(feed);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events`;
  return { calls, url, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

it('is off unless configured, and needs a contact when switched on', () => {
  expect(loadConfig({}).policeEvents).toEqual({
    enabled: false,
    url: 'https://polisen.se/api/events',
    intervalSeconds: 300,
    contact: null
  });
  expect(() => loadConfig({ POLICE_EVENTS_POLL: 'true' })).toThrow(/POLICE_EVENTS_CONTACT/);
  expect(() => loadConfig({ POLICE_EVENTS_INTERVAL_SECONDS: '5' })).toThrow(
    /POLICE_EVENTS_INTERVAL_SECONDS/
  );
});

it('reads the feed’s date form as an instant in UTC', () => {
  expect(eventInstant('2026-11-26 21:14:33 +01:00')).toBe('2026-11-26T20:14:33.000Z');
  expect(eventInstant('2026-07-01 9:05:00 +02:00')).toBe('2026-07-01T07:05:00.000Z');
  expect(eventInstant('igår')).toBeNull();
});

describe.each(DATABASES)('police events on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let server: Awaited<ReturnType<typeof fakeFeed>>;
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    server = await fakeFeed(clock);
    ctx = {
      ...ctx,
      config: {
        ...ctx.config,
        policeEvents: {
          enabled: false,
          url: server.url,
          intervalSeconds: 10,
          contact: 'it@norsjo.se'
        }
      }
    };
  });
  afterAll(async () => {
    await server.close();
    await close();
  });

  it('imports a saved feed by source id, so importing it again adds nothing', async () => {
    const first = await importPoliceEvents(ctx, SYSTEM, { name: 'events.json', text: feed });
    expect(first).toMatchObject({ read: 4, added: 3, updated: 0, skipped: 1 });
    clock.advance(1000);
    expect(
      await importPoliceEvents(ctx, SYSTEM, { name: 'events.json', text: feed })
    ).toMatchObject({ added: 0, updated: 0 });
    expect(
      await eventCounts(ctx, 'Norsjö', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')
    ).toEqual([
      { type: 'Inbrott', count: 1 },
      { type: 'Rattfylleri', count: 1 }
    ]);
  });

  it('is off by default and makes no call', async () => {
    expect(await pollPoliceEvents(ctx)).toEqual({ status: 'off' });
    expect(await runDueJobs(ctx, 'server-a', [policeEventsJob])).toEqual([]);
    expect(server.calls).toHaveLength(0);
  });

  it('keeps 10 s between calls and at most 60 in any hour, naming Löften and a contact', async () => {
    const on = {
      ...ctx,
      config: { ...ctx.config, policeEvents: { ...ctx.config.policeEvents, enabled: true } }
    };
    const start = clock.now().getTime();
    // Two hours of attempts every 4 seconds, two "servers" at each moment.
    for (let t = 0; t < 7200; t += 4) {
      const [a, b] = await Promise.all([pollPoliceEvents(on), pollPoliceEvents(on)]);
      expect([a.status, b.status].filter((s) => s === 'ok').length).toBeLessThanOrEqual(1);
      clock.advance(4000);
    }
    const times = server.calls.map((c) => c.at - start);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
    for (const t of times)
      expect(times.filter((u) => u >= t && u < t + 3_600_000).length).toBeLessThanOrEqual(
        MAX_CALLS_PER_HOUR
      );
    // The cap is reached, then calls resume an hour after the first.
    expect(times.filter((t) => t < 3_600_000)).toHaveLength(60);
    expect(times[60]).toBeGreaterThanOrEqual(3_600_000);
    expect(server.calls[0]!.userAgent).toBe('Loften/1.0 (Loften, medborgarloften; +it@norsjo.se)');
    const polls = (await recentImports(ctx.db, 'police-events', 500)).filter(
      (i) => i.origin === 'poll'
    );
    expect(polls).toHaveLength(server.calls.length);
    expect(polls.every((p) => p.status === 'ok')).toBe(true);
  });

  it('runs as a job on one server at a time and records a failed call', async () => {
    const on = {
      ...ctx,
      config: { ...ctx.config, policeEvents: { ...ctx.config.policeEvents, enabled: true } }
    };
    clock.advance(3_600_000);
    const before = server.calls.length;
    const failing = await pollPoliceEvents(on, {
      fetch: async () => new Response('nej', { status: 503 })
    });
    expect(failing).toMatchObject({ status: 'failed', message: 'HTTP 503' });
    expect((await recentImports(ctx.db, 'police-events', 1))[0]).toMatchObject({
      status: 'failed',
      message: 'HTTP 503'
    });
    clock.advance(MIN_INTERVAL_MS);
    const ran = await Promise.all([
      runDueJobs(on, 'server-a', [policeEventsJob]),
      runDueJobs(on, 'server-b', [policeEventsJob])
    ]);
    expect(ran.flat()).toEqual(['police-events']);
    expect(server.calls.length - before).toBe(1);
  });
});

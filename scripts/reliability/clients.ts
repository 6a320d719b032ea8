/**
 * The simulated people: a survey answerer goes through the form as a browser without JavaScript
 * does (GET the form, POST what it holds with one answer per question, follow the redirect to the
 * thank-you page); a reporter logs activities through the API with its token and an idempotency
 * key. Every request is timed and its outcome counted by kind; what the server acknowledged is
 * kept so the database can be checked afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { LoggableMeasure } from './fixtures';

/** Outcomes and latencies of one kind of request. */
export type KindStats = {
  requests: number;
  ok: number;
  /** Unexpected answers by status ("500", "400") or failure ("timeout", "network"). */
  errors: Record<string, number>;
  latencies: number[];
};

export type Recorder = {
  kinds: Map<string, KindStats>;
  /** One error's detail per kind and status, to show what went wrong. */
  samples: Map<string, string>;
  time: <T>(kind: string, run: () => Promise<T>) => Promise<T | null>;
  fail: (kind: string, what: string, detail?: string) => void;
};

export function recorder(): Recorder {
  const kinds = new Map<string, KindStats>();
  const samples = new Map<string, string>();
  const of = (kind: string) => {
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { requests: 0, ok: 0, errors: {}, latencies: [] }));
    return k;
  };
  const fail = (kind: string, what: string, detail = '') => {
    const k = of(kind);
    k.errors[what] = (k.errors[what] ?? 0) + 1;
    if (!samples.has(`${kind} ${what}`)) samples.set(`${kind} ${what}`, detail.slice(0, 300));
  };
  return {
    kinds,
    samples,
    fail,
    // Times a request; a thrown error (time-out, refused connection) is counted and gives null.
    time: async (kind, run) => {
      const k = of(kind);
      k.requests++;
      const t = performance.now();
      try {
        const v = await run();
        k.latencies.push(performance.now() - t);
        return v;
      } catch (e) {
        k.latencies.push(performance.now() - t);
        const name = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network';
        fail(kind, name, String((e as Error).cause ?? e));
        return null;
      }
    }
  };
}

/** The q-th quantile of a list of numbers (nearest rank), 0 for an empty list. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const TIMEOUT_MS = 30_000;

/** A browser's cookie jar, reduced to what these pages set. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take: (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const pair = line.split(';')[0] ?? '';
        const eq = pair.indexOf('=');
        if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
    }
  };
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? null;

/**
 * The fields a person sends back from the rendered survey form: every hidden field and text box
 * as rendered (the honeypot stays empty), one option of each radio group, one box of each
 * check-box group, and now and then a free-text answer.
 */
export function fillSurveyForm(html: string, rnd: () => number = Math.random): URLSearchParams {
  const form = /<form id="enkat"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error('no survey form in the page');
  const body = new URLSearchParams();
  const groups = new Map<string, string[]>();
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    if (type === 'radio' || type === 'checkbox') {
      const list = groups.get(name) ?? [];
      list.push(attr(tag, 'value') ?? 'on');
      groups.set(name, list);
    } else body.append(name, attr(tag, 'value') ?? '');
  }
  for (const [name, values] of groups)
    body.append(name, values[Math.floor(rnd() * values.length)]!);
  for (const tag of form.match(/<textarea\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    if (name && rnd() < 0.3) body.append(name, 'Bättre belysning vid busshållplatsen, tack.');
  }
  return body;
}

/** One answerer: answers the survey again and again, as new people of its class, until `until`. */
export async function runAnswerer(
  rec: Recorder,
  base: string,
  surveyId: string,
  classCode: string,
  until: number,
  acknowledged: { count: number }
): Promise<void> {
  const formPath = `/enkat/${surveyId}?klasskod=${encodeURIComponent(classCode)}`;
  const thanks = `/enkat/${surveyId}/tack`;
  while (Date.now() < until) {
    const cookies = jar();
    const page = await rec.time('survey form GET', async () => {
      const res = await fetch(base + formPath, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      cookies.take(res);
      return { status: res.status, text: await res.text() };
    });
    if (!page) continue;
    if (page.status !== 200) {
      rec.fail('survey form GET', String(page.status), page.text);
      continue;
    }
    rec.kinds.get('survey form GET')!.ok++;
    const sent = await rec.time('survey answer POST', async () => {
      const res = await fetch(base + `/enkat/${surveyId}`, {
        method: 'POST',
        body: fillSurveyForm(page.text),
        redirect: 'manual',
        headers: {
          origin: base,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: cookies.header()
        },
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
      return { status: res.status, location: res.headers.get('location'), text: await res.text() };
    });
    if (!sent) continue;
    if (sent.status !== 303 || sent.location !== thanks) {
      rec.fail('survey answer POST', String(sent.status), sent.text);
      continue;
    }
    acknowledged.count++;
    rec.kinds.get('survey answer POST')!.ok++;
    const done = await rec.time('thank-you page GET', async () => {
      const res = await fetch(base + thanks, {
        headers: { cookie: cookies.header() },
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
      await res.arrayBuffer();
      return res.status;
    });
    if (done === 200) rec.kinds.get('thank-you page GET')!.ok++;
    else if (done !== null) rec.fail('thank-you page GET', String(done));
  }
}

/** What a reporter's server said about each activity it sent. */
export type ReporterLedger = {
  /** idempotency key → activity id, for every 201 or 200. */
  acknowledged: Map<string, string>;
  /** Keys sent without an answer (time-out, connection reset): stored or not, unknown yet. */
  inDoubt: Set<string>;
};

export const newLedger = (): ReporterLedger => ({ acknowledged: new Map(), inDoubt: new Set() });

/** A random activity of 2022 (Norsjö's agreement period) for one of the measures. */
export function activityBody(measures: LoggableMeasure[], key: string, rnd = Math.random) {
  const m = measures[Math.floor(rnd() * measures.length)]!;
  const date = new Date(Date.UTC(2022, 0, 1) + Math.floor(rnd() * 365) * 86_400_000);
  return {
    measureId: m.id,
    date: date.toISOString().slice(0, 10),
    count: 1 + Math.floor(rnd() * 3),
    place: 'Centrum',
    ...m.extra,
    idempotencyKey: key
  };
}

/** Sends one activity; true when the server acknowledged it (201, or 200 for a known key). */
export async function sendActivity(
  rec: Recorder,
  base: string,
  token: string,
  body: Record<string, unknown> & { idempotencyKey: string },
  ledger: ReporterLedger,
  kind = 'activity POST'
): Promise<boolean> {
  ledger.inDoubt.add(body.idempotencyKey);
  const r = await rec.time(kind, async () => {
    const res = await fetch(`${base}/api/v1/activities`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json'
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
    return { status: res.status, text: await res.text() };
  });
  if (!r) return false;
  ledger.inDoubt.delete(body.idempotencyKey);
  if (r.status !== 201 && r.status !== 200) {
    rec.fail(kind, String(r.status), r.text);
    return false;
  }
  const id = (JSON.parse(r.text) as { id?: string }).id;
  if (!id) {
    rec.fail(kind, 'no id', r.text);
    return false;
  }
  rec.kinds.get(kind)!.ok++;
  ledger.acknowledged.set(body.idempotencyKey, id);
  return true;
}

/** One reporter: logs activities one after the other until `until`. */
export async function runReporter(
  rec: Recorder,
  base: string,
  token: string,
  measures: LoggableMeasure[],
  until: number,
  ledger: ReporterLedger
): Promise<void> {
  const prefix = `load-${randomBytes(6).toString('hex')}`;
  for (let n = 1; Date.now() < until; n++)
    await sendActivity(rec, base, token, activityBody(measures, `${prefix}-${n}`), ledger);
}

/**
 * A reference in the same run: one client fetching a static file of the same server in a loop.
 * When even this is slow, the server (or the machine) is short of CPU, not waiting on the database.
 */
export async function runStaticProbe(rec: Recorder, base: string, until: number): Promise<void> {
  const kind = 'static file GET (reference)';
  while (Date.now() < until) {
    const status = await rec.time(kind, async () => {
      const res = await fetch(`${base}/favicon.svg`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      await res.arrayBuffer();
      return res.status;
    });
    if (status === 200) rec.kinds.get(kind)!.ok++;
    else if (status !== null) rec.fail(kind, String(status));
  }
}

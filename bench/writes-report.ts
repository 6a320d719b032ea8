/** The writes case's figures, its table and its rows in the one benchmark report (bench/writes.ts). */
import type { Dialect } from '../scripts/reliability/harness';
import { addRow } from './report';
import { fmtInt, fmtMb, fmtMs } from './stats';

export const REPORTER_CONNECTIONS = 50;
export const ANSWER_CONNECTIONS = 200;

/** One load's figures. */
export type WriteLoad = {
  what: string;
  connections: number;
  seconds: number;
  /** Acknowledged requests per second (201/200, or 303 to the thank-you page). */
  perSecond: number;
  acknowledged: number;
  /** Any other answer, connection error or time-out. */
  errors: number;
  /** The other answers by status, e.g. { "500": 2 }. */
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  /** Load average (1 min) when the load started. */
  loadAverage: number;
};

/** One engine's figures and checks. */
export type WritesResult = {
  engine: Dialect;
  activities: WriteLoad;
  answers: WriteLoad;
  /** The activity load once more, after the answers (memory must not grow with it). */
  again: WriteLoad;
  reference: WriteLoad;
  /**
   * The server's resident memory (bytes) after the warm-up, after the activity load, after the
   * answer load, and after the same activity load again: flat when the repeat adds (almost)
   * nothing, i.e. the loads leave no memory behind that grows with each.
   */
  memory: {
    warm: number;
    activities: number;
    answers: number;
    again: number;
    /** After the loads, once the server has idled `idleSeconds` (V8 gives its grown heap back). */
    idle: number;
    idleSeconds: number;
  };
  /** Acknowledged activities not in the database, answers thanked for and not stored (both 0). */
  lost: { activities: number; answers: number };
  audit: { ok: boolean; output: string };
  /**
   * Audit entries alone, 50 writers in this process on one connection pool, same run: each in
   * its own transaction chained directly (the head row held to commit, as before migration 0029)
   * and written to wait then sealed in batches (auditedChange).
   */
  chained: { direct: number; batched: number; loadAverage: number };
};

export const line = (r: WriteLoad) =>
  `  ${r.what}, ${r.connections} connections, ${r.seconds} s: ${fmtInt(r.perSecond)}/s, p50 ${fmtMs(r.p50)}, p99 ${fmtMs(r.p99)}, ${r.errors} errors${r.errors ? ` ${JSON.stringify(r.statuses)}` : ''} (load average ${r.loadAverage.toFixed(2)})`;

/** The Markdown table of the writes case. */
export function writesTable(results: WritesResult[]): string {
  if (!results.length) return '';
  const rows = results.flatMap((r) => [
    ...[r.activities, r.answers, r.reference, r.again].map(
      (l) =>
        `| ${r.engine} | ${l.what} | ${l.connections} | ${fmtInt(l.perSecond)} | ${fmtMs(l.p50)} | ${fmtMs(l.p99)} | ${l.errors} | ${l.loadAverage.toFixed(2)} |`
    ),
    `| ${r.engine} | audit entries alone, in-process: direct chaining / batched sealing | ${REPORTER_CONNECTIONS} | ${fmtInt(r.chained.direct)} / ${fmtInt(r.chained.batched)} | | | | ${r.chained.loadAverage.toFixed(2)} |`,
    `| ${r.engine} | server RSS: warm-up → activities → answers → activities again → idle | | ${fmtMb(r.memory.warm)} → ${fmtMb(r.memory.activities)} → ${fmtMb(r.memory.answers)} → ${fmtMb(r.memory.again)} → ${fmtMb(r.memory.idle)} (${r.memory.idleSeconds} s) | | | | |`,
    `| ${r.engine} | checks | | activities lost ${r.lost.activities}, answers lost ${r.lost.answers}, audit verify ${r.audit.ok ? 'passes' : 'FAILS'} | | | | |`
  ]);
  return [
    '| engine | writes | connections | per second (goal ≥ 1,000) | p50 | p99 | errors | load avg |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n');
}

/** The case's rows in the one benchmark report (bench/report.ts). */
export function report(r: WritesResult): void {
  const against = `${fmtInt(r.reference.perSecond)} health checks/s on the same server, same run`;
  const note = (l: WriteLoad) =>
    `p50 ${fmtMs(l.p50)}, p99 ${fmtMs(l.p99)}, ${l.errors} errors; ${(l.perSecond / r.reference.perSecond).toFixed(2)} × the health check (${against})`;
  for (const [figure, l] of [
    [`activity writes over HTTP with a token, ${REPORTER_CONNECTIONS} clients`, r.activities],
    [`survey answers over HTTP (form), ${ANSWER_CONNECTIONS} clients`, r.answers]
  ] as const)
    addRow({
      case: 'writes',
      engine: r.engine,
      figure,
      value: l.perSecond,
      unit: 'writes/s',
      limit: 1000,
      limitKind: 'min',
      against: 'issue 15: at least 1,000 a second',
      note: note(l)
    });
  addRow({
    case: 'writes',
    engine: r.engine,
    figure: `health check over HTTP (one SQL round trip), ${REPORTER_CONNECTIONS} clients`,
    value: r.reference.perSecond,
    unit: 'req/s',
    limit: null,
    limitKind: 'min',
    note: `p50 ${fmtMs(r.reference.p50)}, p99 ${fmtMs(r.reference.p99)}`
  });
  addRow({
    case: 'writes',
    engine: r.engine,
    figure: `audit entries alone, ${REPORTER_CONNECTIONS} writers, batched sealing ÷ direct chaining`,
    value: r.chained.batched / r.chained.direct,
    unit: '×',
    // The head row serialises writers on PostgreSQL only: SQLite has one writer either way, so
    // there the figure is a reference (batching costs a little there and buys nothing).
    limit: r.engine === 'postgresql' ? 1 : null,
    limitKind: 'min',
    against: 'the head row held to commit (before migration 0029), same run',
    note: `${fmtInt(r.chained.batched)}/s batched, ${fmtInt(r.chained.direct)}/s direct${r.engine === 'postgresql' ? '' : '; one writer on SQLite'}`
  });
  addRow({
    case: 'writes',
    engine: r.engine,
    figure: 'server memory after the same activity load again ÷ after the first loads',
    value: r.memory.again / r.memory.answers,
    unit: '×',
    limit: 1.1,
    limitKind: 'max',
    against: 'RSS after the activity and answer loads, same server',
    note: `RSS ${fmtMb(r.memory.warm)} warm → ${fmtMb(r.memory.activities)} → ${fmtMb(r.memory.answers)} → ${fmtMb(r.memory.again)}`
  });
  addRow({
    case: 'writes',
    engine: r.engine,
    figure: 'server memory after the loads and an idle spell ÷ after the warm-up',
    value: r.memory.idle / r.memory.warm,
    unit: '×',
    limit: 1.1,
    limitKind: 'max',
    against: 'RSS after the warm-up, same server',
    note: `RSS ${fmtMb(r.memory.again)} after the loads → ${fmtMb(r.memory.idle)} after ${r.memory.idleSeconds} s idle (warm ${fmtMb(r.memory.warm)})`
  });
  addRow({
    case: 'writes',
    engine: r.engine,
    figure: 'acknowledged writes lost; loften audit verify',
    value: r.lost.activities + r.lost.answers,
    unit: 'lost',
    limit: 0,
    limitKind: 'max',
    pass: r.lost.activities + r.lost.answers === 0 && r.audit.ok,
    note: `audit verify ${r.audit.ok ? 'passes' : 'fails'}`
  });
}

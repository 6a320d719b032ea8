import type { Ctx } from '../../context';
import { localChanges } from '../shared/local-changes';
import { auditSequence } from '../../db/repositories/publication/public-event.repository';
import {
  agreementEntities,
  agreementsOf,
  auditChangesBetween,
  latestCheckpointMark,
  municipalitiesOf,
  municipalitiesOfAgreements,
  municipalityEntities,
  organisationKinds
} from '../../db/repositories/publication/public-cache.repository';

/**
 * Which public pages a change touched, learned from the database alone, so that several app
 * servers on one database agree and none keeps state of its own that could go stale.
 *
 * Every change is written with an audit entry in its own transaction (the sequence moves). At
 * most every `intervalMs` a server reads the sequence (one row by primary key); when it moved,
 * it reads the entries since the last look and maps the rows they name to the municipalities
 * whose pages show them (an activity → its agreement → the municipalities it covers). Those
 * municipalities' versions move; other municipalities' cached pages stay valid. A change that
 * cannot be placed (an entity we do not map, a row already gone, too many entries at once)
 * moves every version. Changes that show on no public page (accounts, API keys, sign-in
 * providers, document imports, due-feeds) move nothing. Pages that are not one municipality's
 * (the front page, open data, the sitemap) move with any change. A request never sees
 * versions older than `intervalMs`: when they are older it waits for the one look in flight.
 * A change this process committed (shared/local-changes.ts) makes the next request look at once,
 * so whoever made a change sees it on the next page they open from the same server.
 */

/** Entities that never show on a public page. */
const INTERNAL = new Set(['user', 'api_token', 'oidc_provider', 'due_feed', 'document_import']);
/** Entities whose id starts with their municipality's organisation id (`<id>/<year>/<key>`). */
const MUNICIPALITY_PREFIXED = new Set(['risk_occasion', 'school_calendar']);
/** Entities whose rows lead to an agreement or a municipality (public-cache.repository.ts). */
const MAPPED = new Set([
  'agreement',
  'measure',
  'indicator',
  'walk_observation',
  'walk_tip',
  ...agreementEntities,
  ...municipalityEntities
]);
/** More entries than this since the last look: every version moves (no per-row mapping). */
export const MAX_MAPPED_CHANGES = 2000;

export type Change = {
  entity: string;
  entity_id: string;
  organisation_id: string | null;
};

/** The municipality codes some changes touch, or 'all' when they cannot be placed. */
export async function touchedMunicipalities(
  ctx: Pick<Ctx, 'db'>,
  changes: Change[]
): Promise<Set<string> | 'all'> {
  const byEntity = new Map<string, Set<string>>();
  const municipalityIds = new Set<string>();
  for (const c of changes) {
    if (INTERNAL.has(c.entity)) continue;
    if (MUNICIPALITY_PREFIXED.has(c.entity)) {
      municipalityIds.add(c.entity_id.split('/')[0]!);
      continue;
    }
    if (c.entity === 'survey_answer' || c.entity === 'organisation') {
      // A redacted answer is logged with its survey's municipality; an organisation is itself.
      municipalityIds.add(c.entity === 'organisation' ? c.entity_id : (c.organisation_id ?? ''));
      continue;
    }
    if (!MAPPED.has(c.entity)) return 'all';
    const ids = byEntity.get(c.entity) ?? new Set<string>();
    ids.add(c.entity_id);
    byEntity.set(c.entity, ids);
  }
  const agreementIds = new Set<string>();
  for (const [entity, idSet] of byEntity) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (municipalityEntities.includes(entity)) {
        const r = await municipalitiesOf(ctx.db, entity, chunk);
        if (r.found < chunk.length) return 'all';
        for (const m of r.municipalityIds) municipalityIds.add(m);
      } else {
        const r = await agreementsOf(ctx.db, entity, chunk);
        if (r.found < chunk.length) return 'all';
        for (const a of r.agreementIds) agreementIds.add(a);
      }
    }
  }
  for (const m of await municipalitiesOfAgreements(ctx.db, [...agreementIds]))
    municipalityIds.add(m);
  const orgs = await organisationKinds(ctx.db, [...municipalityIds]);
  if (orgs.length < municipalityIds.size) return 'all';
  // A police area or party changed (its name shows on every page it takes part in): all pages.
  if (orgs.some((o) => o.kind !== 'municipality' || !o.code)) return 'all';
  return new Set(orgs.map((o) => o.code!));
}

/** One database's change watch: the versions this server knows, and when it last looked. */
export class ChangeWatch {
  /** The audit sequence read last (-1 before the first look). */
  private seq = -1;
  /** The newest audit checkpoint seen (the footer of every page shows it). */
  private checkpoint = '';
  /** Moves when a change cannot be placed: every page. */
  private epoch = 0;
  /** Moves with every change: pages that are not one municipality's. */
  private total = 0;
  /** Per municipality code: the `total` at which it last changed. */
  private byMunicipality = new Map<string, number>();
  private checkedAt = -Infinity;
  /** This process's own committed changes when the last look began (shared/local-changes.ts). */
  private localSeen = -1;
  private looking: Promise<void> | null = null;
  /** How many looks found the sequence moved (for tests and the bench). */
  looks = 0;

  constructor(
    readonly intervalMs = 250,
    private readonly clock: () => number = () => performance.now(),
    /** This process's committed changes (another server's watch, in tests: none). */
    private readonly ownChanges: (db: object) => number = localChanges
  ) {}

  /**
   * The version of a municipality's pages (`code`), or of pages that show every municipality
   * (`null`). Costs nothing while the last look is younger than the interval.
   */
  async version(ctx: Pick<Ctx, 'db'>, code: string | null): Promise<string> {
    if (
      this.clock() - this.checkedAt >= this.intervalMs ||
      this.ownChanges(ctx.db) !== this.localSeen
    )
      await this.look(ctx);
    return code === null
      ? `${this.epoch}.${this.total}`
      : `${this.epoch}.${this.byMunicipality.get(code) ?? 0}`;
  }

  /** Looks now (one look at a time; concurrent callers share it). */
  look(ctx: Pick<Ctx, 'db'>): Promise<void> {
    this.looking ??= this.read(ctx).finally(() => {
      this.looking = null;
    });
    return this.looking;
  }

  private async read(ctx: Pick<Ctx, 'db'>): Promise<void> {
    const started = this.clock();
    const local = this.ownChanges(ctx.db);
    const [head, checkpoint] = await Promise.all([
      auditSequence(ctx.db),
      latestCheckpointMark(ctx.db)
    ]);
    if (this.seq === -1) {
      this.seq = head;
      this.checkpoint = checkpoint;
    } else {
      if (checkpoint !== this.checkpoint) this.moveAll();
      this.checkpoint = checkpoint;
      if (head !== this.seq) {
        this.looks++;
        const touched =
          head < this.seq
            ? 'all' // the database was restored or replaced
            : await this.placed(ctx, head);
        if (touched === 'all') this.moveAll();
        else {
          this.total++;
          for (const code of touched) this.byMunicipality.set(code, this.total);
        }
        this.seq = head;
      }
    }
    // Count the interval from when the look began: a change committed during it is seen next time.
    this.checkedAt = started;
    this.localSeen = local;
  }

  private async placed(ctx: Pick<Ctx, 'db'>, head: number): Promise<Set<string> | 'all'> {
    const changes = await auditChangesBetween(ctx.db, this.seq, head, MAX_MAPPED_CHANGES + 1);
    if (changes.length > MAX_MAPPED_CHANGES) return 'all';
    return touchedMunicipalities(ctx, changes);
  }

  private moveAll() {
    this.epoch++;
    this.total++;
    this.byMunicipality.clear();
  }
}

// One watch per database handle (tests open several databases in one process).
const watches = new WeakMap<object, ChangeWatch>();

/** The change watch of a context's database (its interval from PUBLIC_CACHE_LOOK_MS). */
export function changeWatch(ctx: Pick<Ctx, 'db' | 'config'>): ChangeWatch {
  let w = watches.get(ctx.db);
  if (!w) watches.set(ctx.db, (w = new ChangeWatch(ctx.config.publicCacheLookMs)));
  return w;
}

import { addDays } from '../../../core/dates';
import { maskPersonalData, type PersonalDataKind } from '../../../core/personal-data';
import { stockholmDate } from '../../../core/stockholm-date';
import { stockholmInstant } from '../../../core/stockholm-time';
import { WALK_KIND_SV } from '../../../core/walks';
import { changerId, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  contactsOf,
  contactThemesOf,
  findContactByKey,
  insertContact
} from '../../db/repositories/walks/contact.repository';
import { findWalk } from '../../db/repositories/walks/walk.repository';
import { agreementMunicipalityIds } from '../../db/repositories/agreements/agreement.repository';
import type { WalkContactTable, WalkTable } from '../../db/schema';
import { themeFrame, type FrameTheme } from '../dialogue/theme.service';
import { auditedChange } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { contactInput, ROUND_KINDS } from './walk.schema';
import { walkFor } from './walk-access';

/** A door-knocking or night-walking round (they log contacts; safety walks do not). */
export const isRound = (kind: string): boolean => (ROUND_KINDS as readonly string[]).includes(kind);

/** A theme as the contact pages show it. */
export type ContactTheme = { key: string; label: string };

/**
 * A contact as staff see it. What was said is masked (personal data replaced by marks such as
 * "[namn]") for everyone but editors of the agreement's parties; `masked` says which they got.
 */
export type ContactView = {
  id: string;
  contactedAt: string;
  /** The Swedish time of day, 'HH:MM'. */
  time: string;
  people: number;
  households: number | null;
  said: string;
  masked: boolean;
  /** The kinds of personal data found in what was said (editors only; empty for others). */
  personalData: PersonalDataKind[];
  themes: ContactTheme[];
};

/** Figures of a round: contacts, people and households reached, and contacts per theme. */
export type RoundSummary = {
  contacts: number;
  people: number;
  households: number;
  themes: (ContactTheme & { count: number })[];
};

const hhmm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit'
});

/** The agreement's theme frame (the same one its surveys and situational picture use). */
async function frameOfWalk(ctx: Ctx, walk: WalkTable): Promise<FrameTheme[]> {
  // The agreement's first municipality, as agreementScope (agreements) resolves it, in one query.
  const [municipalityId] = await agreementMunicipalityIds(ctx.db, walk.agreement_id);
  if (!municipalityId) throw new NotFoundError('Överenskommelsen har ingen kommun.');
  return themeFrame(ctx, { municipalityId, agreementId: walk.agreement_id });
}

const labelOf = (frame: FrameTheme[], key: string): ContactTheme => ({
  key,
  label: frame.find((t) => t.key === key)?.label ?? key
});

/**
 * The instant of a contact: the time of day on the round's day, or the next day for a time
 * before the start on a round that goes past midnight (night-walking); now when no time is given.
 */
export function contactInstant(walk: WalkTable, time: string | undefined, now: Date): string {
  if (!time) return now.toISOString();
  const [h, m] = time.split(':').map(Number) as [number, number];
  const start = new Date(walk.starts_at);
  const day = stockholmDate(start);
  const late = time < hhmm.format(start) && stockholmDate(new Date(walk.ends_at)) > day;
  const at = stockholmInstant(late ? addDays(day, 1) : day, h);
  return new Date(at.getTime() + m * 60_000).toISOString();
}

/** Summarises contact rows (theme keys as JSON text) in the frame's order, unknown keys last. */
export function summarise(
  rows: { themes: string; people: number; households?: number | null }[],
  frame: FrameTheme[]
): RoundSummary {
  const counts = new Map<string, number>();
  let people = 0;
  let households = 0;
  for (const r of rows) {
    people += Number(r.people);
    households += Number(r.households ?? 0);
    for (const key of new Set(JSON.parse(r.themes) as string[]))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = new Map(frame.map((t, i) => [t.key, i]));
  const themes = [...counts]
    .map(([key, count]) => ({ ...labelOf(frame, key), count }))
    .sort(
      (a, b) =>
        (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) ||
        a.key.localeCompare(b.key)
    );
  return { contacts: rows.length, people, households, themes };
}

function present(r: WalkContactTable, editable: boolean, frame: FrameTheme[]): ContactView {
  return {
    id: r.id,
    contactedAt: r.contacted_at,
    time: hhmm.format(new Date(r.contacted_at)),
    people: Number(r.people),
    households: r.households === null ? null : Number(r.households),
    said: editable ? r.said : r.said_masked,
    // Only when something was hidden: text without personal data reads the same for everyone.
    masked: !editable && !!r.personal_data,
    personalData:
      editable && r.personal_data ? (r.personal_data.split(',') as PersonalDataKind[]) : [],
    themes: (JSON.parse(r.themes) as string[]).map((k) => labelOf(frame, k))
  };
}

/**
 * Records a contact on a round (reporters and editors of the agreement's organisations). What was
 * said is stored with its masked form; the themes must be in the agreement's frame. The same
 * idempotency key again answers with the contact stored the first time (a phone's queue).
 */
export async function recordContact(
  ctx: Ctx,
  actor: Actor | null,
  walkId: string,
  input: unknown
): Promise<{ contact: ContactView; created: boolean }> {
  const { walk, editable } = await walkFor(ctx, actor, walkId, 'reporter');
  if (!isRound(walk.kind))
    throw new ValidationError([
      {
        field: 'walk',
        message: `Samtal loggas på dörrknackning och nattvandring, inte på en ${WALK_KIND_SV[walk.kind].toLowerCase()}. Skriv iakttagelser i stället.`
      }
    ]);
  if (walk.status === 'cancelled')
    throw new ValidationError([{ field: 'walk', message: 'Rundan är inställd.' }]);
  const v = parseInput(contactInput, input);
  const frame = await frameOfWalk(ctx, walk);
  if (v.idempotencyKey) {
    const seen = await findContactByKey(ctx.db, v.idempotencyKey);
    if (seen) {
      if (seen.walk_id !== walk.id || seen.created_by !== changerId(actor))
        throw new ValidationError([
          { field: 'idempotencyKey', message: 'Nyckeln är redan använd. Skicka en ny.' }
        ]);
      return { contact: present(seen, editable, frame), created: false };
    }
  }
  const unknown = v.themes.filter((k) => !frame.some((t) => t.key === k));
  if (unknown.length)
    throw new ValidationError([
      { field: 'themes', message: `Välj teman i listan (${unknown.join(', ')} finns inte).` }
    ]);
  const masked = maskPersonalData(v.said);
  const now = ctx.now();
  const row: WalkContactTable = {
    id: newId(),
    walk_id: walk.id,
    contacted_at: contactInstant(walk, v.time, now),
    people: v.people,
    households: v.households ?? null,
    said: v.said,
    said_masked: masked.masked,
    personal_data: masked.found.length ? masked.found.join(',') : null,
    themes: JSON.stringify(v.themes),
    idempotency_key: v.idempotencyKey ?? null,
    created_by: changerId(actor),
    created_at: now.toISOString()
  };
  // The audit entry holds counts and themes, never what was said (it may name people).
  await auditedChange(
    ctx,
    actor,
    {
      action: 'walk_contact.create',
      entity: 'walk_contact',
      entityId: row.id,
      after: { walk: walk.id, people: v.people, households: row.households, themes: v.themes }
    },
    (trx) => insertContact(trx, row)
  );
  return { contact: present(row, editable, frame), created: true };
}

/**
 * A round's contacts for its staff, masked per role, with the figures and the theme frame (for
 * the form).
 */
export async function walkContacts(ctx: Ctx, actor: Actor | null, walkId: string) {
  const { walk, editable } = await walkFor(ctx, actor, walkId, 'reporter');
  const [rows, frame] = await Promise.all([contactsOf(ctx.db, walkId), frameOfWalk(ctx, walk)]);
  return {
    isRound: isRound(walk.kind),
    editable,
    frame: frame.map((t) => ({ key: t.key, label: t.label })),
    contacts: rows.map((r) => present(r, editable, frame)),
    summary: summarise(rows, frame)
  };
}

/**
 * What the public protocol of a held round shows: the number of contacts, people and households
 * reached and contacts per theme; never what was said. Null for a safety walk or a round not yet
 * held. The caller has already checked that the walk is public (walk-public.service).
 */
export async function publicRoundSummary(ctx: Ctx, walkId: string): Promise<RoundSummary | null> {
  const walk = await findWalk(ctx.db, walkId);
  if (!walk || !isRound(walk.kind) || walk.status !== 'held') return null;
  const [rows, frame] = await Promise.all([
    contactThemesOf(ctx.db, walkId),
    frameOfWalk(ctx, walk)
  ]);
  return summarise(rows, frame);
}

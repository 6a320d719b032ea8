/** A contact on a door-knocking or night-walking round (migration 0027). */
export type WalkContactTable = {
  id: string;
  walk_id: string;
  /** The instant of the contact (ISO-8601 UTC). */
  contacted_at: string;
  /** People reached. */
  people: number;
  /** Households reached (door-knocking), or null. */
  households: number | null;
  /** What was said, as written: shown only to editors of the agreement's parties, never published. */
  said: string;
  /** The same with personal data masked (core/personal-data): what reporters see. */
  said_masked: string;
  /** The kinds of personal data found, comma-separated, or null. */
  personal_data: string | null;
  /** Theme keys of the agreement's theme frame, JSON text. */
  themes: string;
  idempotency_key: string | null;
  created_by: string | null;
  created_at: string;
};

/** Kinds of walk: safety walk, door-knocking, night-walking. */
export type WalkKind = 'trygghetsvandring' | 'dorrknackning' | 'nattvandring';
/** A planned walk is announced; a held one counts as an activity; a cancelled one stays listed. */
export type WalkStatus = 'planned' | 'held' | 'cancelled';
/** Where an observation stands (Swedish words, as the issue names them). */
export type ObservationStatus =
  'rapporterad' | 'accepterad' | 'pågår' | 'åtgärdad' | 'åtgärdas inte';

export type WalkTable = {
  id: string;
  agreement_id: string;
  measure_key: string;
  kind: WalkKind;
  area: string;
  meeting_point: string;
  starts_at: string;
  ends_at: string;
  /** JSON array of group names. */
  invited_groups: string;
  status: WalkStatus;
  /** The public event that announces the walk (one source for the page and the calendar). */
  event_id: string | null;
  /** The activity logged when the walk was held. */
  activity_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A place a resident points out before a walk: no name, no contact, only the place. */
export type WalkTipTable = {
  id: string;
  walk_id: string;
  description: string;
  lat: number | null;
  lng: number | null;
  created_at: string;
};

export type WalkObservationTable = {
  id: string;
  walk_id: string;
  category: string;
  description: string;
  lat: number | null;
  lng: number | null;
  /** The organisation or party that fixes it (free text: a department, a housing company …). */
  owner: string | null;
  /**
   * The organisation whose members update it from "what is due" (an organisation with accounts),
   * or null when the owner is free text only and updates through a link.
   */
  owner_organisation_id: string | null;
  due_on: string | null;
  status: ObservationStatus;
  /** Required for 'åtgärdas inte'; what was done otherwise. */
  status_reason: string | null;
  /** The Swedish day it was marked fixed. */
  fixed_on: string | null;
  public_approved: number;
  photo_ref: string | null;
  idempotency_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type WalkObservationUpdateTable = {
  id: string;
  observation_id: string;
  status: ObservationStatus;
  note: string | null;
  /** The user who changed it, or null when it came through an owner link. */
  by_user: string | null;
  /** The owner link's id when it came through one. */
  via_link: string | null;
  created_at: string;
};

export type WalkOwnerLinkTable = {
  id: string;
  token_hash: string;
  observation_id: string;
  owner: string;
  expires_at: string;
  created_by: string | null;
  created_at: string;
};

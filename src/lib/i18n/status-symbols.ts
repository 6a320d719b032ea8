import type { FollowUpStatus } from '../core';

/**
 * How a follow-up status is shown besides its word: a symbol (✓ ✗ ! · …) in tables, and in the
 * charts a cell colour with a glyph of the same symbol, so colour never carries it alone.
 */
export type StatusMark = {
  name: 'kept' | 'missed' | 'behind' | 'unjudged' | 'needs-date' | 'upcoming';
  symbol: string;
  /** The legend's words: the cell colour and what it means. */
  colour: string;
  meaning: string;
  fill: string;
  /** An outline for light cells. */
  stroke: string | null;
  ink: string;
  /**
   * The colour of the status's word on white or light backgrounds (pages, widget), contrast
   * 4.5:1 or more: the dark shade of the cell colour, so "tyst" is amber wherever it shows.
   */
  text: string;
  glyph: 'check' | 'cross' | 'bang' | 'dot' | 'dots';
};

// Dark cells carry white glyphs (contrast 6:1 or more), light cells dark ones (app.css's ink).
const KEPT: StatusMark = {
  name: 'kept',
  symbol: '✓',
  colour: 'grön',
  meaning: 'uppfyllt, i fas eller pågår',
  fill: '#1d6b35',
  stroke: null,
  ink: '#ffffff',
  text: '#1d6b35',
  glyph: 'check'
};
const MISSED: StatusMark = {
  name: 'missed',
  symbol: '✗',
  colour: 'röd',
  meaning: 'ej uppfyllt',
  fill: '#a1202b',
  stroke: null,
  ink: '#ffffff',
  text: '#a1202b',
  glyph: 'cross'
};
const BEHIND: StatusMark = {
  name: 'behind',
  symbol: '!',
  colour: 'gul',
  meaning: 'efter eller tyst',
  fill: '#f6c453',
  stroke: '#8a4b00',
  ink: '#1b1f24',
  text: '#8a4b00',
  glyph: 'bang'
};
const UNJUDGED: StatusMark = {
  name: 'unjudged',
  symbol: '·',
  colour: 'grå',
  meaning: 'bedöms inte den perioden',
  fill: '#e3e7ec',
  stroke: null,
  ink: '#4a5562',
  text: '#4a5562',
  glyph: 'dot'
};
// An occasion the plan names but nobody has dated: neither kept nor missed, light amber.
const NEEDS_DATE: StatusMark = {
  name: 'needs-date',
  symbol: '?',
  colour: 'ljusgul',
  meaning: 'saknar datum för ett tillfälle',
  fill: '#fdf0c8',
  stroke: '#8a4b00',
  ink: '#1b1f24',
  text: '#8a4b00',
  glyph: 'dot'
};
const UPCOMING: StatusMark = {
  name: 'upcoming',
  symbol: '…',
  colour: 'vit',
  meaning: 'kommande',
  fill: '#ffffff',
  stroke: '#8a96a3',
  ink: '#4a5562',
  text: '#4a5562',
  glyph: 'dots'
};

/** The mark of each follow-up status. */
export const STATUS_MARKS: Record<FollowUpStatus, StatusMark> = {
  met: KEPT,
  'on-track': KEPT,
  active: KEPT,
  missed: MISSED,
  behind: BEHIND,
  quiet: BEHIND,
  'not-applicable': UNJUDGED,
  'needs-date': NEEDS_DATE,
  upcoming: UPCOMING
};

/** The distinct marks, in legend order. */
export const MARKS: readonly StatusMark[] = [KEPT, MISSED, BEHIND, UNJUDGED, NEEDS_DATE, UPCOMING];

/** The symbol of each follow-up status, as in the follow-up table. */
export const STATUS_SYMBOL: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_MARKS).map(([status, mark]) => [status, mark.symbol])
);

/** The status colour rules for text, one per status (`.status-behind{color:#8a4b00}`), with a class prefix. */
export const statusTextCss = (prefix: string): string =>
  Object.entries(STATUS_MARKS)
    .map(([status, mark]) => `.${prefix}${status}{color:${mark.text}}`)
    .join('');

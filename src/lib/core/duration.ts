/**
 * How long an activity took, as people write it in a form or a spreadsheet: hours with a decimal
 * comma or point ("1,5", "2.25", "3"), or hours and minutes ("1:30", "1 h 30 min"). Stored as whole
 * minutes.
 */

/** The longest duration one activity row may carry: 1000 hours. */
export const MAX_DURATION_MINUTES = 60_000;

/**
 * Reads hours as written into whole minutes: "1,5" → 90, "1:30" → 90, "0,25" → 15. Empty text is
 * null (no duration given); anything else unreadable, zero or above 1000 hours is 'invalid'.
 */
export function hoursToMinutes(
  text: string | number | null | undefined
): number | null | 'invalid' {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number')
    return Number.isFinite(text) ? checked(Math.round(text * 60)) : 'invalid';
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return null;
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(s);
  if (clock) return checked(Number(clock[1]) * 60 + Number(clock[2]));
  const words = /^(?:(\d{1,4}) ?(?:h|tim|timmar|timme))?(?: ?(\d{1,3}) ?(?:min|minuter))?$/.exec(s);
  if (words && (words[1] || words[2]))
    return checked(Number(words[1] ?? 0) * 60 + Number(words[2] ?? 0));
  const decimal = /^(\d{1,4})(?:[,.](\d{1,2}))?(?: ?(?:h|tim|timmar|timme))?$/.exec(s);
  if (decimal) return checked(Math.round(Number(`${decimal[1]}.${decimal[2] ?? '0'}`) * 60));
  return 'invalid';
}

const checked = (minutes: number): number | 'invalid' =>
  minutes >= 1 && minutes <= MAX_DURATION_MINUTES ? minutes : 'invalid';

/** Writes minutes as hours with a decimal comma, the way the forms show them: 90 → "1,5", 20 → "0,33". */
export function minutesAsHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100).replace('.', ',');
}

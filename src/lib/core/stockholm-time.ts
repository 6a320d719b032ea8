import { addDays, startOfIsoWeek, weekday } from './dates';
import { stockholmDate } from './stockholm-date';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit'
});

/** How far Swedish time is ahead of UTC at an instant (one or two hours), in milliseconds. */
function offsetMs(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a Swedish calendar day reaches an hour ('2026-11-30', 7 → 06:00 UTC in winter). */
export function stockholmInstant(date: string, hour = 0): Date {
  const naive = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  return new Date(naive - offsetMs(new Date(naive - 2 * 3_600_000)));
}

/** The instant this ISO week began in Sweden: Monday 00:00. */
export const startOfStockholmWeek = (now: Date): Date =>
  stockholmInstant(startOfIsoWeek(stockholmDate(now)), 0);

/** The next instant after `after` that is the given ISO weekday (1 = Monday) and hour in Sweden. */
export function nextStockholmWeekly(after: Date, isoWeekday: number, hour: number): Date {
  const today = stockholmDate(after);
  for (let i = 0; i <= 7; i++) {
    const day = addDays(today, i);
    if (weekday(day) !== isoWeekday) continue;
    const at = stockholmInstant(day, hour);
    if (at > after) return at;
  }
  return stockholmInstant(addDays(today, 7), hour);
}

import ical, { ICalEventStatus } from 'ical-generator';

/** An event as the calendar needs it: times as instants, the kind in words, its revision. */
export type CalendarEvent = {
  id: string;
  title: string;
  kindLabel: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
  updatedAt: string;
  sequence: number;
};
import { stampsInUtc, UID_DOMAIN, utcFields } from '../shared/ical-utc';

const ZONE = 'Europe/Stockholm';

/** Sweden's time zone rules since 1996 (the last Sunday of March and of October), for calendar apps. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ZONE}`,
  `X-LIC-LOCATION:${ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE'
].join('\r\n');

const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit'
});

/**
 * A Date whose local fields are the Swedish wall-clock time of an instant: ical-generator writes
 * a native Date's local fields after TZID, so this makes "DTSTART;TZID=Europe/Stockholm" right.
 */
function stockholmWallTime(iso: string): Date {
  const p = Object.fromEntries(
    wall.formatToParts(new Date(iso)).map((x) => [x.type, Number(x.value)])
  );
  return new Date(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
}

/**
 * A municipality's events as an iCalendar feed, in Swedish time. Ids are the events' own (not
 * the host's, so a new port or address keeps them), so a calendar app that polls updates an event
 * rather than duplicating it; SEQUENCE grows with every change and a cancelled event stays in the
 * feed with STATUS:CANCELLED, so the apps that have it remove or mark it. Stamps are in UTC.
 */
export function eventCalendar(
  events: readonly CalendarEvent[],
  options: { name: string; pageUrl: string }
): string {
  const calendar = ical({
    name: options.name,
    description: 'Trygghetsvandringar, öppna möten och andra evenemang i medborgarlöftet.',
    timezone: { name: ZONE, generator: () => VTIMEZONE },
    prodId: { company: 'Löften', product: 'evenemang', language: 'SV' },
    url: options.pageUrl,
    ttl: 60 * 60 * 6
  });
  for (const e of events) {
    calendar.createEvent({
      id: `evenemang-${e.id}@${UID_DOMAIN}`,
      sequence: e.sequence,
      timezone: ZONE,
      start: stockholmWallTime(e.startsAt),
      end: stockholmWallTime(e.endsAt),
      stamp: utcFields(e.updatedAt),
      lastModified: utcFields(e.updatedAt),
      summary: e.cancelled ? `Inställt: ${e.title}` : e.title,
      description: [e.kindLabel, e.description].filter(Boolean).join('\n'),
      location: e.place,
      url: options.pageUrl,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
    });
  }
  return stampsInUtc(calendar.toString());
}

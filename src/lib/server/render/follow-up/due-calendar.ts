import ical from 'ical-generator';
import { addDays, dateParts } from '../../../core';

/** A dated obligation of what is due: one all-day event from `start` through `end`. */
export type CalendarObligation = {
  kind: string;
  measureId: string;
  start: string;
  end: string;
  summary: string;
  line: string;
  agreementTitle: string;
};
import { stampsInUtc, UID_DOMAIN, utcFields } from '../shared/ical-utc';

/** A calendar day as a Date whose local fields are that day, which is how ical-generator writes all-day dates. */
function localDay(date: string): Date {
  const { year, month, day } = dateParts(date);
  return new Date(year, month - 1, day);
}

/**
 * The "att göra" calendar: one all-day event per dated obligation (risk weekends to cover, the
 * last day to reach a count), in Swedish, in Swedish time. Event ids are stable, so a calendar
 * app that polls the feed updates events rather than duplicating them.
 */
export function dueCalendar(
  report: { obligations: readonly CalendarObligation[] },
  options: { origin: string; now: Date }
): string {
  const calendar = ical({
    name: 'Löften – att göra',
    description: 'Riskhelger och sista dagar för dina överenskommelsers åtgärder.',
    timezone: 'Europe/Stockholm',
    prodId: { company: 'Löften', product: 'att-gora', language: 'SV' },
    ttl: 60 * 60 * 6
  });
  for (const o of report.obligations) {
    calendar.createEvent({
      id: `${o.kind}-${o.measureId}-${o.start}@${UID_DOMAIN}`,
      stamp: utcFields(options.now),
      allDay: true,
      start: localDay(o.start),
      // DTEND of an all-day event is the day after the last day.
      end: localDay(addDays(o.end, 1)),
      summary: o.summary,
      description: `${o.line}\n${o.agreementTitle}\nLogga: ${options.origin}/logga?atgard=${o.measureId}`,
      url: `${options.origin}/logga?atgard=${o.measureId}`
    });
  }
  return stampsInUtc(calendar.toString());
}

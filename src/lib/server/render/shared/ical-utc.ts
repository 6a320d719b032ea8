/**
 * RFC 5545 wants DTSTAMP and LAST-MODIFIED in UTC ("…Z"). ical-generator writes a native Date's
 * local fields without the Z when the calendar has a time zone, which parsers read as floating
 * time. So: hand it a Date whose local fields are the instant's UTC fields (utcFields), then mark
 * those two properties as UTC (stampsInUtc).
 */
export function utcFields(instant: Date | string): Date {
  const d = new Date(instant);
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds()
  );
}

/** Adds the Z to DTSTAMP and LAST-MODIFIED values written from utcFields dates. */
export function stampsInUtc(ics: string): string {
  return ics.replace(/^(DTSTAMP|LAST-MODIFIED):(\d{8}T\d{6})\r?$/gm, (line, name, value) =>
    line.replace(`${name}:${value}`, `${name}:${value}Z`)
  );
}

/** A UID's right-hand side: the same whatever address or port the instance is reached on. */
export const UID_DOMAIN = 'loften';

const fmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit'
});

/** The calendar date in Sweden at an instant ('YYYY-MM-DD'). */
export const stockholmDate = (instant: Date): string => fmt.format(instant);

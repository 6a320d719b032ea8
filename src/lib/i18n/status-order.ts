/** The order statuses are counted in on the public page and in the widget: kept first, upcoming last. */
export const STATUS_ORDER = [
  'met',
  'on-track',
  'active',
  'behind',
  'quiet',
  'missed',
  'not-applicable',
  'upcoming'
] as const;

/** The pure domain core of Löften: dates, targets, calendar, periods and follow-up. No I/O, no clock. */
export * from './dates';
export * from './target';
export * from './target-guard';
export * from './target-parser';
export * from './target-describe';
export * from './calendar';
export * from './periods';
export * from './follow-up-types';
export * from './follow-up';

import { describe, expect, it } from 'vitest';
import { NEVER_PUBLIC, publishAfter } from './publication';

describe('publishAfter', () => {
  it('gives each rule its first public day', () => {
    expect(publishAfter('public', '2026-11-27', 0)).toBe('2026-11-28');
    expect(publishAfter('delayed', '2026-11-27', 14)).toBe('2026-12-11');
    expect(publishAfter('monthly', '2026-11-27', 0)).toBe('2026-12-01');
    expect(publishAfter('internal', '2026-11-27', 0)).toBe(NEVER_PUBLIC);
  });

  it('never publishes before the day after, whatever the delay', () => {
    expect(publishAfter('delayed', '2026-11-27', 0)).toBe('2026-11-28');
    expect(publishAfter('delayed', '2026-11-27', -5)).toBe('2026-11-28');
    expect(publishAfter('delayed', '2026-11-27', Number.NaN)).toBe('2026-11-28');
  });

  it('crosses months and years', () => {
    expect(publishAfter('monthly', '2026-12-31', 0)).toBe('2027-01-01');
    expect(publishAfter('monthly', '2028-02-03', 0)).toBe('2028-03-01');
    expect(publishAfter('delayed', '2026-12-25', 14)).toBe('2027-01-08');
  });
});

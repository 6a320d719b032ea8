import { describe, expect, it } from 'vitest';
import { hoursToMinutes, minutesAsHours } from './duration';

describe('hoursToMinutes: durations as people write them', () => {
  it.each([
    ['1,5', 90],
    ['1.5', 90],
    ['2', 120],
    ['0,25', 15],
    ['1:30', 90],
    ['2 h', 120],
    ['1 tim 30 min', 90],
    ['45 min', 45],
    [' 3,75 timmar ', 225],
    [1.5, 90]
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(hoursToMinutes(text)).toBe(minutes);
  });

  it('gives null for no duration and "invalid" for words, zero, negatives and over 1000 hours', () => {
    expect(hoursToMinutes('')).toBeNull();
    expect(hoursToMinutes('  ')).toBeNull();
    expect(hoursToMinutes(null)).toBeNull();
    for (const bad of ['två', '0', '-1', '1,5,5', '1001', '1:75', 'abc h'])
      expect(hoursToMinutes(bad), bad).toBe('invalid');
  });

  it('writes minutes back as hours with a decimal comma', () => {
    expect(minutesAsHours(90)).toBe('1,5');
    expect(minutesAsHours(20)).toBe('0,33');
    expect(minutesAsHours(120)).toBe('2');
  });
});

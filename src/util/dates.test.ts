import { describe, expect, it } from 'vitest';
import { isCalendarDay, normalizePublished } from './dates.js';

describe('isCalendarDay', () => {
  it('takes YYYY-MM-DD on a real day only', () => {
    for (const ok of ['2024-03-01', '2024-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDay(ok), ok).toBe(true);
    for (const bad of ['2026-13-45', '2026-99-99', '2023-02-29', '2024-04-31', '2024-00-10', '2024-3-1', '2024-03-01T00:00', 'notadate', '']) expect(isCalendarDay(bad), bad).toBe(false);
  });
});

describe('normalizePublished', () => {
  it('keeps ISO 8601 days and date-times on real days as written', () => {
    for (const v of ['2024-03-01', '2024-03-01T08:00:00Z', '2024-03-01T08:00:00.123+01:00', '2024-03-01 08:00', '1850-05-01']) expect(normalizePublished(v), v).toBe(v);
  });

  it('reads dates written with a month name into ISO 8601 UTC', () => {
    expect(normalizePublished('Fri, 01 Mar 2024 10:00:00 GMT')).toBe('2024-03-01T10:00:00.000Z');
    expect(normalizePublished('1 March 2024')).toBe('2024-03-01T00:00:00.000Z');
    expect(normalizePublished('March 1, 2024')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('refuses anything that is not a date on the calendar', () => {
    for (const bad of ['not a date', '2024-02-30', '2024-13-01', '2024-03-01T25:00:00Z', '31 Feb 2024', 'not a date 2024', '01/03/2024', '2024', 'yesterday']) {
      expect(normalizePublished(bad), bad).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { datesInSentence, eventDate, publishedDate } from './event-dates.js';

describe('event dates', () => {
  const published = publishedDate('2022-08-16T10:00:00Z');

  it('resolves relative expressions against the publication date', () => {
    const found = datesInSentence('The ministry said on Monday that talks would resume.', published);
    expect(eventDate(found, 10, published)).toBe('2022-08-15');
    expect(eventDate(datesInSentence('Troops were sent last week.', published), 0, published)).toMatch(/^2022-08-0\d$/);
  });

  it('keeps a bare year as a year and uses the publication day when the sentence has no date', () => {
    expect(eventDate(datesInSentence('They signed the deal in 2019 in Vladivostok.', published), 5, published)).toBe('2019');
    expect(eventDate(datesInSentence('They signed the deal.', published), 5, published)).toBe('2022-08-16');
  });

  it('has no anchor for relative dates without a publication date', () => {
    expect(eventDate(datesInSentence('They met on Monday.', null), 5, null)).toBeNull();
    expect(eventDate(datesInSentence('They met on 3 March 2020.', null), 5, null)).toBe('2020-03-03');
  });

  it('does not take a date across another verb', () => {
    const text = 'Kim expressed hope that ties would grow under the 2019 agreement.';
    const found = datesInSentence(text, published);
    const growAt = text.indexOf('grow');
    expect(eventDate(found, text.indexOf('expressed'), published, (a, b) => growAt > a && growAt < b)).toBe('2022-08-16');
  });
});

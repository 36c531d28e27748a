import { describe, expect, it } from 'vitest';
import { datesInSentence, eventDate, publishedDate, weekdayAround } from './event-dates.js';

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

  it('reads a bare weekday by the tense of its verb: the one before publication for the past, after it for the future', () => {
    // 1 March 2024 was a Friday: the Monday before is 26 February, the one after 4 March
    const friday = publishedDate('2024-03-01');
    const found = datesInSentence('Russia attacked Ukraine on Monday, officials said.', friday);
    expect(eventDate(found, 7, friday, undefined, 'past')).toBe('2024-02-26');
    expect(eventDate(found, 7, friday, undefined, 'future')).toBe('2024-03-04');
    // a tense the verb does not show keeps chrono's nearest Monday
    expect(eventDate(found, 7, friday, undefined, null)).toBe('2024-03-04');
    // the publication weekday itself is that day, either way
    const onFriday = datesInSentence('They met on Friday.', friday);
    expect(eventDate(onFriday, 5, friday, undefined, 'past')).toBe('2024-03-01');
    expect(eventDate(onFriday, 5, friday, undefined, 'future')).toBe('2024-03-01');
    // a Tuesday paper: a future Monday is next week's, not yesterday
    expect(eventDate(datesInSentence('Talks will resume on Monday.', published), 13, published, undefined, 'future')).toBe('2022-08-22');
  });

  it('leaves weekdays that say their week, and weekdays with a date, as chrono reads them', () => {
    const friday = publishedDate('2024-03-01');
    expect(eventDate(datesInSentence('They will meet next Monday.', friday), 10, friday, undefined, 'past')).toBe('2024-03-04');
    expect(eventDate(datesInSentence('They met last Monday.', friday), 5, friday, undefined, 'future')).toBe('2024-02-26');
    expect(eventDate(datesInSentence('They met on Monday, March 4.', friday), 5, friday, undefined, 'past')).toBe('2024-03-04');
    expect(eventDate(datesInSentence('They met on Monday.', null), 5, null, undefined, 'past')).toBeNull();
  });

  it('finds a weekday around the publication day across months and years', () => {
    expect(weekdayAround(new Date('2024-01-02T23:30:00Z'), 5, 'past')).toBe('2023-12-29');
    expect(weekdayAround(new Date('2023-12-29T00:00:00Z'), 1, 'future')).toBe('2024-01-01');
    expect(weekdayAround(new Date('2024-03-01T12:00:00Z'), 0, 'past')).toBe('2024-02-25');
  });

  it('does not take a date across another verb', () => {
    const text = 'Kim expressed hope that ties would grow under the 2019 agreement.';
    const found = datesInSentence(text, published);
    const growAt = text.indexOf('grow');
    expect(eventDate(found, text.indexOf('expressed'), published, (a, b) => growAt > a && growAt < b)).toBe('2022-08-16');
  });
});

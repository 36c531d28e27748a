import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-dates.js';

describe('parseFeedDate', () => {
  const cases: [string, string | null][] = [
    ['Tue, 17 Feb 2026 15:20:02 GMT', '2026-02-17T15:20:02.000Z'],
    ['Tue, 17 Feb 2026 15:20:02 +0100', '2026-02-17T14:20:02.000Z'],
    ['17 Feb 2026 15:20 EST', '2026-02-17T20:20:00.000Z'],
    ['Tue, 17 Feb 26 15:20:02 UT', '2026-02-17T15:20:02.000Z'],
    ['Tuesday, 17 February 2026 15:20:02 -0300 (BRT)', '2026-02-17T18:20:02.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['2026-02-17T15:20:02Z', '2026-02-17T15:20:02.000Z'],
    ['2026-02-17T15:20:02.250+05:30', '2026-02-17T09:50:02.250Z'],
    ['2026-02-17 15:20:02', '2026-02-17T15:20:02.000Z'],
    ['2026-02-17', '2026-02-17T00:00:00.000Z'],
    ['20260217T152002Z', '2026-02-17T15:20:02.000Z'],
    ['February 17, 2026 3:20 pm', '2026-02-17T15:20:00.000Z'],
    ['Tue, 31 Feb 2026 10:00:00 GMT', null],
    ['yesterday', null],
    ['', null],
    ['not a date at all', null],
  ];
  for (const [input, want] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseFeedDate(input)).toBe(want);
    });
  }
});

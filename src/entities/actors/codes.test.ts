import { describe, expect, it } from 'vitest';
import { composeCode, countryOfCode } from './codes.js';

describe('composeCode', () => {
  it('appends role blocks the base does not carry yet', () => {
    expect(composeCode('RUS', 'GOV')).toBe('RUSGOV');
    expect(composeCode('PRK', 'GOVMED')).toBe('PRKGOVMED');
    expect(composeCode('RUSGOV', 'GOV')).toBe('RUSGOV');
    expect(composeCode('RUSGOV', 'MED')).toBe('RUSGOVMED');
    expect(composeCode('IGOUNO', 'MIL')).toBe('IGOUNOMIL');
    expect(composeCode('USA', '')).toBe('USA');
  });
});

describe('countryOfCode', () => {
  it('reads the country block of domestic codes only', () => {
    expect(countryOfCode('PRKGOVMED')).toBe('PRK');
    expect(countryOfCode('IGOWSTNAT')).toBeUndefined();
    expect(countryOfCode('NGOHRIAMN')).toBeUndefined();
    expect(countryOfCode('')).toBeUndefined();
  });
});

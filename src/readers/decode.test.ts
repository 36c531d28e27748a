import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';

const SAMPLE = 'Minister said “we’re ready” — café, naïve, 50 €.';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(Buffer.from(SAMPLE, 'utf8'))).toMatchObject({ text: SAMPLE, encoding: 'utf-8', hadBom: false });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(decodeBytes(withBom)).toMatchObject({ text: SAMPLE, encoding: 'utf-8', hadBom: true });
  });

  it('reads UTF-16 LE and BE, with a BOM or detected from the byte pattern', () => {
    const le = iconv.encode(SAMPLE, 'utf-16le');
    const be = iconv.encode(SAMPLE, 'utf-16be');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toMatchObject({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: SAMPLE, encoding: 'utf-16be' });
    expect(decodeBytes(le)).toMatchObject({ text: SAMPLE, encoding: 'utf-16le', hadBom: false });
    expect(decodeBytes(be)).toMatchObject({ text: SAMPLE, encoding: 'utf-16be', hadBom: false });
  });

  it('detects windows-1252 (smart quotes in 0x80-0x9F) rather than assuming UTF-8', () => {
    const text = 'The minister said “we’re ready” on Monday — and left the café.';
    const decoded = decodeBytes(iconv.encode(text, 'windows-1252'));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe('windows-1252');
  });

  it('reads Latin-1 text', () => {
    const text = 'Le ministre a déclaré à Zürich que la réunion était terminée. Señor Muñoz était là.';
    const decoded = decodeBytes(iconv.encode(text, 'latin1'));
    expect(decoded.text).toBe(text);
    expect(['iso-8859-1', 'windows-1252']).toContain(decoded.encoding);
  });

  it('refuses empty, whitespace-only and binary input with clear errors', () => {
    expect(() => decodeBytes(Buffer.alloc(0), 'x.txt')).toThrow('x.txt is empty');
    expect(() => decodeBytes(Buffer.from('  \n\t ', 'utf8'), 'x.txt')).toThrow(/only whitespace/);
    expect(() => decodeBytes(Buffer.from('%PDF-1.7\n...'), 'a.pdf')).toThrow(/PDF/);
    const noise = Buffer.alloc(4000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    expect(() => decodeBytes(noise, 'n.bin')).toThrow(/binary/);
  });
});

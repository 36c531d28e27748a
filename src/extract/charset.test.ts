import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from './charset.js';

const TEXT = 'Ein Bürgermeister sprach über Straßenbahnen und Fähren: « déjà vu » — ça coûte 5 €.';

describe('decodeHtmlBytes', () => {
  it('uses a UTF-8 byte order mark', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${TEXT}</p>`, 'utf8')]);
    expect(decodeHtmlBytes(buf)).toBe(`<p>${TEXT}</p>`);
  });

  it('uses the Content-Type header charset', () => {
    const buf = iconv.encode(`<p>${TEXT}</p>`, 'windows-1252');
    expect(decodeHtmlBytes(buf, 'text/html; charset=windows-1252')).toBe(`<p>${TEXT}</p>`);
  });

  it('uses <meta charset> and treats iso-8859-1 as windows-1252 like browsers', () => {
    const html = `<html><head><meta charset="iso-8859-1"></head><body><p>${TEXT}</p></body></html>`;
    expect(decodeHtmlBytes(iconv.encode(html, 'windows-1252'))).toBe(html);
  });

  it('uses http-equiv Content-Type meta for legacy Cyrillic pages', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Москва и Санкт-Петербург</p>';
    expect(decodeHtmlBytes(iconv.encode(html, 'windows-1251'))).toBe(html);
  });

  it('falls back to detection when a page claims UTF-8 but is not', () => {
    const html = `<meta charset="utf-8"><p>${TEXT} ${TEXT} ${TEXT}</p>`;
    const out = decodeHtmlBytes(iconv.encode(html, 'windows-1252'));
    expect(out).toContain('Bürgermeister');
    expect(out).not.toContain('\ufffd');
  });

  it('decodes undeclared UTF-8 as UTF-8', () => {
    expect(decodeHtmlBytes(Buffer.from(`<p>${TEXT}</p>`, 'utf8'))).toBe(`<p>${TEXT}</p>`);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParam } from './canonical-url.js';

describe('canonicalUrl', () => {
  it('lower-cases the host, drops the fragment, default port and www', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.COM:443/News/Story-1#comments')).toBe('https://example.com/News/Story-1');
  });

  it('keeps the path case (servers are case-sensitive)', () => {
    expect(canonicalUrl('https://example.com/A/b')).not.toBe(canonicalUrl('https://example.com/a/b'));
  });

  it('treats http and https as one by default, and keeps them apart on request', () => {
    expect(canonicalUrl('http://example.com/a')).toBe('https://example.com/a');
    expect(canonicalUrl('http://example.com:80/a', { ignoreScheme: false })).toBe('http://example.com/a');
  });

  it('drops tracking parameters and sorts the rest', () => {
    const url = 'https://example.com/story?utm_source=x&b=2&fbclid=abc&a=1&gclid=z&UTM_Campaign=y&mc_eid=q';
    expect(canonicalUrl(url)).toBe('https://example.com/story?a=1&b=2');
    expect(canonicalUrl('https://example.com/story?utm_medium=rss')).toBe('https://example.com/story');
  });

  it('keeps the order of a repeated parameter', () => {
    expect(canonicalUrl('https://example.com/s?tag=b&id=7&tag=a')).toBe('https://example.com/s?id=7&tag=b&tag=a');
  });

  it('removes trailing slashes, doubled slashes and index files, but keeps the root', () => {
    expect(canonicalUrl('https://example.com/world/story/')).toBe('https://example.com/world/story');
    expect(canonicalUrl('https://example.com//world//story')).toBe('https://example.com/world/story');
    expect(canonicalUrl('https://example.com/world/index.html')).toBe('https://example.com/world');
    expect(canonicalUrl('https://example.com')).toBe('https://example.com/');
    expect(canonicalUrl('https://example.com/')).toBe('https://example.com/');
  });

  it('prefers rel=canonical, resolved against the page', () => {
    expect(canonicalUrl('https://m.example.com/a?page=amp', { canonical: 'https://www.example.com/a' })).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/amp/a', { canonical: '/news/a' })).toBe('https://example.com/news/a');
  });

  it('ignores a rel=canonical that points an article at the home page', () => {
    expect(canonicalUrl('https://example.com/news/a', { canonical: 'https://example.com/' })).toBe('https://example.com/news/a');
  });

  it('returns null for what is not an http(s) URL', () => {
    expect(canonicalUrl('mailto:desk@example.com')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl(null)).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });

  it('uses a usable canonical when the page URL is missing, and skips a broken one', () => {
    expect(canonicalUrl(null, { canonical: 'https://example.com/a/' })).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/a', { canonical: 'javascript:void(0)' })).toBe('https://example.com/a');
  });

  it('knows tracking parameters by name and by prefix, in any case', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
  });
});

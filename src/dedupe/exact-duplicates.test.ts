import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.js';
import { ExactDuplicateIndex, bodyHash } from './exact-duplicates.js';

const keys = (url: string | null, body: string) => ({ canonicalUrl: canonicalUrl(url), bodyHash: bodyHash(body) });

describe('ExactDuplicateIndex', () => {
  it('matches the same article reached through another spelling of its address', () => {
    const index = new ExactDuplicateIndex();
    expect(index.add('a', keys('https://www.example.com/news/story-1/', 'Text one.'))).toEqual({ duplicateOf: null, matchedBy: null });
    expect(index.add('b', keys('http://example.com/news/story-1?utm_source=rss#top', 'Text one, updated.'))).toEqual({ duplicateOf: 'a', matchedBy: 'url' });
  });

  it('matches the same body under another address', () => {
    const index = new ExactDuplicateIndex();
    index.add('a', keys('https://one.example/x', 'The crane fell on Thursday.'));
    expect(index.add('b', keys('https://two.example/y', 'The  crane fell\non Thursday.'))).toEqual({ duplicateOf: 'a', matchedBy: 'body' });
    expect(index.add('c', keys('https://two.example/z', 'The crane fell on Friday.')).duplicateOf).toBeNull();
  });

  it('keeps the first holder of a key, and never matches missing keys', () => {
    const index = new ExactDuplicateIndex();
    index.add('a', keys(null, ''));
    expect(index.add('b', keys(null, '')).duplicateOf).toBeNull();
    index.add('c', keys('https://example.com/s', 'Body.'));
    index.add('d', keys('https://example.com/s', 'Body.'));
    expect(index.query(keys('https://example.com/s', 'Other.')).duplicateOf).toBe('c');
    expect(index.add('c', keys('https://example.com/s', 'Body.')).duplicateOf).toBeNull();
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRaw } from '../analyze.js';
import { buildPipeline } from '../pipeline/presets.js';
import { rawText } from '../test-support/docs.js';
import { Deduplicator } from './deduplicator.js';

const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const cleaner = buildPipeline('clean');
const analyse = (name: string, url: string, published = '2026-03-05T10:00:00Z') =>
  analyzeRaw(cleaner, rawText(fixture(name), { id: name, url, published }));

describe('Deduplicator', () => {
  it('flags an exact copy, a URL repeat and a fresh article, and keeps copies in their original’s story', () => {
    const d = new Deduplicator();
    const first = d.add(analyse('crane-original.txt', 'https://coastline.example/crane?utm_source=rss'));
    expect(first.exact.duplicateOf).toBeNull();
    expect(first.near.duplicateOf).toBeNull();
    expect(first.story.isNew).toBe(true);
    expect(first.bandKeys).toHaveLength(32);

    const copy = d.add(analyse('crane-republished.txt', 'https://aggregator.example/r/991'));
    expect(copy.exact).toEqual({ duplicateOf: first.key, matchedBy: 'body' });
    expect(copy.near.duplicateOf).toBe(first.key);
    expect(copy.story.storyId).toBe(first.story.storyId);

    const repeat = d.add(analyse('crane-third-outlet.txt', 'https://www.coastline.example/crane/'));
    expect(repeat.exact).toEqual({ duplicateOf: first.key, matchedBy: 'url' });

    const other = d.add(analyse('crane-other-outlet.txt', 'https://daily.example/storm-crane'));
    expect(other.exact.duplicateOf).toBeNull();
    expect(other.near.duplicateOf).toBeNull();
    expect(other.story.storyId).toBe(first.story.storyId);

    const bank = d.add(analyse('bank-rate-a.txt', 'https://daily.example/rates', '2026-03-10T12:00:00Z'));
    expect(bank.story.isNew).toBe(true);
  });

  it('restores stored decisions and then decides as before', () => {
    const d = new Deduplicator();
    d.restore(analyse('crane-original.txt', 'https://coastline.example/crane'), 'story-17');
    const copy = d.add(analyse('crane-republished.txt', 'https://aggregator.example/r/991'));
    expect(copy.story).toMatchObject({ storyId: 'story-17', isNew: false });
    expect(copy.near.duplicateOf).not.toBeNull();
  });
});

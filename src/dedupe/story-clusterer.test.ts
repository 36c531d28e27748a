import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRaw } from '../analyze.js';
import { buildPipeline } from '../pipeline/presets.js';
import { rawText } from '../test-support/docs.js';
import { StoryClusterer, type StoryDocument } from './story-clusterer.js';

const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Invented articles: three unrelated events, each told by two or three outlets, in arrival order. */
const ARTICLES: (StoryDocument & { event: string })[] = [
  { key: 'crane-1', event: 'crane', text: fixture('crane-original.txt'), published: '2026-03-05T09:10:00Z', source: 'Coastline News' },
  { key: 'crane-2', event: 'crane', text: fixture('crane-other-outlet.txt'), published: '2026-03-05T11:00:00Z', source: 'Velmark Daily' },
  { key: 'bank-1', event: 'bank', text: fixture('bank-rate-a.txt'), published: '2026-03-10T12:00:00Z', source: 'Coastline News' },
  { key: 'crane-3', event: 'crane', text: fixture('crane-third-outlet.txt'), published: '2026-03-05T15:30:00Z', source: 'Harbour Weekly' },
  { key: 'eruption-1', event: 'eruption', text: fixture('eruption-a.txt'), published: '2026-03-11T23:00:00Z', source: 'Island Radio' },
  { key: 'bank-2', event: 'bank', text: fixture('bank-rate-b.txt'), published: '2026-03-10T13:30:00Z', source: 'Velmark Daily' },
  { key: 'eruption-2', event: 'eruption', text: fixture('eruption-b.txt'), published: '2026-03-12T08:00:00Z', source: 'Coastline News' },
];

/** Same port, same operator, another event eleven days later: the hard case. */
const STRIKE: (StoryDocument & { event: string })[] = [
  { key: 'strike-1', event: 'strike', text: fixture('port-strike.txt'), published: '2026-03-16T07:00:00Z', source: 'Coastline News' },
  { key: 'strike-2', event: 'strike', text: fixture('strike-other-outlet.txt'), published: '2026-03-16T10:00:00Z', source: 'Velmark Daily' },
];

/** For each event, the stories its articles went to; and whether any story holds two events. */
function grouping(assigned: Map<string, string>, articles = ARTICLES): { storiesPerEvent: Map<string, Set<string>>; mixedStories: number } {
  const storiesPerEvent = new Map<string, Set<string>>();
  const eventsPerStory = new Map<string, Set<string>>();
  for (const a of articles) {
    const story = assigned.get(a.key)!;
    (storiesPerEvent.get(a.event) ?? storiesPerEvent.set(a.event, new Set()).get(a.event)!).add(story);
    (eventsPerStory.get(story) ?? eventsPerStory.set(story, new Set()).get(story)!).add(a.event);
  }
  return { storiesPerEvent, mixedStories: [...eventsPerStory.values()].filter((e) => e.size > 1).length };
}

function run(clusterer: StoryClusterer, articles = ARTICLES): Map<string, string> {
  return new Map(articles.map((a) => [a.key, clusterer.add(a).storyId]));
}

describe('StoryClusterer', () => {
  it('puts articles on one event together and keeps events apart, as they arrive', () => {
    const clusterer = new StoryClusterer();
    const assigned = run(clusterer);
    const { storiesPerEvent, mixedStories } = grouping(assigned);
    for (const [event, stories] of storiesPerEvent) expect(stories.size, event).toBe(1);
    expect(mixedStories).toBe(0);
    expect(clusterer.storyCount).toBe(3);
    expect(clusterer.documentCount).toBe(ARTICLES.length);
  });

  it('separates another event at the same place when the threshold is raised to 0.3', () => {
    // The dev data's gold stories are broad (a missile crisis over months), which is why the
    // default is low; a feed that wants event-level stories raises the threshold.
    const articles = [...ARTICLES, ...STRIKE];
    const { storiesPerEvent, mixedStories } = grouping(run(new StoryClusterer({ threshold: 0.3 }), articles), articles);
    for (const [event, stories] of storiesPerEvent) expect(stories.size, event).toBe(1);
    expect(mixedStories).toBe(0);
  });

  it('reports which article founded a story, with the founder’s key as the story id', () => {
    const clusterer = new StoryClusterer();
    const first = clusterer.add(ARTICLES[0]!);
    expect(first).toMatchObject({ storyId: 'crane-1', isNew: true });
    const second = clusterer.add(ARTICLES[1]!);
    expect(second.isNew).toBe(false);
    expect(second.storyId).toBe('crane-1');
    expect(second.similarity).toBeGreaterThanOrEqual(clusterer.config.threshold);
  });

  it('gives the same stories in another arrival order', () => {
    const reversed = [...ARTICLES].reverse();
    const { storiesPerEvent, mixedStories } = grouping(run(new StoryClusterer(), reversed));
    for (const [event, stories] of storiesPerEvent) expect(stories.size, event).toBe(1);
    expect(mixedStories).toBe(0);
  });

  it('is deterministic', () => {
    const once = [...run(new StoryClusterer()).entries()];
    expect([...run(new StoryClusterer()).entries()]).toEqual(once);
  });

  it('starts a new story for a similar article far outside the time window', () => {
    const later: StoryDocument = { key: 'bank-next-year', text: fixture('bank-rate-b.txt'), published: '2026-11-20T12:00:00Z' };
    const windowed = new StoryClusterer({ windowDays: 60 });
    run(windowed);
    expect(windowed.add(later).isNew).toBe(true);
    const unbounded = new StoryClusterer({ windowDays: null });
    const assigned = run(unbounded);
    expect(unbounded.add(later).storyId).toBe(assigned.get('bank-1'));
  });

  it('retires stories far behind the newest article from the index only when configured', () => {
    const march = { key: 'bank-1', text: fixture('bank-rate-a.txt'), published: '2026-03-10T12:00:00Z' };
    const december = { key: 'eruption-1', text: fixture('eruption-a.txt'), published: '2026-12-01T00:00:00Z' };
    const lateCopy = { key: 'bank-2', text: fixture('bank-rate-b.txt'), published: '2026-03-11T12:00:00Z' };
    const retiring = new StoryClusterer({ retireAfterDays: 120 });
    retiring.add(march);
    retiring.add(december);
    expect(retiring.retireStale()).toBeGreaterThan(0);
    expect(retiring.add(lateCopy).isNew).toBe(true);
    const keeping = new StoryClusterer();
    keeping.add(march);
    keeping.add(december);
    expect(keeping.retireStale()).toBe(0);
    expect(keeping.add(lateCopy).storyId).toBe('bank-1');
  });

  it('ignores the window when a date is missing or unreadable', () => {
    const clusterer = new StoryClusterer();
    const bank = clusterer.add({ key: 'b1', text: fixture('bank-rate-a.txt'), published: '2026-03-10' });
    expect(clusterer.add({ key: 'b2', text: fixture('bank-rate-b.txt'), published: 'not a date' }).storyId).toBe(bank.storyId);
    expect(clusterer.add({ key: 'b3', text: fixture('bank-rate-b.txt') }).storyId).toBe(bank.storyId);
  });

  it('accepts analyses and uses only their title and body blocks', () => {
    const cleaner = buildPipeline('clean');
    const clusterer = new StoryClusterer();
    const crane = clusterer.add({ key: 'a', text: analyzeRaw(cleaner, rawText(fixture('crane-republished.txt'))) });
    expect(clusterer.add({ key: 'b', text: fixture('crane-other-outlet.txt') }).storyId).toBe(crane.storyId);
    expect(clusterer.add({ key: 'c', text: fixture('port-strike.txt') }).isNew).toBe(true);
  });

  it('returns the known story when a key is added again, and follows explicit assignments', () => {
    const clusterer = new StoryClusterer();
    const first = clusterer.add(ARTICLES[0]!);
    expect(clusterer.add(ARTICLES[0]!)).toEqual({ storyId: first.storyId, isNew: false, similarity: 1 });
    expect(clusterer.documentCount).toBe(1);
    const forced = clusterer.assign({ key: 'x', text: fixture('eruption-a.txt') }, first.storyId);
    expect(forced).toMatchObject({ storyId: first.storyId, isNew: false });
    expect(clusterer.storyOfDocument('x')).toBe(first.storyId);
    expect(clusterer.assign({ key: 'y', text: fixture('bank-rate-a.txt') }, 'stored-story-7')).toMatchObject({ storyId: 'stored-story-7', isNew: true });
  });

  it('adds the entity bonus only when configured and entities are shared', () => {
    const doc = (key: string, entities: string[]): StoryDocument => ({ key, text: fixture(key.startsWith('a') ? 'bank-rate-a.txt' : 'bank-rate-b.txt'), entities });
    const plain = new StoryClusterer();
    plain.add(doc('a1', ['VLM', 'person.tomas-rinne']));
    const base = plain.add(doc('b1', ['VLM', 'person.tomas-rinne'])).similarity;
    const bonus = new StoryClusterer({ entityBonus: 0.1 });
    bonus.add(doc('a1', ['VLM', 'person.tomas-rinne']));
    expect(bonus.add(doc('b1', ['vlm', 'PERSON.TOMAS-RINNE'])).similarity).toBeCloseTo(base + 0.1, 6);
    const unshared = new StoryClusterer({ entityBonus: 0.1 });
    unshared.add(doc('a1', ['VLM']));
    expect(unshared.add(doc('b1', ['ICE'])).similarity).toBeCloseTo(base, 6);
  });

  it('seeded document frequencies change the weights but not a clear grouping', () => {
    const clusterer = new StoryClusterer();
    clusterer.seedDocumentFrequencies([['port', 50], ['elvar', 40], ['crane', 5]], 1000);
    const { storiesPerEvent, mixedStories } = grouping(run(clusterer));
    for (const stories of storiesPerEvent.values()) expect(stories.size).toBe(1);
    expect(mixedStories).toBe(0);
    expect(clusterer.documentFrequencies().documents).toBe(1000 + ARTICLES.length);
  });

  it('rejects a bad config', () => {
    expect(() => new StoryClusterer({ threshold: 0 })).toThrow(/config/);
    expect(() => new StoryClusterer({ windowDays: -1 })).toThrow(/config/);
  });
});

/**
 * The one test suite every Store implementation must pass. Each backend's
 * test file calls `storeContract` with a factory for a fresh, empty store.
 */
import { describe, expect, it } from 'vitest';
import { aliasFixture, contractFixtures, fixtureAnalysis } from './fixtures.js';
import type { Page, Store } from './store.js';

export { contractFixtures };

async function collect<T>(fetch: (cursor: string | null) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page<T> = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null && pages < 100);
  return { items, pages };
}

export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const one = fixtureAnalysis({ id: 'ports-1', source: 'Test Wire', text: 'Ports reopen after strike\n\nDockworkers returned to work on Monday, the union said.' });
    const two = fixtureAnalysis({ id: 'rain-2', text: 'Rain delays harvest\n\nFarmers said the rain had delayed the harvest by two weeks. It rained.' });
    const { kim, aid, ukr } = contractFixtures();

    const withStore = (fn: (store: Store) => Promise<void>) => async () => {
      const store = await makeStore();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    };
    const withFacts = (fn: (store: Store) => Promise<void>) =>
      withStore(async (store) => {
        await store.putMany([kim, aid]);
        await store.putMany([ukr, kim]); // kim again: skipped, adds nothing
        await fn(store);
      });

    it('stores analyses and skips ones already stored (same content hash)', withStore(async (store) => {
      expect((await store.putMany([one, two])).map((r) => r.inserted)).toEqual([true, true]);
      expect((await store.putMany([one])).map((r) => r.inserted)).toEqual([false]);
      expect(await store.has(one.document.contentHash)).toBe(true);
      expect((await store.stats()).documents).toBe(2);
    }));

    it('gives back exactly what was stored, by key, key prefix or document id', withStore(async (store) => {
      await store.putMany([one, two, kim]);
      expect(await store.get(one.document.contentHash)).toEqual(one);
      expect(await store.get(one.document.contentHash.slice(0, 12))).toEqual(one);
      expect(await store.get('rain-2')).toEqual(two);
      expect(await store.get('kim-1')).toEqual(kim);
      expect(await store.get('absent')).toBeNull();
    }));

    it('names an outlet after the first document that gives it, in one batch as across batches', withStore(async (store) => {
      const a = fixtureAnalysis({ id: 'ap-1', source: 'AP News', text: 'Ports reopen\n\nDockworkers returned to work.' });
      const b = fixtureAnalysis({ id: 'ap-2', source: 'AP NEWS', text: 'Rain delays harvest\n\nFarmers waited.' });
      const c = fixtureAnalysis({ id: 'ap-3', source: 'ap news', text: 'Talks resume\n\nDiplomats met again.' });
      await store.putMany([a, b]);
      await store.putMany([c]);
      const outlets = (await store.documents({}, { limit: 10 })).items.map((d) => `${d.id}:${d.outlet}`).sort();
      expect(outlets).toEqual(['ap-1:AP News', 'ap-2:AP News', 'ap-3:AP News']);
    }));

    it('lists and counts', withStore(async (store) => {
      await store.putMany([one, two]);
      const listed = await store.list(10, 0);
      expect(listed.map((d) => d.id).sort()).toEqual(['ports-1', 'rain-2']);
      expect(await store.list(1, 1)).toHaveLength(1);
      const stats = await store.stats();
      expect(stats.sentences).toBe((one.layers.sentences?.length ?? 0) + (two.layers.sentences?.length ?? 0));
      expect(stats.bySource).toContainEqual({ source: 'Test Wire', documents: 1 });
    }));

    it('counts the fact layers and collapses one-a-day event records', withFacts(async (store) => {
      const stats = await store.stats();
      expect(stats).toMatchObject({ documents: 3, events: 4, attributions: 3, eventRecords: 3 });
      const records = (await store.eventRecords({ actor: 'RUS', target: 'PRK' }, { limit: 10 })).items;
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ date: '2024-03-01', sourceCode: 'RUSGOV', targetCode: 'PRK', code: '0871', root: '08', mentions: 3, documents: 2, outlets: 2 });
      expect([...records[0]!.documentKeys].sort()).toEqual([kim.document.contentHash, aid.document.contentHash].sort());
      expect(records[0]!.firstUrl).toBe('https://yonhap.test/kim-1');
    }));

    it('filters events by actor code prefix and name, target, country, code, root, quad class, dates, outlet, hedged', withFacts(async (store) => {
      const ids = async (f: Parameters<Store['events']>[0]) => (await store.events(f, { limit: 100 })).items.map((e) => `${e.documentId}:${e.code}`).sort();
      expect(await ids({ actor: 'RUS' })).toEqual(['aid-2:0871', 'kim-1:0871']);
      expect(await ids({ actor: 'rus' })).toEqual(['aid-2:0871', 'kim-1:0871']);
      expect(await ids({ actor: 'russian GOVERNMENT' })).toEqual(['aid-2:0871']);
      expect(await ids({ actor: 'RUS', target: 'PRK' })).toEqual(['aid-2:0871', 'kim-1:0871']);
      expect(await ids({ target: 'RUS' })).toEqual(['kim-1:040']);
      expect(await ids({ country: 'fra' })).toEqual(['ukr-3:111']);
      expect(await ids({ code: '08' })).toEqual(['aid-2:0871', 'kim-1:0871']);
      expect(await ids({ root: '11' })).toEqual(['ukr-3:111']);
      expect(await ids({ quadClass: 3 })).toEqual(['ukr-3:111']);
      expect(await ids({ from: '2024-03-02' })).toEqual(['ukr-3:111']);
      expect(await ids({ to: '2024-03-01', hedged: false })).toEqual(['aid-2:0871', 'kim-1:0871']);
      expect(await ids({ hedged: true })).toEqual(['kim-1:040']);
      expect(await ids({ outlet: 'yonhap' })).toEqual(['kim-1:040', 'kim-1:0871']);
      expect(await ids({ document: 'ukr-3' })).toEqual(['ukr-3:111']);
      // A key prefix of 8 or more characters finds the document, as `show` does; a shorter one does not.
      const ukrKey = (await store.events({ document: 'ukr-3' }, { limit: 1 })).items[0]!.documentKey;
      expect(await ids({ document: ukrKey.slice(0, 8) })).toEqual(['ukr-3:111']);
      expect(await ids({ document: ukrKey.slice(0, 7) })).toEqual([]);
      expect((await store.quotes({ document: ukrKey.slice(0, 10) }, { limit: 10 })).items.map((q) => q.documentId)).toEqual(['ukr-3']);
      expect((await store.eventRecords({ document: ukrKey.slice(0, 8) }, { limit: 10 })).items.map((r) => r.code)).toEqual(['111']);
      const sent = (await store.events({ document: 'kim-1', code: '0871' }, { limit: 1 })).items[0]!;
      expect(sent).toMatchObject({ sourceName: 'Russia', sourceCountry: 'RUS', targetName: 'North Korea', verb: 'sent', sentence: 'Russia sent troops to North Korea.', outlet: 'Yonhap', goldstein: 8.3, quadClass: 2, hedged: false });
      expect(kim.text.slice(sent.verbStart, sent.verbEnd)).toBe('sent');
      expect(sent).toMatchObject({ mentions: 1, rule: 'fixture' });
      expect((await store.events({ document: 'aid-2' }, { limit: 1 })).items[0]!.mentions).toBe(2);
      await expect(store.events({ actor: '!!' }, { limit: 1 })).rejects.toThrow(/no letters or digits/);
      await expect(store.events({ from: 'March' }, { limit: 1 })).rejects.toThrow(/YYYY-MM-DD/);
      // a day that is not on the calendar is an error, not an empty answer
      await expect(store.events({ from: '2026-13-45' }, { limit: 1 })).rejects.toThrow(/from must be a date \(YYYY-MM-DD\), got "2026-13-45"/);
      await expect(store.eventRecords({ to: '2024-02-30' }, { limit: 1 })).rejects.toThrow(/to must be a date/);
      await expect(store.documents({ from: '2026-99-99' }, { limit: 1 })).rejects.toThrow(/from must be a date/);
    }));

    it('keeps an event with no known date undated (never the day it was stored) and collapses such events into one undated record', withStore(async (store) => {
      // No publication date and no date in the sentence: the analysis says date null.
      const undated = (id: string, text: string) => fixtureAnalysis({
        id, text, published: null,
        actors: [{ id: 'a1', name: 'Japan', type: 'LOC', kind: 'country', code: 'JPN', country: 'JPN' }, { id: 'a2', name: 'Korea', type: 'LOC', kind: 'country', code: 'KOR', country: 'KOR' }],
        events: [{ source: { actor: 'a1', code: 'JPN', text: 'Japan' }, target: { actor: 'a2', code: 'KOR', text: 'Korea' }, verb: 'occupied', code: '192', date: null }],
      });
      const first = undated('undated-1', 'Japan had occupied Korea.');
      const second = undated('undated-2', 'Back then Japan occupied Korea.');
      const dated = fixtureAnalysis({
        id: 'dated-3', text: 'Japan occupied Korea in 1910.', published: null,
        actors: [{ id: 'a1', name: 'Japan', type: 'LOC', kind: 'country', code: 'JPN', country: 'JPN' }, { id: 'a2', name: 'Korea', type: 'LOC', kind: 'country', code: 'KOR', country: 'KOR' }],
        events: [{ source: { actor: 'a1', code: 'JPN', text: 'Japan' }, target: { actor: 'a2', code: 'KOR', text: 'Korea' }, verb: 'occupied', code: '192', date: '1910-08-29' }],
      });
      await store.putMany([first, second, dated]);
      const events = (await store.events({ actor: 'JPN' }, { limit: 10 })).items;
      expect(events.map((e) => [e.documentId, e.date])).toEqual([['undated-1', null], ['undated-2', null], ['dated-3', '1910-08-29']]);
      const records = (await store.eventRecords({ actor: 'JPN' }, { limit: 10 })).items;
      expect(records.map((r) => [r.date, r.documents, r.mentions])).toEqual([[null, 2, 2], ['1910-08-29', 1, 1]]);
      expect((await store.stats()).eventRecords).toBe(2);
      // An undated event is in no date range, open-ended or not.
      expect((await store.events({ to: '2999-12-31' }, { limit: 10 })).items.map((e) => e.documentId)).toEqual(['dated-3']);
      expect((await store.events({ from: '1900-01-01' }, { limit: 10 })).items.map((e) => e.documentId)).toEqual(['dated-3']);
      expect((await store.eventRecords({ to: '2999-12-31' }, { limit: 10 })).items.map((r) => r.date)).toEqual(['1910-08-29']);
      const streamed = [];
      for await (const r of store.stream('eventRecords', {})) streamed.push(r.date);
      expect(streamed).toEqual([null, '1910-08-29']);
    }));

    it('filters quotes by speaker (any case), cue, outlet, relay source and hedged, with relay chains', withFacts(async (store) => {
      const kimQuotes = (await store.quotes({ speaker: 'kim jong un' }, { limit: 10 })).items;
      expect(kimQuotes.map((q) => q.documentId).sort()).toEqual(['aid-2', 'kim-1']);
      const viaKcna = (await store.quotes({ relay: 'KCNA' }, { limit: 10 })).items;
      expect(viaKcna).toHaveLength(1);
      expect(viaKcna[0]).toMatchObject({ content: 'the missiles were ready', speaker: 'Kim Jong Un', speakerCode: 'PRKGOV', cue: 'said', cueLemma: 'say', medium: 'KCNA', outlet: 'Yonhap' });
      expect(viaKcna[0]!.chain.map((r) => `${r.kind}:${r.name}`)).toEqual(['speaker:Kim Jong Un', 'medium:KCNA', 'outlet:Yonhap']);
      expect(kim.text.slice(viaKcna[0]!.contentStart, viaKcna[0]!.contentEnd)).toBe('the missiles were ready');
      expect((await store.quotes({ cue: 'warn' }, { limit: 10 })).items.map((q) => q.documentId)).toEqual(['ukr-3']);
      expect((await store.quotes({ hedged: true }, { limit: 10 })).items.map((q) => q.anonymous)).toEqual([true]);
      expect((await store.quotes({ relay: 'Reuters', outlet: 'wire one' }, { limit: 10 })).items).toHaveLength(1);
      expect((await store.quotes({ speaker: 'Kim Jong' }, { limit: 10 })).items).toHaveLength(2);
      expect((await store.quotes({ speaker: 'Jong Kim' }, { limit: 10 })).items).toHaveLength(0);
    }));

    it('gives quote and event rows the offsets of their speaker, cue, medium, source and target spans in the original text', withFacts(async (store) => {
      const analyses = new Map([kim, aid, ukr].map((a) => [a.document.id, a]));
      /** Rows by document, in the order of the analysis layer (a document's rows are stored in index order). */
      const byDocument = <R extends { documentId: string }>(rows: R[]) => {
        const out = new Map<string, R[]>();
        for (const r of rows) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r]);
        return out;
      };
      const offsets = (s: { start: number; end: number } | null | undefined) => [s?.start ?? null, s?.end ?? null];
      const cut = (text: string, start: number | null, end: number | null) => (start === null || end === null ? null : text.slice(start, end));

      const quotes = (await store.quotes({}, { limit: 100 })).items;
      expect(quotes).toHaveLength(3);
      for (const [id, rows] of byDocument(quotes)) {
        const a = analyses.get(id)!;
        expect(rows.map((q) => [q.speakerStart, q.speakerEnd, q.cueStart, q.cueEnd, q.mediumStart, q.mediumEnd]))
          .toEqual(a.layers.attributions!.map((x) => [...offsets(x.speaker), ...offsets(x.cue), ...offsets(x.medium)]));
        for (const q of rows) {
          expect(cut(a.text, q.speakerStart, q.speakerEnd)).toBe(q.speakerText);
          expect(cut(a.text, q.cueStart, q.cueEnd)).toBe(q.cue);
          expect(cut(a.text, q.mediumStart, q.mediumEnd)).toBe(q.medium);
        }
      }
      const viaKcna = quotes.find((q) => q.documentId === 'kim-1')!;
      expect([cut(kim.text, viaKcna.speakerStart, viaKcna.speakerEnd), cut(kim.text, viaKcna.cueStart, viaKcna.cueEnd), cut(kim.text, viaKcna.mediumStart, viaKcna.mediumEnd)])
        .toEqual(['Kim Jong Un', 'said', 'KCNA']);
      // No medium: null offsets, not 0.
      expect(quotes.find((q) => q.documentId === 'ukr-3')).toMatchObject({ medium: null, mediumStart: null, mediumEnd: null, speakerText: 'a spokesman', cue: 'warned' });

      const events = (await store.events({}, { limit: 100 })).items;
      expect(events).toHaveLength(4);
      for (const [id, rows] of byDocument(events)) {
        const a = analyses.get(id)!;
        expect(rows.map((e) => [e.sourceStart, e.sourceEnd, e.targetStart, e.targetEnd]))
          .toEqual(a.layers.events!.map((x) => [...offsets(x.source.span), ...offsets(x.target?.span)]));
      }
      const kimEvents = events.filter((e) => e.documentId === 'kim-1');
      expect(kimEvents.map((e) => [e.verb, cut(kim.text, e.sourceStart, e.sourceEnd), cut(kim.text, e.targetStart, e.targetEnd)]))
        .toEqual([['sent', 'Russia', 'North Korea'], ['met', 'Officials', null]]);
      // A target with no span: null offsets.
      expect(kimEvents[1]).toMatchObject({ targetName: 'Russia', targetStart: null, targetEnd: null });
      // Streams give the same rows.
      const streamed = [];
      for await (const q of store.stream('quotes', {})) streamed.push(q);
      expect(streamed).toEqual(quotes);
    }));

    it('groups actors across documents', withFacts(async (store) => {
      const actors = (await store.actors({}, { limit: 100 })).items;
      expect(actors.find((a) => a.name === 'Kim Jong Un')).toMatchObject({ code: 'PRKGOV', documents: 2, mentions: 2 });
      expect(actors[0]!.documents).toBeGreaterThanOrEqual(actors.at(-1)!.documents);
      expect((await store.actors({ name: 'PRK' }, { limit: 100 })).items.map((a) => a.name).sort()).toEqual(['KCNA', 'Kim Jong Un', 'North Korea']);
      expect((await store.actors({ country: 'ukr' }, { limit: 100 })).items.map((a) => a.name)).toEqual(['Ukraine']);
    }));

    it('pages with opaque cursors and refuses foreign or broken ones', withFacts(async (store) => {
      const all = (await store.events({}, { limit: 100 })).items;
      const paged = await collect((cursor) => store.events({}, { limit: 1, cursor }));
      expect(paged.items).toEqual(all);
      expect(paged.pages).toBe(4);
      const actorsAll = (await store.actors({}, { limit: 100 })).items;
      expect((await collect((cursor) => store.actors({}, { limit: 3, cursor }))).items).toEqual(actorsAll);
      const first = await store.events({}, { limit: 1 });
      await expect(store.quotes({}, { limit: 1, cursor: first.nextCursor })).rejects.toThrow(/invalid cursor/);
      await expect(store.events({}, { limit: 1, cursor: 'not-a-cursor' })).rejects.toThrow(/invalid cursor/);
    }));

    it('searches the full text', withFacts(async (store) => {
      const hits = (await store.search('missiles ready', { limit: 10 })).items;
      expect(hits.map((h) => h.id)).toEqual(['kim-1']);
      expect(hits[0]!.snippet).toContain('[missiles]');
      expect((await store.search('North Korea', { limit: 10 })).items.map((h) => h.id).sort()).toEqual(['aid-2', 'kim-1']);
      expect((await store.search('criticised', { limit: 10 })).items.map((h) => h.id)).toEqual(['ukr-3']);
      expect((await store.search('zebra', { limit: 10 })).items).toEqual([]);
      const paged = await collect((cursor) => store.search('North Korea', { limit: 1, cursor }));
      expect(paged.items.map((h) => h.id).sort()).toEqual(['aid-2', 'kim-1']);
    }));

    it('finds abbreviations written with full stops ("U.S.") in the full text', withStore(async (store) => {
      await store.putMany([
        fixtureAnalysis({ id: 'us-1', text: 'Sanctions widen\n\nThe U.S. imposed new sanctions on Monday.' }),
        fixtureAnalysis({ id: 'us-2', text: 'Harvest late\n\nRain kept farmers out of the fields.' }),
      ]);
      expect((await store.search('U.S.', { limit: 10 })).items.map((h) => h.id)).toEqual(['us-1']);
      expect((await store.search('U.S. sanctions', { limit: 10 })).items.map((h) => h.id)).toEqual(['us-1']);
    }));

    it('finds a speaker or relay by the name the article gives it, not only its canonical name', withStore(async (store) => {
      await store.putMany([aliasFixture()]);
      expect((await store.quotes({ relay: 'KCNA' }, { limit: 10 })).items.map((q) => q.content)).toEqual(['Putin wrote to Kim']);
      expect((await store.quotes({ relay: 'Korean Central News Agency' }, { limit: 10 })).items.map((q) => q.content)).toEqual(['Putin wrote to Kim']);
      expect((await store.quotes({ speaker: 'KCNA' }, { limit: 10 })).items.map((q) => q.content)).toEqual(['KCNA had the letter']);
    }));

    it('tells search hits from brackets of the text itself', withStore(async (store) => {
      await store.putMany([fixtureAnalysis({ id: 'brackets-1', text: 'Kok wrote that the ink had scarcely dried on the [Lisbon] agreement.\nNothing else.' })]);
      const [hit] = (await store.search('scarcely dried', { limit: 10 })).items;
      expect(hit!.snippet).toContain('[scarcely] [dried] on the [Lisbon] agreement');
      expect(hit!.highlights.map(({ start, end }) => hit!.snippet.slice(start, end))).toEqual(['scarcely', 'dried']);
      for (const { start, end } of hit!.highlights) expect([hit!.snippet[start - 1], hit!.snippet[end]]).toEqual(['[', ']']);
    }));

    it('keeps stories and lists their documents', withFacts(async (store) => {
      const story = await store.createStory('Russian aid to North Korea');
      await store.assignToStory('kim-1', story, 0.9);
      await store.assignToStory(aid.document.contentHash, story);
      expect((await store.documents({ unassigned: true }, { limit: 10 })).items.map((d) => d.id)).toEqual(['ukr-3']);
      const other = await store.createStory(null);
      await store.assignToStory('ukr-3', other);
      expect((await store.documents({ unassigned: true }, { limit: 10 })).items).toEqual([]);
      expect((await store.stories({}, { limit: 10 })).items).toEqual([
        { id: story, label: 'Russian aid to North Korea', documents: 2, firstPublished: '2024-03-01', lastPublished: '2024-03-01', createdAt: expect.any(String) },
        { id: other, label: null, documents: 1, firstPublished: '2024-03-05', lastPublished: '2024-03-05', createdAt: expect.any(String) },
      ]);
      expect((await store.documents({ story }, { limit: 10 })).items.map((d) => d.id).sort()).toEqual(['aid-2', 'kim-1']);
      await store.assignToStory('ukr-3', story);
      expect((await store.stories({ minDocuments: 1 }, { limit: 10 })).items.map((s) => s.documents)).toEqual([3]);
      await expect(store.assignToStory('absent', story)).rejects.toThrow(/no stored document/);
      await expect(store.assignToStory('kim-1', 999999)).rejects.toThrow(/no story/);
    }));

    it('lists documents with filters', withFacts(async (store) => {
      expect((await store.documents({ from: '2024-03-02' }, { limit: 10 })).items.map((d) => d.id)).toEqual(['ukr-3']);
      expect((await store.documents({ outlet: 'DAILY two' }, { limit: 10 })).items).toMatchObject([{ id: 'aid-2', outlet: 'Daily Two', events: 1, attributions: 1 }]);
    }));

    it('keeps feeds and the item ids already seen', withStore(async (store) => {
      const url = 'https://feeds.test/world.xml';
      const created = await store.upsertFeed(url, { title: 'World' });
      expect(created).toMatchObject({ url, title: 'World', etag: null, lastPolled: null });
      await store.upsertFeed(url, { etag: '"abc"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', lastPolled: '2024-01-01T00:00:00Z' });
      expect(await store.getFeed(url)).toMatchObject({ title: 'World', etag: '"abc"', lastPolled: '2024-01-01T00:00:00Z' });
      expect(await store.unseen(url, ['a', 'b'])).toEqual(['a', 'b']);
      expect(await store.markSeen(url, ['a', 'b'])).toEqual(['a', 'b']);
      expect(await store.unseen(url, ['b', 'c', 'c'])).toEqual(['c']);
      expect(await store.markSeen(url, ['b', 'c'])).toEqual(['c']);
      expect((await store.listFeeds()).map((f) => f.url)).toEqual([url]);
      expect(await store.getFeed('https://absent.test/')).toBeNull();
      await expect(store.markSeen('https://absent.test/', ['x'])).rejects.toThrow(/no feed/);
      expect(await store.removeFeed(url)).toBe(true);
      expect(await store.removeFeed(url)).toBe(false);
      expect(await store.listFeeds()).toEqual([]);
      // Re-adding starts with nothing seen.
      await store.upsertFeed(url);
      expect(await store.markSeen(url, ['a'])).toEqual(['a']);
    }));

    it('keeps reading and writing while a stream is open or abandoned', withFacts(async (store) => {
      const open = store.stream('events', {})[Symbol.asyncIterator]();
      const first = await open.next();
      expect(first.done).toBe(false);
      const abandoned = store.stream('quotes', {})[Symbol.asyncIterator]();
      await abandoned.next(); // never finished: must not block writes
      expect((await store.events({}, { limit: 10 })).items).toHaveLength(4);
      const late = fixtureAnalysis({ id: 'late-5', text: 'A late report arrived on Friday.' });
      expect((await store.putMany([late])).map((r) => r.inserted)).toEqual([true]);
      let rest = 1;
      for (let r = await open.next(); !r.done; r = await open.next()) rest++;
      expect(rest).toBeGreaterThanOrEqual(4);
      await abandoned.return?.(undefined);
    }));

    it('streams whole tables with the same rows as the pages', withFacts(async (store) => {
      const streamed = [];
      for await (const e of store.stream('events', {})) streamed.push(e);
      expect(streamed).toEqual((await store.events({}, { limit: 100 })).items);
      const quotes = [];
      for await (const q of store.stream('quotes', { speaker: 'Kim Jong Un' })) quotes.push(q);
      expect(quotes).toHaveLength(2);
      const records = [];
      for await (const r of store.stream('eventRecords', {})) records.push(r);
      expect(records).toEqual((await store.eventRecords({}, { limit: 100 })).items);
    }));
  });
}

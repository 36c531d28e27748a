import fs from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { discoverFeeds, parseOpml, pollFeed, sniffFeedKind, parseFeed, type FeedItem } from '../../feeds/index.js';
import { createFetcher } from '../../fetch/index.js';
import { feedItemsToRaw } from '../../readers/web-inputs.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { NewsgraphError } from '../../util/errors.js';
import { terminalSafe } from '../../util/terminal.js';
import { ingestSources } from './ingest.js';

export interface FeedsCliContext {
  write: (s: string) => void;
  log: (s: string) => void;
  dbOption: () => Option;
}

/** Subscribe to every feed listed in an OPML file; returns how many were new. */
export async function subscribeOpml(store: Store, file: string): Promise<{ listed: number; added: number }> {
  if (!fs.existsSync(file)) throw new NewsgraphError('not-found', `no such file: ${file}`);
  const opml = parseOpml(fs.readFileSync(file));
  let added = 0;
  for (const feed of opml.feeds) {
    if (!feed.xmlUrl || !/^https?:\/\//i.test(feed.xmlUrl)) continue;
    if (!(await store.getFeed(feed.xmlUrl))) added++;
    await store.upsertFeed(feed.xmlUrl, { title: feed.title ?? null });
  }
  return { listed: opml.feeds.length, added };
}

/** `newsgraph feeds add|list|remove|poll`: feed subscriptions kept in the store. */
export function registerFeedsCommands(program: Command, ctx: FeedsCliContext): void {
  const feeds = program.command('feeds').description('follow RSS, Atom, RDF and JSON feeds (state kept in the store)');

  feeds
    .command('add')
    .description('subscribe to feeds by URL (a page URL is searched for its feed links) or from an OPML file')
    .argument('[urls...]', 'feed or page URLs')
    .option('--opml <file>', 'subscribe to every feed listed in an OPML file')
    .option('--allow-private', 'let the URL fetcher reach private and loopback addresses')
    .addOption(ctx.dbOption())
    .action(async (urls: string[], opts: { opml?: string; allowPrivate?: boolean; db: string }) => {
      if (urls.length === 0 && !opts.opml) throw new NewsgraphError('usage', 'give feed URLs or --opml <file>');
      const store = await openStore(opts.db);
      try {
        if (opts.opml) {
          const r = await subscribeOpml(store, opts.opml);
          ctx.log(`${opts.opml}: ${r.listed} feeds listed, ${r.added} new subscriptions`);
        }
        const fetcher = createFetcher({ allowPrivate: Boolean(opts.allowPrivate) });
        for (const url of urls) {
          const res = await fetcher.fetch(url);
          if (sniffFeedKind(res.body)) {
            const feed = parseFeed(res.body, { url: res.url });
            await store.upsertFeed(res.url, { title: feed.title ?? null });
            ctx.log(`subscribed to ${res.url} (${terminalSafe(feed.title ?? 'untitled')}, ${feed.items.length} items now)`);
            continue;
          }
          const found = discoverFeeds(res.body.toString('utf8'), res.url);
          if (found.length === 0) throw new NewsgraphError('bad-feed', `${url}: not a feed, and the page links to none`);
          await store.upsertFeed(found[0]!.url, { title: found[0]!.title ?? null });
          ctx.log(`subscribed to ${found[0]!.url}, found on ${url}`);
        }
      } finally {
        await store.close();
      }
    });

  feeds
    .command('list')
    .description('the feeds followed, with when they were last polled')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(ctx.dbOption())
    .action(async (opts: { format: 'table' | 'json'; db: string }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        const list = await store.listFeeds();
        if (opts.format === 'json') {
          ctx.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (list.length === 0) ctx.write('no feeds: add one with "newsgraph feeds add <url>"\n');
        for (const f of list) ctx.write(`${f.url}\t${terminalSafe(f.title ?? '')}\t${f.lastPolled ? `polled ${f.lastPolled}` : 'never polled'}\n`);
      } finally {
        await store.close();
      }
    });

  feeds
    .command('remove')
    .description('stop following a feed')
    .argument('<url>', 'the feed URL, as listed')
    .addOption(ctx.dbOption())
    .action(async (url: string, opts: { db: string }) => {
      const store = await openStore(opts.db);
      try {
        if (!(await store.removeFeed(url))) throw new NewsgraphError('not-found', `not following ${url} (see "newsgraph feeds list")`);
        ctx.log(`removed ${url}`);
      } finally {
        await store.close();
      }
    });

  feeds
    .command('poll')
    .description('fetch every feed (conditional GET, polite per host) and ingest the new items')
    .option('--allow-private', 'let the URL fetcher reach private and loopback addresses')
    .option('-q, --quiet', 'no progress output')
    .addOption(ctx.dbOption())
    .action(async (opts: { allowPrivate?: boolean; quiet?: boolean; db: string }) => {
      const store = await openStore(opts.db);
      try {
        const list = await store.listFeeds();
        if (list.length === 0) throw new NewsgraphError('usage', 'no feeds to poll: add one with "newsgraph feeds add <url>"');
        const fetcher = createFetcher({ allowPrivate: Boolean(opts.allowPrivate) });
        const pending = new Map<string, { items: FeedItem[]; etag: string | null; lastModified: string | null; title: string | null }>();
        const summary = await ingestSources(
          store,
          list.map((feed) => ({
            name: feed.url,
            read: async function* () {
              const result = await pollFeed(fetcher, { url: feed.url, etag: feed.etag, lastModified: feed.lastModified, lastPolledAt: feed.lastPolled });
              pending.set(feed.url, { items: result.newItems, etag: result.state.etag ?? null, lastModified: result.state.lastModified ?? null, title: result.feed?.title ?? feed.title });
              if (result.notModified || !result.feed) {
                ctx.log(`${feed.url}: not modified`);
                return;
              }
              // Items seen in earlier polls are skipped here (they are marked seen only once stored);
              // items already stored from elsewhere are skipped by content hash.
              const unseen = new Set(await store.unseen(feed.url, result.newItems.map((i) => i.id)));
              yield* feedItemsToRaw({ ...result.feed, items: result.newItems.filter((i) => unseen.has(i.id)) }, feed.url);
            },
          })),
          {
            batchSize: 100,
            quiet: Boolean(opts.quiet),
            log: ctx.log,
            afterSource: async (url) => {
              const p = pending.get(url);
              if (!p) return;
              await store.markSeen(url, p.items.map((i) => i.id));
              await store.upsertFeed(url, { etag: p.etag, lastModified: p.lastModified, lastPolled: new Date().toISOString(), title: p.title });
            },
          },
        );
        if (summary.failed > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}

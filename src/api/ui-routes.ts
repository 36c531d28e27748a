/**
 * Read routes for the web UI (web/): the views it needs that are not plain
 * store lists: a document with its story and near-duplicates, an actor
 * summary with a timeline, a dyad's time series, network nodes and edges, a
 * story with its outlets in order, and one search across everything.
 *
 * Mount under the API app:  app.route('/api/ui', uiRoutes(store))
 * Every route is GET and read-only; errors are `{ error: { code, message } }`.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Analysis } from '../doc/schema.js';
import type {
  ActorRow, DocumentRow, EventRow, QuoteRow, SearchHit, Store, StoryRow,
} from '../store/store.js';
import { isCalendarDay } from '../util/dates.js';
import { NewsgraphError, isNewsgraphError } from '../util/errors.js';

/** How many rows a summary reads at most from one stream (keeps a request bounded). */
const STREAM_CAP = 200_000;
/** Rows listed per section on a page. */
const LIST = 200;

const day = z.string().refine(isCalendarDay, 'expected a date (YYYY-MM-DD)');
const short = z.string().trim().min(1).max(200);

const documentsQuery = z.object({
  outlet: short.optional(),
  from: day.optional(),
  to: day.optional(),
  story: z.coerce.number().int().positive().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const actorQuery = z.object({ name: short.optional(), code: z.string().trim().regex(/^[A-Za-z0-9]{1,15}$/).optional() })
  .refine((q) => q.name !== undefined || q.code !== undefined, 'give name or code');
const dyadQuery = z.object({ a: short, b: short, bucket: z.enum(['week', 'month']).default('month') });
const networkQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  code: z.string().trim().regex(/^\d{1,4}$/, 'CAMEO code: 1-4 digits').optional(),
  quadClass: z.coerce.number().int().min(1).max(4).optional(),
  limit: z.coerce.number().int().min(2).max(5000).default(2000),
});
const storiesQuery = z.object({
  minDocuments: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const searchQuery = z.object({ q: z.string().trim().min(1).max(300) });

function parse<T extends z.ZodType>(schema: T, c: Context): z.infer<T> {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (v !== '') raw[k] = v;
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new NewsgraphError('bad-input', `${where}${issue?.message ?? 'invalid query'}`);
  }
  return r.data;
}

function statusOf(code: string): 400 | 404 | 500 {
  if (code === 'not-found') return 404;
  if (code.startsWith('bad-') || code === 'usage' || code === 'too-large' || code === 'empty-input') return 400;
  return 500;
}

/** Where server-side failures are logged (never sent to clients): one line, as the API logs its own. */
export type Log = (line: string) => void;

function fail(c: Context, e: unknown, log: Log): Response {
  if (isNewsgraphError(e)) {
    const status = statusOf(String(e.code));
    if (status === 500) log(`newsgraph serve: ${c.req.method} ${c.req.path}: ${String(e.code)}: ${e.message}`);
    return c.json({ error: { code: String(e.code), message: status === 500 ? 'the store failed to answer' : e.message } }, status);
  }
  log(`newsgraph serve: ${c.req.method} ${c.req.path}: internal error: ${(e as Error)?.stack ?? String(e)}`);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}

type Handler = (c: Context) => Promise<Response>;

/* ---------- time buckets ---------- */

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Monday of the ISO week, as YYYY-MM-DD. */
export function weekOf(date: string): string {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return date.slice(0, 10);
  const d = new Date(t);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** Every bucket from the first to the last one present, so charts show gaps as zeros. */
export function fillBuckets(present: Iterable<string>, unit: 'week' | 'month', maxBuckets = 520): string[] {
  const sorted = [...new Set(present)].filter((b) => /^\d{4}-\d{2}/.test(b)).sort();
  if (sorted.length === 0) return [];
  const out: string[] = [];
  const last = sorted[sorted.length - 1]!;
  if (unit === 'month') {
    let [y, m] = sorted[0]!.split('-').map(Number) as [number, number];
    for (let i = 0; i < maxBuckets; i++) {
      const b = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
      out.push(b);
      if (b >= last) break;
      m++;
      if (m > 12) { m = 1; y++; }
    }
  } else {
    let t = Date.parse(`${sorted[0]}T00:00:00Z`);
    for (let i = 0; i < maxBuckets; i++) {
      const b = new Date(t).toISOString().slice(0, 10);
      out.push(b);
      if (b >= last) break;
      t += 7 * 86_400_000;
    }
  }
  // Too long a range: keep the buckets that have data rather than a truncated axis.
  return out[out.length - 1]! >= last ? out : sorted;
}

/* ---------- helpers over the store ---------- */

async function collect<T>(it: AsyncIterable<T>, keep: (row: T) => boolean = () => true, cap = STREAM_CAP): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  let seen = 0;
  for await (const row of it) {
    if (++seen > cap) return { rows, truncated: true };
    if (keep(row)) rows.push(row);
  }
  return { rows, truncated: false };
}

/** Newest first; undated events (date null) after every dated one. */
const newestFirst = (a: { date: string | null; id: number }, b: { date: string | null; id: number }): number => {
  const x = a.date ?? '';
  const y = b.date ?? '';
  return x < y ? 1 : x > y ? -1 : b.id - a.id;
};

function wordRe(name: string): RegExp {
  const esc = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${esc}($|[^\\p{L}\\p{N}])`, 'iu');
}

function shingles(text: string, k = 5): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length < k) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (big.has(s)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Shared 5-word shingles: at least this much is a near-duplicate; at least SIMILAR is listed as similar. */
const NEAR_DUPLICATE = 0.8;
const SIMILAR = 0.3;

/** The title's four longest words: a full-text probe for copies of the same article. */
function probeWords(title: string): string | null {
  const words = [...new Set(title.match(/[\p{L}\p{N}]{4,}/gu) ?? [])].sort((x, y) => y.length - x.length).slice(0, 4);
  return words.length >= 2 ? words.join(' ') : null;
}

async function findDocumentRow(store: Store, analysis: Analysis): Promise<DocumentRow | null> {
  // The document filter has no key; walk the stream (stops at the match).
  for await (const row of store.stream('documents', {})) {
    if (row.key === analysis.document.contentHash || row.id === analysis.document.id) return row;
  }
  return null;
}

async function findStory(store: Store, id: number): Promise<StoryRow | null> {
  let cursor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await store.stories({}, { limit: 1000, cursor });
    const hit = page.items.find((s) => s.id === id);
    if (hit) return hit;
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
  }
  return null;
}

function byPublished(a: DocumentRow, b: DocumentRow): number {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : 0;
}

/* ---------- the routes ---------- */

export function uiRoutes(store: Store, log: Log = (line) => process.stderr.write(`${line}\n`)): Hono {
  const app = new Hono();
  const safe = (h: Handler): Handler => async (c) => {
    try {
      return await h(c);
    } catch (e) {
      return fail(c, e, log);
    }
  };

  app.get('/documents', safe(async (c) => {
    const q = parse(documentsQuery, c);
    const page = await store.documents({ outlet: q.outlet, from: q.from, to: q.to, story: q.story }, { limit: q.limit, cursor: q.cursor ?? null });
    return c.json(page);
  }));

  app.get('/documents/:key', safe(async (c) => {
    const key = c.req.param('key') ?? '';
    if (key.length > 300) throw new NewsgraphError('bad-input', 'document key too long');
    const a = await store.get(key);
    if (!a) throw new NewsgraphError('not-found', `no stored document ${key}`);
    return c.json(a);
  }));

  app.get('/documents/:key/related', safe(async (c) => {
    const key = c.req.param('key') ?? '';
    const a = await store.get(key);
    if (!a) throw new NewsgraphError('not-found', `no stored document ${key}`);
    const row = await findDocumentRow(store, a);
    const mine = shingles(a.text);
    const similarityTo = async (otherKey: string): Promise<number | null> => {
      const other = await store.get(otherKey);
      return other ? Math.round(jaccard(mine, shingles(other.text)) * 1000) / 1000 : null;
    };
    let story: StoryRow | null = null;
    const storyDocuments = [];
    if (row && row.storyId !== null) {
      const [s, members] = await Promise.all([findStory(store, row.storyId), store.documents({ story: row.storyId }, { limit: 200 })]);
      story = s;
      for (const d of members.items.sort(byPublished)) {
        const similarity: number | null = d.key === row.key ? 1 : storyDocuments.length < 60 ? await similarityTo(d.key) : null;
        storyDocuments.push({ ...d, similarity, nearDuplicate: d.key !== row.key && similarity !== null && similarity >= NEAR_DUPLICATE });
      }
    }
    // Near-duplicates anywhere in the store: full-text candidates on the title's longest words, then shingle overlap.
    const inStory = new Set(storyDocuments.map((d) => d.key));
    const nearDuplicates: (SearchHit & { similarity: number })[] = [];
    const probe = probeWords(a.document.title ?? a.layers.title?.text ?? a.text.slice(0, 300));
    if (probe) {
      const hits = await store.search(probe, { limit: 15 }).then((p) => p.items).catch(() => [] as SearchHit[]);
      for (const h of hits) {
        if (h.key === a.document.contentHash || h.key === row?.key || inStory.has(h.key)) continue;
        const similarity = await similarityTo(h.key);
        if (similarity !== null && similarity >= SIMILAR) nearDuplicates.push({ ...h, similarity });
      }
      nearDuplicates.sort((x, y) => y.similarity - x.similarity);
    }
    return c.json({ story, storyDocuments, nearDuplicates });
  }));

  app.get('/actor', safe(async (c) => {
    const q = parse(actorQuery, c);
    // With a name the page is about that actor (its code, when given, only disambiguates);
    // with a code alone it is about every actor under the code (RUS: Russia, its government, its army ...).
    const code = q.code?.toUpperCase() ?? null;
    const codeOk = (x: string | null): boolean => code === null || x === null || x.toUpperCase().startsWith(code);
    const matches: ActorRow[] = q.name
      ? (await store.actors({ name: q.name }, { limit: 50 })).items.filter((m) => codeOk(m.code)).slice(0, 20)
      : (await store.actors({ code: code! }, { limit: 20 })).items;
    const name = q.name ?? null;
    const [src, tgt] = await Promise.all([
      collect(store.stream('events', { actor: name ?? code! }), (e) => name === null || codeOk(e.sourceCode)),
      collect(store.stream('events', { target: name ?? code! }), (e) => name === null || codeOk(e.targetCode)),
    ]);
    let statementsBy: QuoteRow[] = [];
    if (name) statementsBy = (await store.quotes({ speaker: name }, { limit: LIST })).items.filter((r) => codeOk(r.speakerCode));
    // One pass over the quotes: by the code group (code alone), and about the actor (its name in the quote).
    const aboutName = name ?? matches[0]?.name ?? null;
    const about = aboutName ? wordRe(aboutName) : null;
    const statementsAbout: QuoteRow[] = [];
    if (about || name === null) {
      const byIds = new Set(statementsBy.map((r) => r.id));
      await collect(store.stream('quotes', {}), (r) => {
        if (name === null && statementsBy.length < LIST && (r.speakerCode ?? '').toUpperCase().startsWith(code!)) {
          statementsBy.push(r);
          byIds.add(r.id);
        } else if (about && statementsAbout.length < LIST && !byIds.has(r.id) && about.test(r.content)) statementsAbout.push(r);
        return false;
      }, 100_000);
    }
    const buckets = new Map<string, { asSource: number; asTarget: number; quotes: number; goldsteinOut: number; goldsteinIn: number }>();
    const bucket = (b: string) => {
      let x = buckets.get(b);
      if (!x) buckets.set(b, (x = { asSource: 0, asTarget: 0, quotes: 0, goldsteinOut: 0, goldsteinIn: 0 }));
      return x;
    };
    // Undated events are listed but have no place on the timeline.
    for (const e of src.rows) { if (e.date === null) continue; const x = bucket(monthOf(e.date)); x.asSource++; x.goldsteinOut += e.goldstein; }
    for (const e of tgt.rows) { if (e.date === null) continue; const x = bucket(monthOf(e.date)); x.asTarget++; x.goldsteinIn += e.goldstein; }
    for (const r of statementsBy) if (r.published) bucket(monthOf(r.published)).quotes++;
    const timeline = fillBuckets(buckets.keys(), 'month').map((b) => ({ bucket: b, ...(buckets.get(b) ?? { asSource: 0, asTarget: 0, quotes: 0, goldsteinOut: 0, goldsteinIn: 0 }) }));
    return c.json({
      query: { name: q.name ?? null, code: q.code ?? null },
      matches,
      statementsBy,
      statementsAbout,
      asSource: src.rows.sort(newestFirst).slice(0, LIST),
      asTarget: tgt.rows.sort(newestFirst).slice(0, LIST),
      timeline,
      truncated: src.truncated || tgt.truncated || src.rows.length > LIST || tgt.rows.length > LIST,
    });
  }));

  app.get('/dyad', safe(async (c) => {
    const q = parse(dyadQuery, c);
    const [ab, ba] = await Promise.all([
      collect(store.stream('events', { actor: q.a, target: q.b })),
      collect(store.stream('events', { actor: q.b, target: q.a })),
    ]);
    const of = q.bucket === 'week' ? weekOf : monthOf;
    const agg = new Map<string, { ab: number; ba: number; goldsteinAB: number; goldsteinBA: number }>();
    const get = (b: string) => {
      let x = agg.get(b);
      if (!x) agg.set(b, (x = { ab: 0, ba: 0, goldsteinAB: 0, goldsteinBA: 0 }));
      return x;
    };
    const quad = { ab: [0, 0, 0, 0] as [number, number, number, number], ba: [0, 0, 0, 0] as [number, number, number, number] };
    // Undated events count in the totals and quad classes but not in the time series.
    for (const e of ab.rows) { quad.ab[e.quadClass - 1]!++; if (e.date === null) continue; const x = get(of(e.date)); x.ab++; x.goldsteinAB += e.goldstein; }
    for (const e of ba.rows) { quad.ba[e.quadClass - 1]!++; if (e.date === null) continue; const x = get(of(e.date)); x.ba++; x.goldsteinBA += e.goldstein; }
    const round = (n: number) => Math.round(n * 100) / 100;
    const series = fillBuckets(agg.keys(), q.bucket).map((b) => {
      const x = agg.get(b) ?? { ab: 0, ba: 0, goldsteinAB: 0, goldsteinBA: 0 };
      return { bucket: b, ab: x.ab, ba: x.ba, goldsteinAB: round(x.goldsteinAB), goldsteinBA: round(x.goldsteinBA) };
    });
    const events: EventRow[] = [...ab.rows, ...ba.rows].sort(newestFirst).slice(0, LIST);
    return c.json({
      a: q.a, b: q.b, bucket: q.bucket, series, quad, events,
      total: { ab: ab.rows.length, ba: ba.rows.length },
      truncated: ab.truncated || ba.truncated || ab.rows.length + ba.rows.length > LIST,
    });
  }));

  app.get('/network', safe(async (c) => {
    const q = parse(networkQuery, c);
    const nodes = new Map<string, { id: string; label: string; code: string | null; country: string | null; degree: number; events: number; names: Map<string, number> }>();
    const edges = new Map<string, { source: string; target: string; quadClass: number; count: number; goldstein: number; codes: Set<string> }>();
    let events = 0;
    const { truncated: streamCut } = await collect(store.stream('eventRecords', { from: q.from, to: q.to, code: q.code, quadClass: q.quadClass }), (r) => {
      const s = r.sourceCode ?? r.sourceName;
      const t = r.targetCode ?? r.targetName;
      if (!s || !t || s === t) return false;
      const n = Math.max(1, r.mentions);
      events += n;
      for (const [id, name, code, country] of [[s, r.sourceName, r.sourceCode, r.sourceCountry], [t, r.targetName, r.targetCode, r.targetCountry]] as const) {
        let node = nodes.get(id);
        if (!node) nodes.set(id, (node = { id, label: name ?? code ?? id, code, country, degree: 0, events: 0, names: new Map() }));
        node.events += n;
        if (name) node.names.set(name, (node.names.get(name) ?? 0) + n);
      }
      const k = `${s}\u0000${t}\u0000${r.quadClass}`;
      let e = edges.get(k);
      if (!e) edges.set(k, (e = { source: s, target: t, quadClass: r.quadClass, count: 0, goldstein: 0, codes: new Set() }));
      e.count += n;
      e.goldstein += r.goldstein * n;
      e.codes.add(r.code);
      return false;
    });
    let kept = [...nodes.values()];
    const cut = kept.length > q.limit;
    if (cut) kept = kept.sort((x, y) => y.events - x.events).slice(0, q.limit);
    const keep = new Set(kept.map((n) => n.id));
    const outEdges = [...edges.values()].filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => ({
      source: e.source, target: e.target, quadClass: e.quadClass, count: e.count,
      goldstein: Math.round((e.goldstein / e.count) * 100) / 100, codes: [...e.codes].sort().slice(0, 10),
    }));
    for (const e of outEdges) {
      nodes.get(e.source)!.degree++;
      nodes.get(e.target)!.degree++;
    }
    // A code groups several names (USAGOV: presidents, ministries ...): label with the commonest, count the others.
    const outNodes = kept.filter((n) => n.degree > 0).map(({ names, ...n }) => {
      const ranked = [...names.entries()].sort((x, y) => y[1] - x[1]);
      return { ...n, label: ranked[0]?.[0] ?? n.label, otherNames: Math.max(0, ranked.length - 1) };
    });
    return c.json({ nodes: outNodes, edges: outEdges, truncated: cut || streamCut, events });
  }));

  app.get('/stories', safe(async (c) => {
    const q = parse(storiesQuery, c);
    return c.json(await store.stories({ minDocuments: q.minDocuments }, { limit: q.limit, cursor: q.cursor ?? null }));
  }));

  app.get('/stories/:id', safe(async (c) => {
    const id = Number(c.req.param('id') ?? '');
    if (!Number.isSafeInteger(id) || id < 1) throw new NewsgraphError('bad-input', 'story id must be a positive whole number');
    const story = await findStory(store, id);
    if (!story) throw new NewsgraphError('not-found', `no story ${id}`);
    const docs = (await store.documents({ story: id }, { limit: 1000 })).items.sort(byPublished);
    const first = docs.find((d) => d.published) ?? docs[0] ?? null;
    return c.json({ story, documents: docs, first });
  }));

  app.get('/search', safe(async (c) => {
    const { q } = parse(searchQuery, c);
    // Punctuation alone ("?", a stray quote) names nothing: nothing found, not an error about a "name" filter.
    if (!/[\p{L}\p{N}]/u.test(q)) return c.json({ q, documents: [], actors: [], quotes: [], events: [] });
    const page = { limit: 20 };
    const [documents, actors, bySpeaker, byRelay, asSource, asTarget] = await Promise.all([
      store.search(q, page).then((p) => p.items).catch((e: unknown): SearchHit[] => {
        if (isNewsgraphError(e) && String(e.code).startsWith('bad-')) return [];
        throw e;
      }),
      store.actors({ name: q }, page).then((p) => p.items),
      store.quotes({ speaker: q }, page).then((p) => p.items),
      store.quotes({ relay: q }, page).then((p) => p.items),
      store.events({ actor: q }, page).then((p) => p.items),
      store.events({ target: q }, page).then((p) => p.items),
    ]);
    const uniq = <T extends { id: number }>(rows: T[]): T[] => {
      const seen = new Set<number>();
      return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
    };
    return c.json({ q, documents, actors, quotes: uniq([...bySpeaker, ...byRelay]), events: uniq([...asSource, ...asTarget]).sort(newestFirst) });
  }));

  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no UI route ${c.req.path}` } }, 404));
  return app;
}

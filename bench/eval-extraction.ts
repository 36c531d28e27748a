/**
 * Evaluates newsgraph's HTML article extraction against Mozilla Readability
 * (with linkedom) on ScrapingHub, trafilatura and fundus pages.
 *
 *   node --import tsx bench/eval-extraction.ts [data-dir] [--only newsgraph] [--verbose]
 *
 * data-dir defaults to ../shared/eval/extraction beside the repo (or $NEWSGRAPH_SHARED/eval/extraction).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/extract/index.js';
import { cleanAuthors } from '../src/extract/metadata.js';
import { normalizeDate } from '../src/extract/dates.js';
import {
  type MetadataRates, type PrfScore, type ShingleCounts, type SnippetCounts, type SnippetScore,
  averageShingleScores, metadataMatch, metadataRates, shingleCounts, snippetCounts, sumSnippetScores,
} from './extraction-scoring.js';
import { loadFundus, loadScrapinghub, loadTrafilatura } from './extraction-datasets.js';
import { runScript, sharedPath } from './shared.js';

export interface ExtractorOutput {
  text: string;
  title: string | null;
  published: string | null;
  authors: string[];
}

export interface Extractor {
  name: string;
  run(html: string, url: string): ExtractorOutput;
}

export const newsgraphExtractor: Extractor = {
  name: 'newsgraph',
  run(html, url) {
    const a = extractArticle(html, { url, timeoutMs: 20_000 });
    return { text: a.text, title: a.title, published: a.published, authors: a.authors };
  },
};

export const readabilityExtractor: Extractor = {
  name: 'readability+linkedom',
  run(html) {
    const { document } = parseHTML(html);
    const r = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return {
      text: r?.textContent ?? '',
      title: r?.title ?? null,
      published: normalizeDate(r?.publishedTime ?? null),
      authors: r?.byline ? cleanAuthors([r.byline]) : [],
    };
  },
};

export interface ExtractorReport {
  name: string;
  scrapinghub: PrfScore | null;
  trafilatura: SnippetScore | null;
  fundusBody: PrfScore | null;
  fundusMeta: MetadataRates | null;
  pagesPerSecond: number;
  errors: number;
}

export interface EvalOptions {
  extractors: Extractor[];
  verbose?: boolean;
  /** Called per page with the page id and its score, for debugging. */
  onPage?: (set: string, id: string, extractor: string, detail: unknown) => void;
}

function safeRun(ex: Extractor, html: string, url: string): { out: ExtractorOutput; error: boolean } {
  try {
    return { out: ex.run(html, url), error: false };
  } catch {
    return { out: { text: '', title: null, published: null, authors: [] }, error: true };
  }
}

export function runExtractionEval(dataDir: string, opts: EvalOptions): ExtractorReport[] {
  const sh = loadScrapinghub(path.join(dataDir, 'scrapinghub'));
  const tr = loadTrafilatura(path.join(dataDir, 'trafilatura'));
  const fu = loadFundus(path.join(dataDir, 'fundus'));
  const reports: ExtractorReport[] = [];
  for (const ex of opts.extractors) {
    let ms = 0;
    let pages = 0;
    let errors = 0;
    // Warm-up, untimed: module initialisation and JIT compilation are not per-page costs.
    for (const p of sh.slice(0, 5)) safeRun(ex, p.html, p.url);
    const timed = (html: string, url: string): ExtractorOutput => {
      const t0 = performance.now();
      const r = safeRun(ex, html, url);
      ms += performance.now() - t0;
      pages++;
      if (r.error) errors++;
      return r.out;
    };
    const shDocs: ShingleCounts[] = sh.map((p) => {
      const c = shingleCounts(p.body, timed(p.html, p.url).text);
      opts.onPage?.('scrapinghub', p.id, ex.name, c);
      return c;
    });
    const trDocs: SnippetCounts[] = tr.map((p) => {
      const c = snippetCounts(timed(p.html, p.url).text, p.with, p.without);
      opts.onPage?.('trafilatura', p.id, ex.name, c);
      return c;
    });
    const fuBody: ShingleCounts[] = [];
    const fuMeta = fu.map((p) => {
      const out = timed(p.html, p.url);
      fuBody.push(shingleCounts(p.body, out.text));
      const m = metadataMatch({ title: p.title, published: p.published, authors: p.authors }, out);
      opts.onPage?.('fundus', p.id, ex.name, { ...m, gold: { title: p.title, published: p.published, authors: p.authors }, pred: { title: out.title, published: out.published, authors: out.authors } });
      return m;
    });
    reports.push({
      name: ex.name,
      scrapinghub: sh.length ? averageShingleScores(shDocs) : null,
      trafilatura: tr.length ? sumSnippetScores(trDocs) : null,
      fundusBody: fu.length ? averageShingleScores(fuBody) : null,
      fundusMeta: fu.length ? metadataRates(fuMeta) : null,
      pagesPerSecond: ms > 0 ? (pages * 1000) / ms : 0,
      errors,
    });
  }
  return reports;
}

function fmt(n: number | undefined): string {
  return n === undefined ? '   -  ' : n.toFixed(3);
}

export function formatReports(reports: ExtractorReport[]): string {
  const rows: string[][] = [['metric', ...reports.map((r) => r.name)]];
  const add = (label: string, get: (r: ExtractorReport) => number | undefined): void => {
    rows.push([label, ...reports.map((r) => fmt(get(r)))]);
  };
  add('scrapinghub P', (r) => r.scrapinghub?.precision);
  add('scrapinghub R', (r) => r.scrapinghub?.recall);
  add('scrapinghub F1', (r) => r.scrapinghub?.f1);
  add('trafilatura P', (r) => r.trafilatura?.precision);
  add('trafilatura R', (r) => r.trafilatura?.recall);
  add('trafilatura F1', (r) => r.trafilatura?.f1);
  add('trafilatura accuracy', (r) => r.trafilatura?.accuracy);
  add('fundus body F1', (r) => r.fundusBody?.f1);
  add('fundus title', (r) => r.fundusMeta?.title);
  add('fundus date', (r) => r.fundusMeta?.date);
  add('fundus authors', (r) => r.fundusMeta?.authors);
  rows.push(['pages/second', ...reports.map((r) => r.pagesPerSecond.toFixed(1))]);
  rows.push(['errors', ...reports.map((r) => String(r.errors))]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');
  const dataDir = path.resolve(positional[0] ?? sharedPath('eval', 'extraction'));
  const verbose = args.includes('--verbose');
  const extractors = [newsgraphExtractor, readabilityExtractor].filter((e) => !only || e.name.startsWith(only));
  const reports = runExtractionEval(dataDir, {
    extractors,
    onPage: verbose ? (set, id, ex, d) => console.log(JSON.stringify({ set, id, ex, d })) : undefined,
  });
  console.log(`data: ${dataDir}`);
  console.log(formatReports(reports));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScript('eval-extraction', main);

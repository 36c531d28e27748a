/**
 * POST routes: analyse a text, HTML page or URL without storing it, and
 * ingest documents (analyse, store and put into stories through the same
 * Ingester as `newsgraph ingest`; idempotent by content hash). Ingest needs
 * the bearer token when one is set.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { analyzeRaw } from '../../analyze.js';
import type { Analysis } from '../../doc/schema.js';
import { Ingester } from '../../ingest/ingester.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { buildPipeline } from '../../pipeline/presets.js';
import { defaultReadContext } from '../../readers/inputs.js';
import { isPassed, type PassedRecord, type RawDocument } from '../../readers/raw-document.js';
import { htmlToRaw, readUrl } from '../../readers/web-inputs.js';
import type { Store } from '../../store/store.js';
import { NewsgraphError } from '../../util/errors.js';
import { analysisSchemaRef, analyzeInputSchema, errorSchema, ingestInputSchema, ingestResultSchema } from '../schemas.js';

const json = (schema: typeof errorSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(errorSchema, 'invalid input'),
  413: json(errorSchema, 'body over the size limit'),
  500: json(errorSchema, 'internal error'),
  503: json(errorSchema, 'took longer than the time limit'),
};

interface InputMeta {
  id?: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
}

/** A posted text or HTML page as the reader would have made it. */
function toRaw(input: InputMeta & { text?: string; html?: string }, fallbackId: string): RawDocument {
  const id = input.id ?? fallbackId;
  const given = {
    ...(input.title != null ? { title: input.title } : {}),
    ...(input.url != null ? { url: input.url } : {}),
    ...(input.published != null ? { published: input.published } : {}),
    ...(input.source != null ? { source: input.source } : {}),
  };
  if (input.html !== undefined) return { ...htmlToRaw(input.html, { id, origin: 'request', url: input.url ?? null, encoding: 'utf-8' }), ...given };
  return { id, text: input.text ?? '', title: null, url: null, published: null, source: null, format: 'text', encoding: 'utf-8', origin: 'request', ...given };
}

export interface WriteRouteOptions {
  requireToken: MiddlewareHandler;
  /** URL analysis: the fetcher refuses private and loopback addresses unless this is set. */
  allowPrivate?: boolean;
  /** Replaces the analysis behind POST /api/analyze (tests of clients such as the web UI). */
  analyze?: (input: { text?: string; html?: string; url?: string }) => Promise<Analysis>;
}

export function registerWriteRoutes(app: OpenAPIHono, store: Store, opts: WriteRouteOptions): void {
  let pipeline: Pipeline | null = null;
  const getPipeline = (): Pipeline => (pipeline ??= buildPipeline());
  const analyse = (raw: RawDocument): Analysis => analyzeRaw(getPipeline(), raw);
  // One Ingester for the server's life, opened on the first write: stored
  // documents go into stories as they arrive, like `newsgraph ingest`.
  let opened: Promise<Ingester> | null = null;
  const ingester = (): Promise<Ingester> => {
    opened ??= Ingester.open(store).catch((e: unknown) => {
      opened = null; // a failed open (store unreachable) is tried again on the next write
      throw e;
    });
    return opened;
  };
  const read = defaultReadContext({ allowPrivate: opts.allowPrivate ?? false, warn: () => {} });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/analyze',
      tags: ['analyze'],
      summary: 'analyse a text, an HTML page or a URL without storing it',
      request: { body: { required: true, content: { 'application/json': { schema: analyzeInputSchema } } } },
      responses: { 200: { description: 'the analysis', content: { 'application/json': { schema: analysisSchemaRef } } }, ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      if (opts.analyze) return c.json(await opts.analyze({ text: input.text, html: input.html, url: input.url ?? undefined }), 200);
      if (input.text === undefined && input.html === undefined && input.url) {
        // The page, or a feed's first item that has text; else why there is nothing.
        let passed: PassedRecord | null = null;
        for await (const item of readUrl(read.fetcher(), input.url)) {
          if (!isPassed(item)) return c.json(analyse(item), 200);
          passed ??= item;
        }
        if (passed) throw new NewsgraphError(passed.code, passed.message);
        throw new NewsgraphError('nothing-readable', `${input.url}: nothing to analyse there`);
      }
      return c.json(analyse(toRaw(input, 'request')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents',
      tags: ['documents'],
      summary: 'analyse and store documents and put them into stories (skips ones already stored); needs the bearer token when the server has one',
      security: [{ bearer: [] }],
      middleware: [opts.requireToken] as const,
      request: { body: { required: true, content: { 'application/json': { schema: ingestInputSchema } } } },
      responses: {
        200: { description: 'what was stored', content: { 'application/json': { schema: ingestResultSchema } } },
        401: json(errorSchema, 'missing or wrong bearer token'),
        ...errors,
      },
    }),
    async (c) => {
      const { documents } = c.req.valid('json');
      const raws = documents.map((d, i) => toRaw(d, `request-${i + 1}`));
      const batch = (await ingester()).batch(getPipeline());
      const results: { key: string; id: string; inserted: boolean }[] = [];
      for (const raw of raws) results.push({ key: (await batch.add(raw)).key, id: raw.id, inserted: false });
      const stored = new Set((await batch.flush()).filter((p) => p.inserted).map((p) => p.key));
      for (const r of results) {
        if (stored.has(r.key)) {
          r.inserted = true;
          stored.delete(r.key); // a repeated text in one request is stored once
        }
      }
      const count = results.filter((r) => r.inserted).length;
      return c.json({ results, stored: count, skipped: results.length - count }, 200);
    },
  );
}

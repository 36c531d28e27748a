/**
 * GET routes: documents, events, event records, quotes, actors, stories,
 * search and stats, each with the same filters as `newsgraph query` and
 * cursor pagination.
 */
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Store } from '../../store/store.js';
import { NewsgraphError } from '../../util/errors.js';
import {
  actorQuery,
  actorRowSchema,
  analysisSchemaRef,
  documentQuery,
  documentRowSchema,
  errorSchema,
  eventQuery,
  eventRecordRowSchema,
  eventRowSchema,
  idParam,
  pageOf,
  quoteQuery,
  quoteRowSchema,
  searchHitSchema,
  searchQuery,
  statsSchema,
  storyQuery,
  storyRowSchema,
} from '../schemas.js';

const errors = {
  400: { description: 'invalid parameters', content: { 'application/json': { schema: errorSchema } } },
  500: { description: 'the store failed', content: { 'application/json': { schema: errorSchema } } },
};

function listRoute<Q extends z.ZodObject, R extends z.ZodTypeAny>(path: string, tag: string, summary: string, query: Q, page: R) {
  return createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary,
    request: { query },
    responses: { 200: { description: 'one page', content: { 'application/json': { schema: page } } }, ...errors },
  });
}

const hedged = (v: 'true' | 'false' | undefined): boolean | undefined => (v === undefined ? undefined : v === 'true');

function eventFilter(q: z.infer<typeof eventQuery>) {
  return {
    actor: q.actor, target: q.target, country: q.country, code: q.code, root: q.root, quadClass: q.quadClass, from: q.from, to: q.to,
    outlet: q.outlet, hedged: hedged(q.hedged), document: q.document,
  };
}

export function registerReadRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(listRoute('/api/documents', 'documents', 'stored documents', documentQuery, pageOf(documentRowSchema, 'DocumentPage')), async (c) => {
    const q = c.req.valid('query');
    return c.json(await store.documents({ outlet: q.outlet, from: q.from, to: q.to, story: q.story }, { limit: q.limit, cursor: q.cursor }), 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      tags: ['documents'],
      summary: 'one stored analysis, by document id, key, or a key prefix of 8+ characters',
      request: { params: idParam },
      responses: {
        200: { description: 'the analysis', content: { 'application/json': { schema: analysisSchemaRef } } },
        404: { description: 'no such document', content: { 'application/json': { schema: errorSchema } } },
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const analysis = await store.get(id);
      if (!analysis) throw new NewsgraphError('not-found', `no stored document with id or key "${id}"`);
      return c.json(analysis, 200);
    },
  );

  app.openapi(listRoute('/api/events', 'events', 'event mentions, one per article telling', eventQuery, pageOf(eventRowSchema, 'EventPage')), async (c) => {
    const q = c.req.valid('query');
    return c.json(await store.events(eventFilter(q), { limit: q.limit, cursor: q.cursor }), 200);
  });

  app.openapi(
    listRoute('/api/event-records', 'events', 'one-a-day event records: same source, target, code and day collapsed across articles', eventQuery, pageOf(eventRecordRowSchema, 'EventRecordPage')),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await store.eventRecords(eventFilter(q), { limit: q.limit, cursor: q.cursor }), 200);
    },
  );

  app.openapi(listRoute('/api/quotes', 'quotes', 'quotes with their relay chains', quoteQuery, pageOf(quoteRowSchema, 'QuotePage')), async (c) => {
    const q = c.req.valid('query');
    const filter = { speaker: q.speaker, cue: q.cue, outlet: q.outlet, relay: q.relay, hedged: hedged(q.hedged), document: q.document };
    return c.json(await store.quotes(filter, { limit: q.limit, cursor: q.cursor }), 200);
  });

  app.openapi(listRoute('/api/actors', 'actors', 'actors across documents, most widely reported first', actorQuery, pageOf(actorRowSchema, 'ActorPage')), async (c) => {
    const q = c.req.valid('query');
    return c.json(await store.actors({ name: q.name, code: q.code, country: q.country, kind: q.kind, outlet: q.outlet }, { limit: q.limit, cursor: q.cursor }), 200);
  });

  app.openapi(listRoute('/api/stories', 'stories', 'stories (clusters of documents)', storyQuery, pageOf(storyRowSchema, 'StoryPage')), async (c) => {
    const q = c.req.valid('query');
    return c.json(await store.stories({ minDocuments: q.minDocuments }, { limit: q.limit, cursor: q.cursor }), 200);
  });

  app.openapi(listRoute('/api/search', 'search', 'full-text search; all words must match', searchQuery, pageOf(searchHitSchema, 'SearchPage')), async (c) => {
    const q = c.req.valid('query');
    return c.json(await store.search(q.q, { limit: q.limit, cursor: q.cursor }), 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats',
      tags: ['store'],
      summary: 'what the store holds',
      responses: { 200: { description: 'counts', content: { 'application/json': { schema: statsSchema } } }, ...errors },
    }),
    async (c) => {
      const { path: _path, ...stats } = await store.stats();
      return c.json(stats, 200);
    },
  );
}

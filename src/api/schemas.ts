/**
 * The API's request and response schemas. The same zod objects validate
 * requests and generate /openapi.json, so the document cannot drift from
 * what the server accepts.
 */
import { z } from '@hono/zod-openapi';
import { isCalendarDay, normalizePublished, PUBLISHED_FORMS } from '../util/dates.js';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad-input' }),
      message: z.string().openapi({ example: 'limit: Too big: expected number to be <=1000' }),
    }),
  })
  .openapi('Error');

const short = z.string().trim().min(1).max(200);
/** A calendar day: YYYY-MM-DD and a real one ("2026-13-45" is refused, not an empty result). */
const day = z.string().refine(isCalendarDay, 'expected a date (YYYY-MM-DD)').openapi({ type: 'string', format: 'date', example: '2024-03-01' });
const flag = z.enum(['true', 'false']);

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(50).openapi({ description: 'items per page (1-1000)' }),
  cursor: z.string().max(500).optional().openapi({ description: 'the nextCursor of the previous page, unchanged' }),
};

export const eventQuery = z.object({
  actor: short.optional().openapi({ description: 'source actor: CAMEO code prefix (RUS matches RUSGOV) or name (any case, whole words)' }),
  target: short.optional().openapi({ description: 'target actor, as actor' }),
  country: z.string().regex(/^[A-Za-z]{3}$/).optional().openapi({ description: 'ISO-3 country of the source or target' }),
  code: z.string().regex(/^\d{1,4}$/).optional().openapi({ description: 'CAMEO event code prefix' }),
  root: z.string().regex(/^\d{2}$/).optional().openapi({ description: 'CAMEO root code' }),
  quadClass: z.coerce.number().int().min(1).max(4).optional(),
  from: day.optional(),
  to: day.optional(),
  outlet: short.optional(),
  hedged: flag.optional(),
  document: short.optional().openapi({ description: 'document id, key, or key prefix of 8+ characters' }),
  ...pageQuery,
});

export const quoteQuery = z.object({
  speaker: short.optional().openapi({ description: 'speaker name, any case, whole words' }),
  cue: short.optional(),
  outlet: short.optional(),
  relay: short.optional().openapi({ description: 'a relay, medium or outlet anywhere in the chain' }),
  hedged: flag.optional(),
  document: short.optional().openapi({ description: 'document id, key, or key prefix of 8+ characters' }),
  ...pageQuery,
});

export const actorQuery = z.object({
  name: short.optional().openapi({ description: 'name or CAMEO code prefix' }),
  code: z.string().regex(/^[A-Za-z0-9]{1,15}$/).optional(),
  country: z.string().regex(/^[A-Za-z]{3}$/).optional(),
  kind: short.optional(),
  outlet: short.optional(),
  ...pageQuery,
});

export const documentQuery = z.object({
  outlet: short.optional(),
  from: day.optional(),
  to: day.optional(),
  story: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

export const storyQuery = z.object({
  minDocuments: z.coerce.number().int().min(1).max(100000).optional(),
  ...pageQuery,
});

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(500).openapi({ description: 'words; all must match' }),
  ...pageQuery,
});

export const idParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'kim-1' }) });

const n = z.number();
const s = z.string();
const sn = z.string().nullable();
/** A span's offset in the document text; null when the row has no such span. */
const offset = z.number().int().nullable().openapi({ description: 'character offset (UTF-16 code units, end exclusive) into the document text; null when there is no such span' });

export const documentRowSchema = z
  .object({ key: s, id: s, title: sn, url: sn, published: sn, outlet: sn, storyId: n.nullable(), sentences: n, mentions: n, attributions: n, events: n, ingestedAt: s })
  .openapi('DocumentRow');

export const eventRowSchema = z
  .object({
    id: n, documentKey: s, documentId: s, url: sn, outlet: sn, date: sn,
    sourceActorId: sn, sourceCode: sn, sourceName: sn, sourceCountry: sn, sourceStart: offset, sourceEnd: offset,
    targetActorId: sn, targetCode: sn, targetName: sn, targetCountry: sn, targetStart: offset, targetEnd: offset,
    code: s, root: s, quadClass: n, goldstein: n, ploverType: sn, ploverMode: sn, verb: s, verbStart: n, verbEnd: n, sentence: s, section: s,
    negated: z.boolean(), hypothetical: z.boolean(), hedged: z.boolean(), reported: z.boolean(), mentions: n, rule: s, recordId: n,
  })
  .openapi('EventRow');

export const eventRecordRowSchema = z
  .object({
    id: n, date: sn, sourceCode: sn, sourceName: sn, sourceCountry: sn, targetCode: sn, targetName: sn, targetCountry: sn, code: s, root: s,
    quadClass: n, goldstein: n, mentions: n, documents: n, outlets: n, documentKeys: z.array(s), firstUrl: sn, firstSeen: s, firstSentence: n,
  })
  .openapi('EventRecordRow');

export const quoteRowSchema = z
  .object({
    id: n, documentKey: s, documentId: s, url: sn, outlet: sn, published: sn, type: s, content: s, contentStart: n, contentEnd: n,
    speaker: sn, speakerText: sn, speakerStart: offset, speakerEnd: offset, speakerCode: sn, speakerActorId: sn,
    cue: sn, cueLemma: sn, cueStart: offset, cueEnd: offset, medium: sn, mediumStart: offset, mediumEnd: offset,
    chain: z.array(z.object({ name: s, kind: s, actorId: sn })), hedged: z.boolean(), anonymous: z.boolean(),
  })
  .openapi('QuoteRow');

export const actorRowSchema = z
  .object({ name: s, code: sn, country: sn, kind: s, type: s, role: sn, documents: n, mentions: n })
  .openapi('ActorRow');

export const storyRowSchema = z
  .object({ id: n, label: sn, documents: n, firstPublished: sn, lastPublished: sn, createdAt: s })
  .openapi('StoryRow');

export const searchHitSchema = z
  .object({
    key: s, id: s, title: sn, url: sn, published: sn, outlet: sn,
    snippet: s.openapi({ description: 'matching text with the hits in [brackets]; the article may have brackets of its own, see highlights' }),
    highlights: z.array(z.object({ start: n, end: n })).openapi({ description: 'offsets in snippet (UTF-16, end exclusive) of the text of each hit' }),
    rank: n,
  })
  .openapi('SearchHit');

export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: sn.openapi({ description: 'pass as cursor for the next page; null on the last page' }) }).openapi(name);
}

const meta = {
  id: z.string().min(1).max(500).optional(),
  title: z.string().max(2000).nullable().optional(),
  url: z.string().max(2000).nullable().optional(),
  published: z
    .string()
    .max(100)
    .nullable()
    .optional()
    // blank is no date; anything else must be a date, kept as normalizePublished gives it
    .transform((v, ctx) => {
      if (v === undefined || v === null || v.trim() === '') return null;
      const date = normalizePublished(v);
      if (date === null) ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(v.slice(0, 80))} (expected ${PUBLISHED_FORMS})` });
      return date;
    })
    .openapi({ type: 'string', description: `publication date: ${PUBLISHED_FORMS}`, example: '2024-03-01T08:00:00Z' }),
  source: z.string().max(500).nullable().optional(),
};

/** One input document: exactly one of text or html (url only for analyze). */
export const documentInputSchema = z
  .object({
    text: z.string().min(1).optional().openapi({ description: 'plain text' }),
    html: z.string().min(1).optional().openapi({ description: 'an HTML page; its main text is extracted' }),
    ...meta,
  })
  .refine((d) => (d.text === undefined) !== (d.html === undefined), 'give exactly one of text or html')
  .openapi('DocumentInput');

export const analyzeInputSchema = z
  .object({
    text: z.string().min(1).optional().openapi({ description: 'plain text' }),
    html: z.string().min(1).optional().openapi({ description: 'an HTML page; its main text is extracted' }),
    ...meta,
    url: z.string().max(2000).nullable().optional().openapi({
      description: 'alone: a public http(s) URL to fetch, extract and analyse; with text or html: where that page came from',
    }),
  })
  .refine((d) => (d.text !== undefined && d.html === undefined) || (d.html !== undefined && d.text === undefined) || (d.text === undefined && d.html === undefined && typeof d.url === 'string' && d.url !== ''), 'give text, html, or a url alone')
  .openapi('AnalyzeInput');

export const ingestInputSchema = z
  .object({ documents: z.array(documentInputSchema).min(1).max(500) })
  .openapi('IngestInput');

export const ingestResultSchema = z
  .object({ results: z.array(z.object({ key: s, id: s, inserted: z.boolean() })), stored: n, skipped: n })
  .openapi('IngestResult');

export const statsSchema = z
  .object({
    documents: n, sentences: n, tokens: n, boilerplate: n, mentions: n, attributions: n, events: n, eventRecords: n, stories: n, feeds: n,
    bySource: z.array(z.object({ source: s, documents: n })), schemaVersion: n,
  })
  .openapi('Stats');

/** The output contract is validated where it is made (src/doc/schema.ts); here it is described loosely. */
export const analysisSchemaRef = z
  .object({ schemaVersion: s, generator: s, document: z.record(z.string(), z.unknown()), text: s, layers: z.record(z.string(), z.unknown()) })
  .openapi('Analysis', { description: 'one analysed document: see docs/schema/analysis-v1.schema.json' });

/**
 * The output contract: one analysed document. The zod schemas here are the
 * single source of truth; the TypeScript types are inferred from them and
 * `npm run schema` writes the JSON Schema to docs/schema/.
 *
 * Every annotation is a span: `start`/`end` are UTF-16 code-unit offsets into
 * the document's ORIGINAL text (end exclusive) and `text` is exactly
 * `original.slice(start, end)`.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0.0';

export const spanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof spanSchema>;

export const blockKindSchema = z.enum(['title', 'body', 'boilerplate']);
export const blockSchema = spanSchema.extend({
  kind: blockKindSchema,
});
export type Block = z.infer<typeof blockSchema>;

export const boilerplateKindSchema = z.enum([
  'related-link',
  'promo',
  'navigation',
  'social',
  'subscribe',
  'syndication',
  'comment-form',
  'credit',
  'byline',
  'dateline',
  'image-caption',
  'advert',
  'legal',
]);
export type BoilerplateKind = z.infer<typeof boilerplateKindSchema>;

export const boilerplateSchema = spanSchema.extend({
  kind: boilerplateKindSchema,
  /** Name of the data rule that matched, so every label can be explained. */
  rule: z.string(),
  /** For related links: the linked headline. It is a claim too. */
  headline: spanSchema.optional(),
  /** For credits, bylines and datelines: the credited agency or person. */
  source: spanSchema.optional(),
});
export type Boilerplate = z.infer<typeof boilerplateSchema>;

export const sectionSchema = z.enum(['title', 'body', 'related']);
export type Section = z.infer<typeof sectionSchema>;

export const sentenceSchema = spanSchema.extend({
  section: sectionSchema,
  /** Index of the first token of the sentence in the tokens layer. */
  firstToken: z.number().int().nonnegative(),
  /** Index one past the last token. */
  endToken: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const tokenSchema = spanSchema.extend({
  /** Universal POS tag. */
  pos: z.string(),
});
export type Token = z.infer<typeof tokenSchema>;

/* ---- layers later stages fill (entities, attribution, events) ---- */

export const entityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export const mentionSchema = spanSchema.extend({
  type: entityTypeSchema,
  /** How the mention refers: a name, a pronoun, a description, a metonym. */
  kind: z.enum(['name', 'pronoun', 'description', 'metonym', 'demonym', 'role']),
  actorId: z.string().nullable(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const actorSchema = z.object({
  /** Document-local id ("a1", "a2", ...); stable ids live in `dictionaryId`. */
  id: z.string(),
  /** Canonical name: the dictionary's, else the longest name mention. */
  name: z.string(),
  /** PER, ORG, LOC or MISC, as for mentions. */
  type: entityTypeSchema,
  /** What kind of actor: person, country, igo, media, organisation, group ... */
  kind: z.string(),
  /** CAMEO actor code (RUSGOV, PRKMED, IGOUNO), when one applies. */
  code: z.string().nullable(),
  /** ISO-3 country the actor belongs to, when known. */
  country: z.string().nullable(),
  /** CAMEO role (GOV, MIL, MED, ...) or a descriptor such as "analyst". */
  role: z.string().nullable(),
  /** For news organisations: state-media, wire, broadcaster, newspaper, online. */
  mediaKind: z.string().nullable(),
  /** Description from the text ("Russian defence analyst"), when given. */
  description: z.string().nullable(),
  /** Id of the matching entry in the actor dictionary, when there is one. */
  dictionaryId: z.string().nullable(),
  /** Indexes into the mentions layer. */
  mentions: z.array(z.number().int().nonnegative()),
});
export type Actor = z.infer<typeof actorSchema>;

export const relaySchema = z.object({
  name: z.string(),
  actorId: z.string().nullable(),
  kind: z.enum(['speaker', 'medium', 'relay', 'outlet', 'republisher']),
  span: spanSchema.nullable(),
});

export const attributionSchema = z.object({
  type: z.enum(['direct', 'indirect', 'mixed']),
  /** Whole extent of what was said; when the frame interrupts it, `parts` holds the pieces. */
  content: spanSchema,
  /** The content's pieces, in order, when the attribution interrupts it ("X, he said, Y"). */
  parts: z.array(spanSchema).optional(),
  speaker: spanSchema.nullable(),
  speakerActorId: z.string().nullable(),
  cue: spanSchema.extend({ lemma: z.string() }).nullable(),
  medium: spanSchema.nullable(),
  addressee: spanSchema.nullable(),
  chain: z.array(relaySchema),
  hedged: z.boolean(),
  anonymous: z.boolean(),
});
export type Attribution = z.infer<typeof attributionSchema>;

export const hedgeSchema = spanSchema.extend({
  kind: z.string(),
  scope: spanSchema.nullable(),
});
export type Hedge = z.infer<typeof hedgeSchema>;

export const eventSchema = z.object({
  sentence: z.number().int().nonnegative(),
  section: sectionSchema,
  source: z.object({ actorId: z.string().nullable(), code: z.string().nullable(), span: spanSchema.nullable() }),
  target: z.object({ actorId: z.string().nullable(), code: z.string().nullable(), span: spanSchema.nullable() }).nullable(),
  verb: spanSchema,
  code: z.string(),
  root: z.string(),
  goldstein: z.number(),
  quadClass: z.number().int().min(1).max(4),
  plover: z.object({ type: z.string(), mode: z.string().nullable() }).nullable(),
  date: z.string().nullable(),
  negated: z.boolean(),
  hypothetical: z.boolean(),
  hedged: z.boolean(),
  reported: z.boolean(),
  attribution: z.number().int().nullable(),
  /** Each place the article tells this event (same source, target, code and day counted once). */
  mentions: z.array(z.object({ sentence: z.number().int().nonnegative(), verb: spanSchema })),
  /** The lexicon row that gave the code ("verbs.tsv:42"), so every code can be explained. */
  rule: z.string(),
});
export type Event = z.infer<typeof eventSchema>;

/* ---- the document ---- */

export const documentMetaSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  source: z.string().nullable(),
  /** How the input was read: which reader and which byte encoding. */
  format: z.enum(['text', 'html', 'jsonl']),
  encoding: z.string(),
  contentHash: z.string(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const layersSchema = z.object({
  blocks: z.array(blockSchema).optional(),
  title: spanSchema.nullable().optional(),
  boilerplate: z.array(boilerplateSchema).optional(),
  tokens: z.array(tokenSchema).optional(),
  sentences: z.array(sentenceSchema).optional(),
  mentions: z.array(mentionSchema).optional(),
  actors: z.array(actorSchema).optional(),
  attributions: z.array(attributionSchema).optional(),
  hedges: z.array(hedgeSchema).optional(),
  events: z.array(eventSchema).optional(),
});
export type Layers = z.infer<typeof layersSchema>;
export type LayerName = keyof Layers;
export const LAYER_NAMES = Object.keys(layersSchema.shape) as LayerName[];

export const analysisSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generator: z.string(),
  document: documentMetaSchema,
  /** The original input text, unchanged. All offsets point into it. */
  text: z.string(),
  layers: layersSchema,
});
export type Analysis = z.infer<typeof analysisSchema>;

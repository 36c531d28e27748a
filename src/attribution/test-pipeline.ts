/**
 * Test support: run clean, segment, hand-built entity layers and the
 * attributor over a text, without any model.
 */
import { analyzeRaw } from '../analyze.js';
import { Cleaner } from '../clean/cleaner.js';
import type { Doc } from '../doc/document.js';
import type { Actor, Analysis, Mention } from '../doc/schema.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { Segmenter } from '../segment/segmenter.js';
import { rawText } from '../test-support/docs.js';
import type { RawDocument } from '../readers/raw-document.js';
import { Attributor } from './attributor.js';
import { FixedEntities } from './entities-stub.js';

export interface HandActor {
  id: string;
  name: string;
  kind?: string;
  mediaKind?: string | null;
  /** Every occurrence of each of these strings becomes a mention of the actor. */
  names: string[];
  type?: Mention['type'];
}

function entityLayers(doc: Doc, hand: readonly HandActor[]): { mentions: Mention[]; actors: Actor[] } {
  const mentions: Mention[] = [];
  const actors: Actor[] = hand.map((h) => ({
    id: h.id, name: h.name, type: h.type ?? 'PER', kind: h.kind ?? 'person', code: null, country: null, role: null,
    mediaKind: h.mediaKind ?? null, description: null, dictionaryId: null, mentions: [],
  }));
  hand.forEach((h, ai) => {
    for (const name of h.names) {
      const pattern = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (const m of doc.text.matchAll(pattern)) {
        actors[ai]!.mentions.push(mentions.length);
        const pronoun = /^(he|she|they|it)$/i.test(name);
        mentions.push({ ...doc.span(m.index, m.index + name.length), type: h.type ?? 'PER', kind: pronoun ? 'pronoun' : 'name', actorId: h.id });
      }
    }
  });
  return { mentions, actors };
}

export function attribute(text: string, hand: readonly HandActor[] = [], extra: Partial<RawDocument> = {}): Analysis {
  const pipeline = new Pipeline([new Cleaner(), new Segmenter(), new FixedEntities((doc) => entityLayers(doc, hand)), new Attributor()]);
  return analyzeRaw(pipeline, rawText(text, extra));
}

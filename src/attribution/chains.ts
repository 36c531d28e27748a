/**
 * Relay chains: who passed a statement on, innermost first.
 *
 *   speaker -> medium -> relays in the sentence and around it -> article
 *   credits (dateline agency, "With inputs from agencies") -> outlet -> republisher
 *
 * Relays come from three places. A frame after the content ("..., reports
 * Reuters") relays the frame inside it; an attribution whose content holds
 * another's cue relays it ("According to KCNA, ... he stressed that"); and a
 * relay named for one speaker carries over to that speaker's later
 * statements and, when it is a news organisation, to the statements that
 * follow, until a statement by a new speaker names relays of its own (the
 * story moves to another source).
 */
import type { Doc } from '../doc/document.js';
import type { Actor, Mention, Span } from '../doc/schema.js';
import type { z } from 'zod';
import type { relaySchema } from '../doc/schema.js';

export type Relay = z.infer<typeof relaySchema>;

export interface ChainDraft {
  speaker: Span | null;
  speakerActor: Actor | null;
  /** The speaker is a news organisation: it relays, it does not inherit relays. */
  mediaSpeaker: boolean;
  medium: Span | null;
  /** Relays found for this statement alone (in its sentence or by nesting), innermost first. */
  own: Relay[];
  /** Offset used to order statements through the article. */
  at: number;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them']);

export function isMediaActor(actor: Actor | null): boolean {
  return actor !== null && (actor.kind === 'media' || actor.mediaKind !== null);
}

export function relayFor(span: Span, actor: Actor | null, kind: Relay['kind']): Relay {
  return { name: actor?.name ?? span.text, actorId: actor?.id ?? null, kind, span };
}

function sameSource(a: Relay, b: Relay): boolean {
  if (a.actorId !== null && b.actorId !== null) return a.actorId === b.actorId;
  return a.name.toLowerCase() === b.name.toLowerCase();
}

function append(chain: Relay[], relay: Relay): void {
  if (!chain.some((r) => sameSource(r, relay))) chain.push(relay);
}

/** The article's own credits and publisher, outermost part of every chain. */
export function articleRelays(doc: Doc, actorAt: (start: number, end: number) => Actor | null, mentions: readonly Mention[], actors: readonly Actor[]): Relay[] {
  const out: Relay[] = [];
  const boilerplate = doc.get('boilerplate');
  for (const b of boilerplate) {
    if ((b.kind !== 'dateline' && b.kind !== 'credit') || !b.source) continue;
    const credited = actorAt(b.source.start, b.source.end);
    // Agencies relay ("(Reuters) -", "(With inputs from agencies)"); a reporter credited with
    // "Additional reporting by ..." wrote the story but passed no statement on.
    if (b.kind === 'dateline' || b.rule === 'with-inputs' || isMediaActor(credited)) append(out, relayFor(b.source, credited, 'relay'));
  }
  // A promo naming a news organisation ("WATCH WION LIVE HERE") names the publisher.
  let outlet: Relay | null = null;
  for (const b of boilerplate) {
    if (b.kind !== 'promo' || outlet) continue;
    const mention = mentions.find((m) => m.start >= b.start && m.end <= b.end && m.actorId !== null && isMediaActor(actors.find((a) => a.id === m.actorId) ?? null));
    if (mention) outlet = relayFor(mention, actors.find((a) => a.id === mention.actorId) ?? null, 'outlet');
  }
  const source = doc.meta.source;
  if (!outlet && source) outlet = { name: source, actorId: null, kind: 'outlet', span: null };
  if (outlet) append(out, outlet);
  // "Source link" marks a copy of another outlet's article.
  const syndication = boilerplate.find((b) => b.kind === 'syndication');
  if (syndication) {
    if (source && outlet && outlet.name.toLowerCase() !== source.toLowerCase()) out.push({ name: source, actorId: null, kind: 'republisher', span: null });
    else if (!source) out.push({ name: 'republished copy', actorId: null, kind: 'republisher', span: doc.span(syndication.start, syndication.end) });
  }
  return out;
}

/** Full chains for statements in article order; `drafts` must be sorted by `at`. */
export function buildChains(drafts: readonly ChainDraft[], article: readonly Relay[], isMediaRelay: (r: Relay) => boolean = () => true): Relay[][] {
  let context: Relay[] = [];
  let covered = new Set<string>();
  let lastKey: string | null = null;
  return drafts.map((d) => {
    const chain: Relay[] = [];
    let key: string | null = null;
    if (d.speaker) {
      const head = d.speaker.text.trim().split(/\s+/).pop()!.toLowerCase();
      key = d.speakerActor?.id ?? (PRONOUNS.has(head) ? lastKey : head);
      // A pronoun refers back to a person, not to the agency that reported them.
      if (!d.mediaSpeaker) lastKey = key;
      chain.push(relayFor(d.speaker, d.speakerActor, 'speaker'));
    }
    if (d.medium) chain.push({ name: d.medium.text, actorId: null, kind: 'medium', span: d.medium });
    let relays: Relay[];
    if (key === null || d.mediaSpeaker) relays = d.own;
    else if (d.own.length === 0) {
      // Another speaker inherits only the news organisations that carried the story, not
      // a non-media source named for the previous statement ("the two governments said").
      if (!covered.has(key)) context = context.filter(isMediaRelay);
      relays = context;
      covered.add(key);
    } else if (covered.has(key)) {
      relays = [...context];
      for (const r of d.own) if (!relays.some((x) => sameSource(x, r))) relays.push(r);
      context = relays;
    } else {
      relays = d.own;
      context = d.own;
      covered = new Set([key]);
    }
    for (const r of relays) if (!chain.some((x) => x.kind === 'speaker' && sameSource(x, r))) append(chain, r);
    for (const r of article) append(chain, r);
    return chain;
  });
}

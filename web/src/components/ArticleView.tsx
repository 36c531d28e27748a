/**
 * An analysed article, read the way newsgraph reads it: the original text,
 * cut at every annotation boundary, with entities, quotes (speaker
 * underlined), cues, hedges and event verbs marked, events as numbered margin
 * notes, and boilerplate collapsed and labelled. Hover, focus or Enter on a
 * mark shows what it is, with its exact character offsets.
 *
 * All article text goes into text nodes; nothing from the article is ever
 * parsed as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../api.js';
import { actorHref } from '../router.js';
import { QUAD_LABELS, QUAD_SYMBOL, TYPE_LABELS, offsets, quadLabel, signed } from '../labels.js';
import { Chain } from './Chain.js';

type Layers = Analysis['layers'];
type Mention = NonNullable<Layers['mentions']>[number];
type Actor = NonNullable<Layers['actors']>[number];
type Attribution = NonNullable<Layers['attributions']>[number];
type Hedge = NonNullable<Layers['hedges']>[number];
type EventT = NonNullable<Layers['events']>[number];
type Boiler = NonNullable<Layers['boilerplate']>[number];

export type Ann =
  | { kind: 'mention'; id: string; start: number; end: number; index: number; mention: Mention; actor: Actor | null }
  | { kind: 'quote'; id: string; start: number; end: number; index: number; attribution: Attribution }
  | { kind: 'speaker'; id: string; start: number; end: number; index: number; attribution: Attribution }
  | { kind: 'cue'; id: string; start: number; end: number; index: number; attribution: Attribution }
  | { kind: 'hedge'; id: string; start: number; end: number; index: number; hedge: Hedge }
  | { kind: 'event'; id: string; start: number; end: number; index: number; event: EventT }
  /** Boilerplate inside a body paragraph (a dateline, a credit); whole boilerplate blocks are collapsed instead. */
  | { kind: 'boiler'; id: string; start: number; end: number; index: number; boiler: Boiler };

interface Block {
  start: number;
  end: number;
  kind: 'title' | 'body' | 'boilerplate';
  boiler: Boiler[];
}

interface Model {
  anns: Ann[];
  byId: Map<string, Ann>;
  blocks: Block[];
  actors: Map<string, Actor>;
}

function validSpan(s: { start: number; end: number } | null | undefined, len: number): s is { start: number; end: number } {
  return !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= len && s.start < s.end;
}

export function buildModel(a: Analysis): Model {
  const L = a.layers;
  const len = a.text.length;
  const actors = new Map<string, Actor>();
  for (const ac of L.actors ?? []) actors.set(ac.id, ac);
  const anns: Ann[] = [];
  (L.mentions ?? []).forEach((m, i) => {
    if (!validSpan(m, len)) return;
    anns.push({ kind: 'mention', id: `m${i}`, start: m.start, end: m.end, index: i, mention: m, actor: m.actorId ? actors.get(m.actorId) ?? null : null });
  });
  (L.attributions ?? []).forEach((at, i) => {
    // An interrupted quote ("X, he said, Y") is marked piece by piece, so the frame is not tinted as speech.
    const pieces = at.parts && at.parts.length > 0 ? at.parts : [at.content];
    for (const piece of pieces) {
      if (validSpan(piece, len)) anns.push({ kind: 'quote', id: `q${i}`, start: piece.start, end: piece.end, index: i, attribution: at });
    }
    if (validSpan(at.speaker, len)) anns.push({ kind: 'speaker', id: `s${i}`, start: at.speaker.start, end: at.speaker.end, index: i, attribution: at });
    if (validSpan(at.cue, len)) anns.push({ kind: 'cue', id: `c${i}`, start: at.cue.start, end: at.cue.end, index: i, attribution: at });
  });
  (L.hedges ?? []).forEach((h, i) => {
    if (validSpan(h, len)) anns.push({ kind: 'hedge', id: `h${i}`, start: h.start, end: h.end, index: i, hedge: h });
  });
  (L.events ?? []).forEach((e, i) => {
    if (validSpan(e.verb, len)) anns.push({ kind: 'event', id: `e${i}`, start: e.verb.start, end: e.verb.end, index: i, event: e });
    // The same event told again later in the article: its other verbs are marked as the same event.
    for (const m of e.mentions ?? []) {
      if (validSpan(m.verb, len) && (m.verb.start !== e.verb.start || m.verb.end !== e.verb.end)) {
        anns.push({ kind: 'event', id: `e${i}`, start: m.verb.start, end: m.verb.end, index: i, event: e });
      }
    }
  });
  const boiler = (L.boilerplate ?? []).filter((b) => validSpan(b, len));
  let blocks: Block[];
  if (L.blocks && L.blocks.length > 0) {
    blocks = L.blocks.filter((b) => validSpan(b, len)).map((b) => ({
      start: b.start, end: b.end, kind: b.kind, boiler: boiler.filter((x) => x.start < b.end && x.end > b.start),
    }));
  } else {
    blocks = [];
    const re = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
    for (let m = re.exec(a.text); m !== null; m = re.exec(a.text)) {
      const start = m.index;
      const end = start + m[0].length;
      const inside = boiler.filter((x) => x.start < end && x.end > start);
      const whole = inside.some((x) => x.start <= start && x.end >= end);
      blocks.push({ start, end, kind: whole ? 'boilerplate' : 'body', boiler: inside });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  (L.boilerplate ?? []).forEach((x, i) => {
    if (!validSpan(x, len)) return;
    if (blocks.some((b) => b.kind !== 'boilerplate' && x.start < b.end && x.end > b.start)) {
      anns.push({ kind: 'boiler', id: `b${i}`, start: x.start, end: x.end, index: i, boiler: x });
    }
  });
  // An id can have several pieces (quote parts, repeated event verbs): the first one stands for it.
  const byId = new Map<string, Ann>();
  for (const x of anns) if (!byId.has(x.id)) byId.set(x.id, x);
  return { anns, byId, blocks, actors };
}

/* ---------- segments ---------- */

interface Segment {
  start: number;
  end: number;
  anns: Ann[];
}

function segmentsOf(start: number, end: number, anns: Ann[]): Segment[] {
  const inside = anns.filter((x) => x.start < end && x.end > start);
  if (inside.length === 0) return [{ start, end, anns: [] }];
  const cuts = new Set<number>([start, end]);
  for (const x of inside) {
    cuts.add(Math.max(start, x.start));
    cuts.add(Math.min(end, x.end));
  }
  const points = [...cuts].sort((p, q) => p - q);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    out.push({ start: s, end: e, anns: inside.filter((x) => x.start < e && x.end > s) });
  }
  return out;
}

function classesOf(anns: Ann[]): string {
  const c = new Set<string>(['mark']);
  for (const x of anns) {
    if (x.kind === 'mention') {
      c.add('ent');
      c.add(`ent-${x.mention.type}`);
    } else c.add(x.kind);
  }
  return [...c].join(' ');
}

export function annSummary(x: Ann, actors: Map<string, Actor>): string {
  switch (x.kind) {
    case 'mention': {
      const ac = x.actor;
      return `${TYPE_LABELS[x.mention.type] ?? x.mention.type} ${x.mention.kind}${ac ? `: ${ac.name}${ac.code ? ` (${ac.code})` : ''}` : ''}`;
    }
    case 'quote':
      return `${x.attribution.type} quote${speakerName(x.attribution, actors) ? ` by ${speakerName(x.attribution, actors)}` : ''}`;
    case 'speaker':
      return `speaker${speakerName(x.attribution, actors) ? ` ${speakerName(x.attribution, actors)}` : ''}`;
    case 'cue':
      return `quote cue "${x.attribution.cue?.lemma ?? ''}"`;
    case 'hedge':
      return `hedge (${x.hedge.kind})`;
    case 'event':
      return `event ${x.index + 1}: CAMEO ${x.event.code}, Goldstein ${signed(x.event.goldstein)}, ${QUAD_LABELS[x.event.quadClass] ?? ''}`;
    case 'boiler':
      return `boilerplate (${x.boiler.kind})`;
  }
}

function speakerName(a: Attribution, actors: Map<string, Actor>): string | null {
  if (a.speakerActorId) {
    const ac = actors.get(a.speakerActorId);
    if (ac) return ac.name;
  }
  return a.speaker?.text ?? null;
}

function sideName(side: EventT['source'] | EventT['target'], actors: Map<string, Actor>): string {
  if (!side) return '—';
  const ac = side.actorId ? actors.get(side.actorId) : undefined;
  const name = ac?.name ?? side.span?.text ?? null;
  if (name && side.code) return `${name} (${side.code})`;
  return name ?? side.code ?? '?';
}

/* ---------- the view ---------- */

export interface ArticleViewProps {
  analysis: Analysis;
  /** Link actor names to actor pages (for stored documents and analyses alike). */
  linkActors?: boolean;
}

interface Shown { start: number; end: number; ids: string[]; pinned: boolean }

export function ArticleView({ analysis, linkActors = true }: ArticleViewProps) {
  const model = useMemo(() => buildModel(analysis), [analysis]);
  const rootRef = useRef<HTMLDivElement>(null);
  const panel = useRef<((s: Shown | null) => void) | null>(null);
  const text = analysis.text;

  // Hovering must stay fast on long articles: the text is rendered once per
  // analysis; showing details only updates the panel and toggles classes.
  const actions = useMemo(() => {
    let pinned = false;
    let activeEls: HTMLElement[] = [];
    const highlight = (ids: string[], pin: boolean): void => {
      for (const el of activeEls) {
        el.classList.remove('active');
        el.removeAttribute('aria-pressed');
      }
      const root = rootRef.current;
      activeEls = root ? ids.flatMap((id) => [...root.querySelectorAll<HTMLElement>(`span[data-anns~="${id}"]`)]) : [];
      for (const el of activeEls) {
        el.classList.add('active');
        if (pin) el.setAttribute('aria-pressed', 'true');
      }
    };
    const show = (s: Shown): void => {
      if (!s.pinned && pinned) return;
      pinned = s.pinned;
      highlight(s.ids, s.pinned);
      panel.current?.(s);
    };
    const clear = (): void => {
      pinned = false;
      highlight([], false);
      panel.current?.(null);
    };
    /** Focus the first mark of an annotation (from the lists and margin notes). */
    const jumpTo = (id: string): void => {
      const x = model.byId.get(id);
      const root = rootRef.current;
      if (!x || !root) return;
      const el = root.querySelector<HTMLElement>(`span[data-anns~="${id}"]`);
      const details = el?.closest('details');
      if (details && !details.open) details.open = true;
      show({ start: x.start, end: x.end, ids: [id], pinned: true });
      if (el) {
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    };
    return { show, clear, jumpTo };
  }, [model]);

  const body = useMemo(() => {
    const { show, clear, jumpTo } = actions;
    const eventsIn = (b: Block): Ann[] => model.anns.filter((x) => x.kind === 'event' && model.byId.get(x.id) === x && x.start >= b.start && x.start < b.end);
    const renderText = (start: number, end: number): ComponentChildren[] => {
      const out: ComponentChildren[] = [];
      for (const seg of segmentsOf(start, end, model.anns)) {
        const piece = text.slice(seg.start, seg.end);
        if (seg.anns.length === 0) {
          out.push(piece);
          continue;
        }
        const ids = seg.anns.map((x) => x.id);
        const shown = (pinned: boolean): Shown => ({ start: seg.start, end: seg.end, ids, pinned });
        if (seg.anns.some((x) => x.kind === 'quote' && x.start === seg.start)) out.push(<span class="qmark" aria-hidden="true">❝</span>);
        out.push(
          <span
            class={classesOf(seg.anns)}
            tabIndex={0}
            role="button"
            aria-label={`${piece}: ${seg.anns.map((x) => annSummary(x, model.actors)).join('; ')}`}
            data-start={seg.start}
            data-end={seg.end}
            data-anns={ids.join(' ')}
            onMouseEnter={() => show(shown(false))}
            onFocus={() => show(shown(false))}
            onClick={() => show(shown(true))}
            onKeyDown={(ev) => {
              if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                show(shown(true));
              } else if (ev.key === 'Escape') clear();
            }}
          >
            {piece}
          </span>,
        );
        for (const e of seg.anns) {
          if (e.kind === 'event' && e.end === seg.end) out.push(<sup class="evref" aria-hidden="true">{e.index + 1}</sup>);
        }
      }
      return out;
    };
    return model.blocks.map((b) => {
      const notes = eventsIn(b);
      const noteList = notes.length > 0 ? (
        <ol class="margin-notes" aria-label="Events in this paragraph">
          {notes.map((x) => x.kind === 'event' && (
            <li key={x.id} value={x.index + 1}>
              <button type="button" class={`note q${x.event.quadClass}`} onClick={() => jumpTo(x.id)} data-testid="event-note">
                <span class="note-num">{x.index + 1}</span>{' '}
                <span class="note-dyad">{sideName(x.event.source, model.actors)} → {sideName(x.event.target, model.actors)}</span>{' '}
                <span class="note-code">CAMEO {x.event.code} · G {signed(x.event.goldstein)}</span>{' '}
                <span class="quad-tag">{QUAD_SYMBOL[x.event.quadClass]} {QUAD_LABELS[x.event.quadClass]}</span>
                {(x.event.negated || x.event.hedged || x.event.hypothetical) && (
                  <span class="note-flags"> {[x.event.negated && 'negated', x.event.hedged && 'hedged', x.event.hypothetical && 'hypothetical'].filter(Boolean).join(', ')}</span>
                )}
              </button>
            </li>
          ))}
        </ol>
      ) : null;
      if (b.kind === 'boilerplate') {
        const kinds = [...new Set(b.boiler.map((x) => x.kind))];
        const head = b.boiler.find((x) => x.headline)?.headline;
        return (
          <div class="row" key={`b${b.start}`}>
            <details class="boiler" data-start={b.start} data-end={b.end}>
              <summary>
                <span class="boiler-label">Boilerplate{kinds.length ? `: ${kinds.join(', ')}` : ''}</span>{' '}
                <span class="boiler-preview">{head ? `“${head.text}”` : text.slice(b.start, Math.min(b.end, b.start + 60)) + (b.end - b.start > 60 ? '…' : '')}</span>{' '}
                <span class="offs">{offsets(b)}</span>
              </summary>
              <p class="para boiler-text">{renderText(b.start, b.end)}</p>
              {b.boiler.map((x) => (
                <p class="boiler-rule" key={`${x.start}-${x.kind}`}>{x.kind} {offsets(x)} by rule <code>{x.rule}</code>{x.headline ? <> · headline {offsets(x.headline)} (a claim, kept apart from the body)</> : null}</p>
              ))}
            </details>
            {noteList}
          </div>
        );
      }
      return (
        <div class={`row ${b.kind}`} key={`b${b.start}`}>
          {b.kind === 'title'
            ? <h2 class="para title-text">{renderText(b.start, b.end)}</h2>
            : <p class="para">{renderText(b.start, b.end)}</p>}
          {noteList}
        </div>
      );
    });
  }, [model, actions, text]);

  const facts = useMemo(() => <FactLists analysis={analysis} model={model} jumpTo={actions.jumpTo} linkActors={linkActors} />, [analysis, model, actions, linkActors]);

  return (
    <div class="article-view" ref={rootRef}>
      <Legend analysis={analysis} />
      <div class="article-grid">
        <article class="article-text" aria-label="Article text with annotations">{body}</article>
        <aside class="details" aria-label="Details">
          <DetailsPanel register={(f) => { panel.current = f; }} model={model} text={text} linkActors={linkActors} onClose={actions.clear} />
        </aside>
      </div>
      {facts}
    </div>
  );
}

/** The details panel keeps its own state, so showing details never re-renders the article. */
function DetailsPanel({ register, model, text, linkActors, onClose }: {
  register: (f: (s: Shown | null) => void) => void;
  model: Model;
  text: string;
  linkActors: boolean;
  onClose: () => void;
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    register(setShown);
    setShown(null);
  }, [model]);
  const anns = shown ? shown.ids.map((id) => model.byId.get(id)).filter((x): x is Ann => !!x) : [];
  return <Details anns={anns} span={shown} text={text} actors={model.actors} linkActors={linkActors} onClose={onClose} />;
}

function Legend({ analysis }: { analysis: Analysis }) {
  const L = analysis.layers;
  return (
    <div class="legend" aria-label="Legend">
      <span class="mark ent ent-PER">Person</span>
      <span class="mark ent ent-ORG">Organisation</span>
      <span class="mark ent ent-LOC">Place</span>
      <span class="mark ent ent-MISC">Other</span>
      <span class="mark quote"><span aria-hidden="true">❝</span> quote</span>
      <span class="mark speaker">speaker</span>
      <span class="mark cue">cue</span>
      <span class="mark hedge">hedge</span>
      <span class="mark event">event verb<sup class="evref">n</sup></span>
      <span class="mark boiler">boilerplate in a paragraph</span>
      <span class="counts">
        {(L.mentions ?? []).length} mentions · {(L.actors ?? []).length} actors · {(L.attributions ?? []).length} quotes · {(L.hedges ?? []).length} hedges · {(L.events ?? []).length} events
      </span>
    </div>
  );
}

function ActorName({ actor, link }: { actor: Actor; link: boolean }) {
  const label = `${actor.name}${actor.code ? ` (${actor.code})` : ''}`;
  return link ? <a href={actorHref(actor.name, actor.code)}>{label}</a> : <>{label}</>;
}

function Details({ anns, span, text, actors, linkActors, onClose }: {
  anns: Ann[];
  span: { start: number; end: number; pinned: boolean } | null;
  text: string;
  actors: Map<string, Actor>;
  linkActors: boolean;
  onClose: () => void;
}) {
  if (!span || anns.length === 0) {
    return (
      <div class="details-empty">
        <h3>Details</h3>
        <p>Hover, tap or tab to a marked word to see what newsgraph found there. Press Enter to keep it shown, Escape to clear.</p>
      </div>
    );
  }
  return (
    <div class="details-body" data-testid="details">
      <h3>
        Details{span.pinned ? ' (pinned)' : ''}{' '}
        {span.pinned && <button type="button" class="linkish" onClick={onClose}>clear</button>}
      </h3>
      <p class="sel">“{text.slice(span.start, span.end)}” <span class="offs">chars {offsets(span)}</span></p>
      {anns.map((x) => <AnnDetail key={x.id} x={x} actors={actors} linkActors={linkActors} />)}
    </div>
  );
}

function AnnDetail({ x, actors, linkActors }: { x: Ann; actors: Map<string, Actor>; linkActors: boolean }) {
  switch (x.kind) {
    case 'mention': {
      const ac = x.actor;
      return (
        <section class="detail">
          <h4><span class={`mark ent ent-${x.mention.type}`}>{TYPE_LABELS[x.mention.type] ?? x.mention.type}</span> mention ({x.mention.kind})</h4>
          <dl>
            <dt>Text</dt><dd>{x.mention.text} <span class="offs">{offsets(x.mention)}</span></dd>
            {ac && <><dt>Actor</dt><dd><ActorName actor={ac} link={linkActors} /></dd></>}
            {ac?.code && <><dt>Code</dt><dd><code>{ac.code}</code></dd></>}
            {ac?.kind && <><dt>Kind</dt><dd>{ac.kind}{ac.mediaKind ? ` (${ac.mediaKind})` : ''}{ac.role ? ` · role ${ac.role}` : ''}</dd></>}
            {ac?.country && <><dt>Country</dt><dd>{ac.country}</dd></>}
            {ac?.description && <><dt>Described as</dt><dd>{ac.description}</dd></>}
            {ac && <><dt>Mentions</dt><dd>{ac.mentions.length}</dd></>}
          </dl>
        </section>
      );
    }
    case 'quote':
    case 'speaker':
    case 'cue':
      return <QuoteDetail a={x.attribution} part={x.kind} actors={actors} linkActors={linkActors} />;
    case 'hedge':
      return (
        <section class="detail">
          <h4><span class="mark hedge">Hedge</span> ({x.hedge.kind})</h4>
          <dl>
            <dt>Text</dt><dd>{x.hedge.text} <span class="offs">{offsets(x.hedge)}</span></dd>
            {x.hedge.scope && <><dt>Scope</dt><dd>“{x.hedge.scope.text}” <span class="offs">{offsets(x.hedge.scope)}</span></dd></>}
          </dl>
        </section>
      );
    case 'boiler':
      return (
        <section class="detail">
          <h4><span class="mark boiler">Boilerplate</span> ({x.boiler.kind})</h4>
          <dl>
            <dt>Text</dt><dd>{x.boiler.text} <span class="offs">{offsets(x.boiler)}</span></dd>
            <dt>Rule</dt><dd><code>{x.boiler.rule}</code></dd>
            {x.boiler.source && <><dt>Credited</dt><dd>{x.boiler.source.text} <span class="offs">{offsets(x.boiler.source)}</span></dd></>}
            {x.boiler.headline && <><dt>Headline</dt><dd>{x.boiler.headline.text} <span class="offs">{offsets(x.boiler.headline)}</span></dd></>}
          </dl>
        </section>
      );
    case 'event': {
      const e = x.event;
      return (
        <section class="detail">
          <h4><span class="mark event">Event {x.index + 1}</span> CAMEO <code>{e.code}</code></h4>
          <dl>
            <dt>Verb</dt><dd>{e.verb.text} <span class="offs">{offsets(e.verb)}</span></dd>
            <dt>Source</dt><dd>{sideName(e.source, actors)}{e.source.span && <span class="offs"> {offsets(e.source.span)}</span>}</dd>
            <dt>Target</dt><dd>{sideName(e.target, actors)}{e.target?.span && <span class="offs"> {offsets(e.target.span)}</span>}</dd>
            <dt>Code</dt><dd><code>{e.code}</code> (root {e.root})</dd>
            <dt>Goldstein</dt><dd>{signed(e.goldstein)}</dd>
            <dt>Quad class</dt><dd>{quadLabel(e.quadClass)}</dd>
            {e.plover && <><dt>PLOVER</dt><dd>{e.plover.type}{e.plover.mode ? ` / ${e.plover.mode}` : ''}</dd></>}
            {e.date && <><dt>Date</dt><dd>{e.date}</dd></>}
            {e.rule && <><dt>Rule</dt><dd><code>{e.rule}</code></dd></>}
            {(e.mentions ?? []).length > 1 && <><dt>Told</dt><dd>{e.mentions.length} times: {e.mentions.map((m) => offsets(m.verb)).join(' ')}</dd></>}
            <dt>Flags</dt><dd>{[e.negated && 'negated', e.hypothetical && 'hypothetical', e.hedged && 'hedged', e.reported && 'reported'].filter(Boolean).join(', ') || 'none'}</dd>
          </dl>
        </section>
      );
    }
  }
}

function QuoteDetail({ a, part, actors, linkActors }: { a: Attribution; part: 'quote' | 'speaker' | 'cue'; actors: Map<string, Actor>; linkActors: boolean }) {
  const sp = a.speakerActorId ? actors.get(a.speakerActorId) : undefined;
  return (
    <section class="detail">
      <h4><span class="mark quote">{a.type} quote</span>{part !== 'quote' ? ` (${part})` : ''}</h4>
      <dl>
        <dt>Content</dt><dd class="clip">{a.content.text} <span class="offs">{offsets(a.content)}</span></dd>
        {a.parts && a.parts.length > 1 && <><dt>Pieces</dt><dd>{a.parts.map((p) => offsets(p)).join(' ')}</dd></>}
        <dt>Speaker</dt>
        <dd>
          {sp ? <ActorName actor={sp} link={linkActors} /> : a.speaker?.text ?? (a.anonymous ? 'anonymous' : 'unknown')}
          {a.speaker && <span class="offs"> {offsets(a.speaker)}</span>}
        </dd>
        {a.cue && <><dt>Cue</dt><dd>{a.cue.text} (lemma <code>{a.cue.lemma}</code>) <span class="offs">{offsets(a.cue)}</span></dd></>}
        {a.medium && <><dt>Medium</dt><dd>{a.medium.text} <span class="offs">{offsets(a.medium)}</span></dd></>}
        {a.addressee && <><dt>Addressee</dt><dd>{a.addressee.text} <span class="offs">{offsets(a.addressee)}</span></dd></>}
        <dt>Flags</dt><dd>{[a.hedged && 'hedged', a.anonymous && 'anonymous'].filter(Boolean).join(', ') || 'none'}</dd>
      </dl>
      {a.chain.length > 0 && (
        <>
          <p class="chain-label">Relay chain (speaker first):</p>
          <Chain chain={a.chain} actors={actors} />
        </>
      )}
    </section>
  );
}

function FactLists({ analysis, model, jumpTo, linkActors }: { analysis: Analysis; model: Model; jumpTo: (id: string) => void; linkActors: boolean }) {
  const L = analysis.layers;
  const firstMention = (ac: Actor): string | null => {
    const i = ac.mentions[0];
    return i !== undefined && model.byId.has(`m${i}`) ? `m${i}` : null;
  };
  return (
    <div class="fact-lists">
      <section aria-labelledby="fl-actors">
        <h3 id="fl-actors">Actors ({(L.actors ?? []).length})</h3>
        {(L.actors ?? []).length === 0 ? <p class="empty">No actors found.</p> : (
          <ul class="facts">
            {(L.actors ?? []).map((ac) => {
              const m = firstMention(ac);
              return (
                <li key={ac.id}>
                  <span class={`mark ent ent-${ac.type}`}>{TYPE_LABELS[ac.type] ?? ac.type}</span>{' '}
                  <ActorName actor={ac} link={linkActors} /> · {ac.mentions.length} mention{ac.mentions.length === 1 ? '' : 's'}
                  {m && <> · <button type="button" class="linkish" onClick={() => jumpTo(m)}>show in text</button></>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="fl-quotes">
        <h3 id="fl-quotes">Quotes ({(L.attributions ?? []).length})</h3>
        {(L.attributions ?? []).length === 0 ? <p class="empty">No quotes found.</p> : (
          <ul class="facts">
            {(L.attributions ?? []).map((a, i) => (
              <li key={i} data-testid="quote-item">
                <button type="button" class="linkish" onClick={() => jumpTo(`q${i}`)}>
                  {speakerName(a, model.actors) ?? 'unknown speaker'}{a.cue ? ` ${a.cue.text}` : ''}
                </button>
                : <q class="clip">{a.content.text}</q>
                {a.hedged && <span class="tag">hedged</span>}
                {a.chain.length > 0 && <Chain chain={a.chain} actors={model.actors} compact />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="fl-hedges">
        <h3 id="fl-hedges">Hedges ({(L.hedges ?? []).length})</h3>
        {(L.hedges ?? []).length === 0 ? <p class="empty">No hedges found.</p> : (
          <ul class="facts">
            {(L.hedges ?? []).map((h, i) => (
              <li key={i}><button type="button" class="linkish" onClick={() => jumpTo(`h${i}`)}>{h.text}</button> ({h.kind}) <span class="offs">{offsets(h)}</span></li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="fl-events">
        <h3 id="fl-events">Events ({(L.events ?? []).length})</h3>
        {(L.events ?? []).length === 0 ? <p class="empty">No events found.</p> : (
          <ol class="facts">
            {(L.events ?? []).map((e, i) => (
              <li key={i} value={i + 1}>
                <button type="button" class="linkish" onClick={() => jumpTo(`e${i}`)}>{sideName(e.source, model.actors)} → {sideName(e.target, model.actors)}</button>
                {' '}“{e.verb.text}” CAMEO <code>{e.code}</code> · G {signed(e.goldstein)} · {quadLabel(e.quadClass)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

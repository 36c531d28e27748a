import { styleText } from 'node:util';
import { renderAttributions } from '../attribution/index.js';
import type { Analysis, Span } from '../doc/schema.js';
import { renderEvents } from '../events/render.js';
import { terminalSafeDeep } from '../util/terminal.js';

export interface ReportOptions {
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

/** A readable terminal report of one analysed document. */
export function renderReport(analysis: Analysis, opts: ReportOptions): string {
  // The article's own escape sequences must not reach the terminal (offsets stay: one character for one).
  const a = terminalSafeDeep(analysis);
  const paint = (style: Style, s: string): string => (opts.color ? styleText(style, s) : s);
  const at = (s: Span): string => paint('dim', `[${s.start}-${s.end}]`);
  const L = a.layers;
  const out: string[] = [];
  const sentences = L.sentences ?? [];
  const tokens = L.tokens ?? [];
  out.push(paint('bold', `${a.document.id}`) + paint('dim', `  ${a.document.format}, ${a.document.encoding}, ${a.text.length} chars, ${sentences.length} sentences, ${tokens.length} tokens`));
  if (a.document.url) out.push(`URL: ${a.document.url}`);
  if (a.document.published) out.push(`Published: ${a.document.published}`);
  if (a.document.source) out.push(`Source: ${a.document.source}`);
  out.push('');
  out.push(paint('bold', 'Title: ') + (L.title ? `${L.title.text} ${at(L.title)}` : a.document.title ? `${a.document.title} (from metadata)` : '(none found)'));

  const boilerplate = L.boilerplate ?? [];
  out.push('');
  out.push(paint('bold', `Boilerplate (${boilerplate.length})`));
  if (boilerplate.length === 0) out.push('  (none)');
  for (const b of boilerplate) {
    out.push(`  ${paint('yellow', b.kind.padEnd(13))} ${at(b)} ${b.text}`);
    if (b.headline) out.push(`  ${' '.repeat(13)} headline: ${paint('italic', b.headline.text)}`);
    if (b.source) out.push(`  ${' '.repeat(13)} credits: ${b.source.text}`);
  }

  const sections: { name: string; key: 'title' | 'body' | 'related' }[] = [
    { name: 'Body sentences', key: 'body' },
    { name: 'Related-link headlines', key: 'related' },
  ];
  for (const section of sections) {
    const list = sentences.filter((s) => s.section === section.key);
    if (list.length === 0 && section.key !== 'body') continue;
    out.push('');
    out.push(paint('bold', `${section.name} (${list.length})`));
    list.forEach((s, i) => out.push(`  ${String(i + 1).padStart(3)} ${at(s)} ${s.text}`));
  }
  if (L.actors !== undefined && L.mentions !== undefined) {
    out.push('');
    out.push(paint('bold', `Actors (${L.actors.length}, from ${L.mentions.length} mentions)`));
    for (const actor of L.actors) {
      const facts = [actor.kind, actor.mediaKind, actor.country, actor.role].filter((f): f is string => f !== null && f !== '');
      const desc = actor.description ? ` "${actor.description}"` : '';
      out.push(`  ${paint('cyan', actor.name)} ${paint('bold', actor.code ?? '-')}  ${facts.join(', ')}${desc}`);
      const seen = actor.mentions.map((i) => L.mentions![i]!).map((m) => (m.kind === 'name' ? m.text : `${m.text} (${m.kind})`));
      out.push(`      ${paint('dim', seen.join(' · '))}`);
    }
  }
  if (L.attributions !== undefined) {
    out.push('');
    out.push(paint('bold', `Attributions (${L.attributions.length}) and hedges (${L.hedges?.length ?? 0})`));
    for (const line of renderAttributions(a)) out.push(`  ${line}`);
  }
  if (L.events !== undefined) {
    out.push('');
    out.push(paint('bold', `Events (${L.events.length})`));
    for (const line of renderEvents(a)) out.push(`  ${line}`);
  }
  return out.join('\n');
}

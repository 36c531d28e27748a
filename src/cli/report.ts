import { styleText } from 'node:util';
import type { Analysis, Span } from '../doc/schema.js';

export interface ReportOptions {
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

/** A readable terminal report of one analysed document. */
export function renderReport(a: Analysis, opts: ReportOptions): string {
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
  for (const [name, layer] of [['Entities', L.mentions], ['Attributions', L.attributions], ['Events', L.events]] as const) {
    if (layer === undefined) continue;
    out.push('');
    out.push(paint('bold', `${name} (${layer.length})`));
  }
  return out.join('\n');
}

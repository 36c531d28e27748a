/**
 * Terminal lines for the attributions of one analysis: who, how, where,
 * through whom, and how sure. Used by the CLI's readable report.
 */
import type { Analysis, Attribution } from '../doc/schema.js';

const MAX_CONTENT = 110;

function shorten(text: string, max = MAX_CONTENT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function speakerName(a: Attribution, analysis: Analysis): string {
  const actor = a.speakerActorId ? analysis.layers.actors?.find((x) => x.id === a.speakerActorId) : undefined;
  if (actor) return actor.name;
  if (a.speaker) return a.speaker.text;
  return '(no speaker named)';
}

/** "Putin → letter → KCNA → Reuters → WION" */
export function renderChain(a: Attribution): string {
  return a.chain.map((r) => (r.kind === 'republisher' ? `(${r.name})` : r.name)).join(' → ');
}

/** A hedge belongs to an attribution when it sits in its content or is its cue ("reports are swirling"). */
function touches(h: { start: number; end: number }, a: Attribution): boolean {
  const inContent = h.start < a.content.end && a.content.start < h.end;
  const isCue = a.cue !== null && h.start < a.cue.end && a.cue.start < h.end;
  return inContent || isCue;
}

export function renderAttributions(analysis: Analysis): string[] {
  const lines: string[] = [];
  const hedges = analysis.layers.hedges ?? [];
  for (const a of analysis.layers.attributions ?? []) {
    const how = [a.cue ? `${a.cue.lemma}` : 'quoted', a.medium ? `in ${a.medium.text}` : null, a.addressee ? `to ${a.addressee.text}` : null]
      .filter(Boolean)
      .join(' ');
    const flags = [a.hedged ? 'hedged' : null, a.anonymous ? 'anonymous source' : null].filter(Boolean).join(', ');
    lines.push(`${speakerName(a, analysis)} (${how}, ${a.type}): "${shorten(a.content.text)}"${flags ? `  [${flags}]` : ''}`);
    if (a.chain.length > 1) lines.push(`    via ${renderChain(a)}`);
    const inside = hedges.filter((h) => touches(h, a));
    if (inside.length > 0) lines.push(`    hedges: ${inside.map((h) => `"${h.text}" (${h.kind})`).join(', ')}`);
  }
  const loose = hedges.filter((h) => !(analysis.layers.attributions ?? []).some((a) => touches(h, a)));
  for (const h of loose) lines.push(`unattributed claim, hedged by "${h.text}" (${h.kind}): "${shorten(h.scope?.text ?? h.text)}"`);
  return lines;
}

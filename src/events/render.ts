/**
 * Terminal lines for events: "Russia (RUSGOV) → North Korea (PRKGOV): 030
 * Express intent to cooperate, Goldstein 4.0, 2022-08-15", with flags.
 */
import type { Analysis, Event } from '../doc/schema.js';
import { loadCodebook, type Codebook } from './codebook.js';

function who(analysis: Analysis, arg: Event['source'] | null): string {
  if (arg === null) return '—';
  const actor = arg.actorId ? analysis.layers.actors?.find((a) => a.id === arg.actorId) : undefined;
  const name = actor?.name ?? arg.span?.text ?? '?';
  return arg.code ? `${name} (${arg.code})` : name;
}

export function renderEvent(analysis: Analysis, e: Event, codebook: Codebook = loadCodebook()): string {
  const name = codebook.get(e.code)?.name ?? '';
  const flags = [
    e.section !== 'body' ? (e.section === 'title' ? 'headline' : 'related headline') : '',
    e.negated ? 'negated' : '',
    e.hypothetical ? 'hypothetical' : '',
    e.hedged ? 'hedged' : '',
    e.reported ? 'reported' : '',
    e.mentions.length > 1 ? `told ${e.mentions.length}×` : '',
  ].filter((f) => f !== '');
  const plover = e.plover ? `, PLOVER ${e.plover.type}${e.plover.mode ? `/${e.plover.mode}` : ''}` : '';
  const date = e.date ? `, ${e.date}` : '';
  return `${who(analysis, e.source)} → ${who(analysis, e.target)}: ${e.code} ${name}, Goldstein ${e.goldstein.toFixed(1)}${plover}${date}${flags.length ? ` [${flags.join(', ')}]` : ''}`;
}

/** One line per event, body events first, then headlines and related-link headlines. */
export function renderEvents(analysis: Analysis): string[] {
  const events = analysis.layers.events ?? [];
  const codebook = loadCodebook();
  const rank = { body: 0, title: 1, related: 2 } as const;
  return [...events].sort((a, b) => rank[a.section] - rank[b.section] || a.sentence - b.sentence).map((e) => renderEvent(analysis, e, codebook));
}

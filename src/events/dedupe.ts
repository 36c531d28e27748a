/**
 * Within one article the same event is often told several times (lead,
 * body, quote). The same (section, source, target, code) on the same day
 * counts once; every telling is kept in `mentions`.
 */
import type { Event } from '../doc/schema.js';

function actorKey(a: Event['source'] | null): string {
  if (a === null) return '-';
  return a.actorId ?? a.code ?? (a.span ? `@${a.span.text.toLowerCase()}` : '?');
}

export function dedupeEvents(events: readonly Event[]): Event[] {
  const byKey = new Map<string, Event>();
  const out: Event[] = [];
  for (const e of events) {
    // negated or hypothetical tellings are different claims from the event itself
    const key = [e.section, actorKey(e.source), actorKey(e.target), e.code, e.date ?? '', e.negated, e.hypothetical].join('|');
    const seen = byKey.get(key);
    if (seen) {
      seen.mentions.push(...e.mentions);
      seen.hedged &&= e.hedged; // hedged only if every telling is
      continue;
    }
    const copy = { ...e, mentions: [...e.mentions] };
    byKey.set(key, copy);
    out.push(copy);
  }
  return out;
}

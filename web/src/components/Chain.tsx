/** A relay chain drawn as a little chain of sources: speaker → medium → relays → outlet. */
import type { Analysis } from '../api.js';
import { actorHref } from '../router.js';
import { offsets } from '../labels.js';

type Actor = NonNullable<Analysis['layers']['actors']>[number];
type Relay = NonNullable<Analysis['layers']['attributions']>[number]['chain'][number];

const KIND_ICON: Record<string, string> = { speaker: '“', medium: '▭', relay: '↻', outlet: '■', republisher: '⇉' };

export function Chain({ chain, actors, compact = false }: { chain: { name: string; kind: string; actorId: string | null; span?: Relay['span'] }[]; actors?: Map<string, Actor>; compact?: boolean }) {
  return (
    <ol class={`chain${compact ? ' compact' : ''}`} aria-label="Relay chain, speaker first">
      {chain.map((r, i) => {
        const ac = r.actorId && actors ? actors.get(r.actorId) : undefined;
        return (
          <li key={i} class={`link kind-${r.kind}`} data-testid="chain-link">
            <span class="chain-kind"><span aria-hidden="true">{KIND_ICON[r.kind] ?? '•'}</span> {r.kind}</span>{' '}
            {ac ? <a href={actorHref(ac.name, ac.code)}>{r.name}</a> : <span class="chain-name">{r.name}</span>}
            {!compact && r.span && <span class="offs"> {offsets(r.span)}</span>}
            {i + 1 < chain.length && <span class="arrow" aria-hidden="true"> → </span>}
          </li>
        );
      })}
    </ol>
  );
}

/** Search across everything: article text, actors, quotes and events. */
import type { ComponentChildren } from 'preact';
import { searchAll } from '../endpoints.js';
import { AsyncView, Empty, useAsync } from '../components/Status.js';
import { EventTable, QuoteTable } from '../components/Rows.js';
import { actorHref, href, navigate } from '../router.js';
import { day } from '../labels.js';
import { snippetParts } from '../snippet.js';

/** Hits bold, as text (see snippetParts). */
function Snippet({ text, highlights }: { text: string; highlights: { start: number; end: number }[] }) {
  const parts: ComponentChildren[] = snippetParts(text, highlights).map((p, i) => (p.hit ? <b key={i}>{p.text}</b> : p.text));
  return <p class="snippet">{parts}</p>;
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const q = (query.get('q') ?? '').trim();
  const state = useAsync(q ? (s) => searchAll(q, s) : null, `search:${q}`);
  return (
    <section class="page search">
      <h1>Search</h1>
      <form class="search-box" role="search" onSubmit={(e) => { e.preventDefault(); const v = String(new FormData(e.currentTarget as HTMLFormElement).get('q') ?? '').trim(); navigate(href('search', null, { q: v })); }}>
        <label class="visually-hidden" for="q">Search articles, actors, quotes and events</label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="Words, a name, a CAMEO code…" aria-label="Search articles, actors, quotes and events" />
        <button type="submit" class="primary">Search</button>
      </form>
      {!q ? <Empty>Search article text, actor names and codes, quotes by speaker or relay, and events.</Empty> : (
        <AsyncView state={state} what="results">
          {(r) => r.documents.length + r.actors.length + r.quotes.length + r.events.length === 0 ? <Empty>Nothing found for “{q}”.</Empty> : (
            <>
              <h2>Actors ({r.actors.length})</h2>
              {r.actors.length === 0 ? <Empty>No actors.</Empty> : (
                <ul class="facts">
                  {r.actors.map((a) => (
                    <li key={`${a.name}|${a.code}`}><a href={actorHref(a.name, a.code)}>{a.name}{a.code ? ` (${a.code})` : ''}</a> · {a.kind}{a.country ? `, ${a.country}` : ''} · {a.documents} documents</li>
                  ))}
                </ul>
              )}
              <h2>Articles ({r.documents.length})</h2>
              {r.documents.length === 0 ? <Empty>No articles.</Empty> : (
                <ol class="facts">
                  {r.documents.map((d) => (
                    <li key={d.key}>
                      <a href={href('article', d.key)}>{d.title ?? d.id}</a> <span class="meta">{d.outlet ?? ''} {day(d.published)}</span>
                      <Snippet text={d.snippet} highlights={d.highlights ?? []} />
                    </li>
                  ))}
                </ol>
              )}
              <h2>Quotes ({r.quotes.length})</h2>
              <QuoteTable rows={r.quotes} caption={`Quotes by or relayed through “${q}”`} empty="No quotes." />
              <h2>Events ({r.events.length})</h2>
              <EventTable rows={r.events} caption={`Events involving “${q}”`} empty="No events." />
            </>
          )}
        </AsyncView>
      )}
    </section>
  );
}

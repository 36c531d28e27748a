/** Actor: statements made, statements about, events as source and as target, and a timeline. */
import { getActor } from '../endpoints.js';
import { AsyncView, Empty, useAsync } from '../components/Status.js';
import { EventTable, QuoteTable } from '../components/Rows.js';
import { TimeChart } from '../components/TimeChart.js';
import { actorHref, href } from '../router.js';

export function ActorPage({ name, code }: { name: string | null; code: string | null }) {
  const state = useAsync(name || code ? (s) => getActor({ name, code }, s) : null, `actor:${name}:${code}`);
  const title = name ?? code ?? '';
  if (!name && !code) {
    return (
      <section class="page actor">
        <h1>Actor</h1>
        <Empty>Pick an actor from an article, the network or <a href={href('search')}>search</a>.</Empty>
      </section>
    );
  }
  return (
    <section class="page actor">
      <h1>{title}{code && name ? <> <code>{code}</code></> : null}</h1>
      {code && name && <p class="meta">This actor only. <a href={actorHref(null, code)}>Every actor coded {code}</a> (code prefix).</p>}
      {code && !name && <p class="meta">Every actor whose CAMEO code starts with <code>{code}</code>.</p>}
      <AsyncView state={state} what="the actor">
        {(d) => {
          const top = d.matches[0];
          const partners = new Map<string, { name: string | null; code: string | null; n: number }>();
          for (const e of [...d.asSource.map((x) => ({ n: x.targetName, c: x.targetCode })), ...d.asTarget.map((x) => ({ n: x.sourceName, c: x.sourceCode }))]) {
            if (!e.c && !e.n) continue;
            const k = e.c ?? e.n!;
            const p = partners.get(k) ?? { name: e.n, code: e.c, n: 0 };
            p.n++;
            partners.set(k, p);
          }
          const me = code ?? name ?? '';
          const topPartners = [...partners.values()].sort((a, b) => b.n - a.n).slice(0, 8);
          return (
            <>
              {d.matches.length === 0 ? <Empty>No stored actor matches “{title}”.</Empty> : (
                <p class="meta">
                  {top?.kind}{top?.country ? ` · ${top.country}` : ''}{top?.role ? ` · ${top.role}` : ''} · in {d.matches.reduce((n, m) => n + m.documents, 0)} documents, {d.matches.reduce((n, m) => n + m.mentions, 0)} mentions
                  {d.matches.length > 1 && <> · also as {d.matches.slice(1, 6).map((m) => `${m.name}${m.code ? ` (${m.code})` : ''}`).join(', ')}</>}
                </p>
              )}
              <div class="cards">
                <div class="card"><div class="big">{d.statementsBy.length}</div>statements made</div>
                <div class="card"><div class="big">{d.statementsAbout.length}</div>statements about</div>
                <div class="card"><div class="big">{d.asSource.length}</div>events as source</div>
                <div class="card"><div class="big">{d.asTarget.length}</div>events as target</div>
              </div>
              {d.truncated && <p class="chart-note">Showing the most recent items only.</p>}
              <h2>Timeline</h2>
              <TimeChart
                title={`${title}: events and statements per month`}
                yLabel="count"
                buckets={d.timeline.map((t) => t.bucket)}
                series={[
                  { label: 'Events as source', values: d.timeline.map((t) => t.asSource), color: '#0072B2' },
                  { label: 'Events as target', values: d.timeline.map((t) => t.asTarget), color: '#D55E00', dash: [6, 4] },
                  { label: 'Statements', values: d.timeline.map((t) => t.quotes), color: '#009E73', dash: [2, 3] },
                ]}
              />
              {topPartners.length > 0 && (
                <>
                  <h2>Dyads</h2>
                  <ul class="facts">
                    {topPartners.map((p) => (
                      <li key={p.code ?? p.name}><a href={href('dyad', null, { a: me, b: p.code ?? p.name ?? '' })}>{title} ↔ {p.name ?? p.code}{p.code ? ` (${p.code})` : ''}</a> · {p.n} events</li>
                    ))}
                  </ul>
                </>
              )}
              <h2>Statements made</h2>
              <QuoteTable rows={d.statementsBy} caption={`Quotes attributed to ${title}`} empty="No statements by this actor." />
              <h2>Statements about</h2>
              <QuoteTable rows={d.statementsAbout} caption={`Quotes that name ${title}`} empty="No statements about this actor." />
              <h2>Events as source</h2>
              <EventTable rows={d.asSource} caption={`${title} acting`} empty="No events with this actor as source." />
              <h2>Events as target</h2>
              <EventTable rows={d.asTarget} caption={`${title} acted upon`} empty="No events with this actor as target." />
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}

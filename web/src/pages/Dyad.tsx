/** Dyad: events between A and B both ways over time, Goldstein balance per week or month, quad-class counts. */
import { getDyad } from '../endpoints.js';
import { AsyncView, Empty, useAsync } from '../components/Status.js';
import { EventTable } from '../components/Rows.js';
import { TimeChart } from '../components/TimeChart.js';
import { QUAD_COLORS, QUAD_LABELS, QUAD_SYMBOL } from '../labels.js';
import { actorHref, href, navigate } from '../router.js';

export function DyadPage({ query }: { query: URLSearchParams }) {
  const a = query.get('a') ?? '';
  const b = query.get('b') ?? '';
  const bucket = query.get('bucket') === 'week' ? 'week' : 'month';
  const state = useAsync(a && b ? (s) => getDyad({ a, b, bucket }, s) : null, `dyad:${a}:${b}:${bucket}`);
  const onSubmit = (ev: Event): void => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    navigate(href('dyad', null, { a: String(f.get('a') ?? '').trim(), b: String(f.get('b') ?? '').trim(), bucket: String(f.get('bucket') ?? 'month') }));
  };
  return (
    <section class="page dyad">
      <h1>Dyad{a && b ? `: ${a} ↔ ${b}` : ''}</h1>
      <form class="filters" onSubmit={onSubmit}>
        <label>Actor A (code or name) <input name="a" defaultValue={a} required /></label>
        <label>Actor B (code or name) <input name="b" defaultValue={b} required /></label>
        <label>Per
          <select name="bucket" defaultValue={bucket}>
            <option value="month">month</option>
            <option value="week">week</option>
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {!(a && b) ? <Empty>Give two actors, e.g. <a href={href('dyad', null, { a: 'RUS', b: 'PRK' })}>RUS and PRK</a>. Codes match by prefix (RUS covers RUSGOV, RUSMIL …).</Empty> : (
        <AsyncView state={state} what="the dyad">
          {(d) => (
            <>
              <p class="meta">
                <a href={actorHref(null, a)}>{a}</a> → <a href={actorHref(null, b)}>{b}</a>: {d.total.ab} events · {b} → {a}: {d.total.ba} events
                {d.truncated && ' (showing the most recent events in the list)'}
              </p>
              {d.total.ab + d.total.ba === 0 ? <Empty>No events between {a} and {b} in the store.</Empty> : (
                <>
                  <h2>Events over time</h2>
                  <TimeChart
                    title={`Events per ${d.bucket}`}
                    yLabel="events"
                    buckets={d.series.map((s) => s.bucket)}
                    series={[
                      { label: `${a} → ${b}`, values: d.series.map((s) => s.ab), color: '#0072B2', bars: true },
                      { label: `${b} → ${a}`, values: d.series.map((s) => s.ba), color: '#D55E00', dash: [6, 4] },
                    ]}
                  />
                  <h2>Goldstein balance</h2>
                  <p class="chart-note">Sum of Goldstein scores per {d.bucket} (−10 most conflictual, +10 most cooperative).</p>
                  <TimeChart
                    title={`Goldstein balance per ${d.bucket}`}
                    yLabel="Goldstein sum"
                    buckets={d.series.map((s) => s.bucket)}
                    series={[
                      { label: `${a} → ${b}`, values: d.series.map((s) => s.goldsteinAB), color: '#0072B2' },
                      { label: `${b} → ${a}`, values: d.series.map((s) => s.goldsteinBA), color: '#D55E00', dash: [6, 4] },
                    ]}
                  />
                  <h2>Quad classes</h2>
                  <div class="two-col">
                    <QuadBars title={`${a} → ${b}`} counts={d.quad.ab} />
                    <QuadBars title={`${b} → ${a}`} counts={d.quad.ba} />
                  </div>
                  <h2>Events</h2>
                  <EventTable rows={d.events} caption={`Events between ${a} and ${b}, newest first`} empty="No events." />
                </>
              )}
            </>
          )}
        </AsyncView>
      )}
    </section>
  );
}

function QuadBars({ title, counts }: { title: string; counts: number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <figure>
      <figcaption><strong>{title}</strong></figcaption>
      <div class="quad-bars">
        {[1, 2, 3, 4].map((q) => (
          <div class="quad-bar" key={q}>
            <span>{QUAD_SYMBOL[q]} Q{q} {QUAD_LABELS[q]}</span>
            <span class={`bar q${q}`} style={{ width: `${(100 * (counts[q - 1] ?? 0)) / max}%`, backgroundColor: QUAD_COLORS[q] }} aria-hidden="true" />
            <span class="num">{counts[q - 1] ?? 0}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

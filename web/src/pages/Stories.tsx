/** Stories: clusters of copies of one story, outlets on a timeline, who published first. */
import { useState } from 'preact/hooks';
import { getStory, listStories } from '../endpoints.js';
import type { DocumentRow, StoryRow } from '../api.js';
import { AsyncView, Empty, ErrorBox, Loading, useAsync } from '../components/Status.js';
import { href } from '../router.js';
import { day } from '../labels.js';

export function StoriesPage() {
  const first = useAsync((s) => listStories({ minDocuments: 2 }, s), 'stories');
  const [extra, setExtra] = useState<{ rows: StoryRow[]; cursor: string | null } | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const rows = [...(first.data?.items ?? []), ...(extra?.rows ?? [])];
  const cursor = extra ? extra.cursor : first.data?.nextCursor ?? null;
  const loadMore = async (): Promise<void> => {
    setMore({ busy: true, error: null });
    try {
      const p = await listStories({ minDocuments: 2, cursor });
      setExtra({ rows: [...(extra?.rows ?? []), ...p.items], cursor: p.nextCursor });
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: e });
    }
  };
  return (
    <section class="page stories">
      <h1>Stories</h1>
      <p class="lede">Clusters of articles telling the same story, from two documents up.</p>
      {first.loading ? <Loading what="stories" /> : first.error ? <ErrorBox error={first.error} /> : rows.length === 0 ? (
        <Empty>No story clusters yet: stories appear when two or more stored articles tell the same story.</Empty>
      ) : (
        <>
          <div class="table-wrap">
            <table class="data">
              <thead><tr><th scope="col">Story</th><th scope="col" class="num">Articles</th><th scope="col">First published</th><th scope="col">Last published</th></tr></thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td><a href={href('stories', s.id)}>#{s.id} {s.label ?? '(no label)'}</a></td>
                    <td class="num">{s.documents}</td>
                    <td>{day(s.firstPublished)}</td>
                    <td>{day(s.lastPublished)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more.error !== null && <ErrorBox error={more.error} />}
          {cursor && <button type="button" onClick={loadMore} disabled={more.busy}>{more.busy ? 'Loading…' : 'Load more'}</button>}
        </>
      )}
    </section>
  );
}

export function StoryPage({ id }: { id: number }) {
  const state = useAsync(Number.isSafeInteger(id) ? (s) => getStory(id, s) : null, `story:${id}`);
  if (!Number.isSafeInteger(id)) return <section class="page"><h1>Story</h1><ErrorBox error={new Error('not a story number')} /></section>;
  return (
    <section class="page story">
      <AsyncView state={state} what="the story">
        {(d) => (
          <>
            <h1>Story #{d.story.id}{d.story.label ? `: ${d.story.label}` : ''}</h1>
            <p class="meta">{d.documents.length} articles from {new Set(d.documents.map((x) => x.outlet ?? '?')).size} outlets · {day(d.story.firstPublished)} to {day(d.story.lastPublished)}</p>
            {d.first && (
              <p><strong>Published first:</strong> {d.first.outlet ?? 'unknown outlet'} on {d.first.published ?? '?'}: <a href={href('article', d.first.key)}>{d.first.title ?? d.first.id}</a></p>
            )}
            <h2>Outlets on a timeline</h2>
            <OutletTimeline docs={d.documents} first={d.first} />
            <div class="table-wrap">
              <table class="data">
                <caption>Articles in publication order</caption>
                <thead><tr><th scope="col">Published</th><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col" class="num">Quotes</th><th scope="col" class="num">Events</th></tr></thead>
                <tbody>
                  {d.documents.map((x) => (
                    <tr key={x.key}>
                      <td>{x.published ?? '—'}{d.first?.key === x.key && <strong class="tag">first</strong>}</td>
                      <td>{x.outlet ?? '—'}</td>
                      <td><a href={href('article', x.key)}>{x.title ?? x.id}</a></td>
                      <td class="num">{x.attributions}</td>
                      <td class="num">{x.events}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </AsyncView>
    </section>
  );
}

function OutletTimeline({ docs, first }: { docs: DocumentRow[]; first: DocumentRow | null }) {
  const dated = docs.filter((d) => d.published && !Number.isNaN(Date.parse(d.published)));
  if (dated.length === 0) return <Empty>No publication dates to place on a timeline.</Empty>;
  const outlets = [...new Set(dated.map((d) => d.outlet ?? '(unknown)'))];
  const times = dated.map((d) => Date.parse(d.published!));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const span = Math.max(1, t1 - t0);
  const left = 150;
  const width = 720;
  const lane = 26;
  const height = outlets.length * lane + 40;
  const x = (t: number): number => left + ((t - t0) / span) * (width - left - 20);
  return (
    <div class="timeline">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Outlets on a timeline; the same dates are in the table below">
        {outlets.map((o, i) => (
          <g key={o}>
            <text x={4} y={20 + i * lane + 4}>{o.length > 22 ? `${o.slice(0, 21)}…` : o}</text>
            <line x1={left} x2={width - 20} y1={20 + i * lane} y2={20 + i * lane} stroke="#ddd" />
          </g>
        ))}
        {dated.map((d) => {
          const i = outlets.indexOf(d.outlet ?? '(unknown)');
          const cx = x(Date.parse(d.published!));
          const cy = 20 + i * lane;
          const isFirst = first?.key === d.key;
          return (
            <g key={d.key}>
              <title>{`${d.outlet ?? ''} ${d.published ?? ''}: ${d.title ?? d.id}`}</title>
              {isFirst ? <polygon points={`${cx},${cy - 8} ${cx + 8},${cy} ${cx},${cy + 8} ${cx - 8},${cy}`} fill="#c2185b" /> : <circle cx={cx} cy={cy} r={5} fill="#0072B2" />}
              {isFirst && <text x={cx + 10} y={cy - 6}>first</text>}
            </g>
          );
        })}
        <text x={left} y={height - 6}>{new Date(t0).toISOString().slice(0, 16).replace('T', ' ')}</text>
        <text x={width - 20} y={height - 6} text-anchor="end">{new Date(t1).toISOString().slice(0, 16).replace('T', ' ')}</text>
      </svg>
    </div>
  );
}

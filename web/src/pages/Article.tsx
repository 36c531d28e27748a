/** Article: a stored document read like Analyse, with its story cluster and near-duplicates. */
import { useEffect, useState } from 'preact/hooks';
import { getDocument, getRelated, listDocuments } from '../endpoints.js';
import type { DocumentRow } from '../api.js';
import { ArticleView } from '../components/ArticleView.js';
import { AsyncView, Empty, ErrorBox, Loading, useAsync } from '../components/Status.js';
import { href } from '../router.js';
import { safeHref } from '../safe.js';
import { day } from '../labels.js';
import { DocHeader } from './Analyse.js';

export function ArticlePage({ docKey }: { docKey: string }) {
  const doc = useAsync((s) => getDocument(docKey, s), `doc:${docKey}`);
  const related = useAsync((s) => getRelated(docKey, s), `rel:${docKey}`);
  return (
    <section class="page article">
      <AsyncView state={doc} what="the article">
        {(a) => (
          <>
            <DocHeader analysis={a} />
            <p class="meta">Stored as <code>{docKey}</code> · <a href={href('search', null, { q: a.document.title ?? '' })}>search for similar</a></p>
            <section class="related" aria-labelledby="rel-h">
              <h2 id="rel-h">Story and copies</h2>
              <AsyncView state={related} what="the story">
                {(r) => (
                  <>
                    {r.story === null ? <Empty>This article is not in a story cluster yet.</Empty> : (
                      <>
                        <p>
                          In story <a href={href('stories', r.story.id)}>#{r.story.id}{r.story.label ? ` “${r.story.label}”` : ''}</a> with {r.story.documents} document{r.story.documents === 1 ? '' : 's'}.
                        </p>
                        <div class="table-wrap">
                          <table class="data">
                            <caption>Other outlets' copies (share of 5-word phrases in common with this one)</caption>
                            <thead><tr><th scope="col">Published</th><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Similarity</th></tr></thead>
                            <tbody>
                              {r.storyDocuments.filter((d) => d.key !== docKey).map((d) => (
                                <tr key={d.key}>
                                  <td>{day(d.published)}</td>
                                  <td>{d.outlet ?? '—'}</td>
                                  <td><a href={href('article', d.key)}>{d.title ?? d.id}</a></td>
                                  <td>{d.similarity === null ? '—' : `${Math.round(d.similarity * 100)}%`}{d.nearDuplicate && <strong class="tag">near-duplicate</strong>}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      </>
                    )}
                    <h3>Near-duplicates elsewhere in the store</h3>
                    {(r.nearDuplicates ?? []).length === 0 ? <Empty>No other stored article shares much of this text.</Empty> : (
                      <div class="table-wrap">
                        <table class="data" data-testid="near-duplicates">
                          <caption>Articles sharing at least 30% of their 5-word phrases with this one</caption>
                          <thead><tr><th scope="col">Published</th><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Similarity</th></tr></thead>
                          <tbody>
                            {(r.nearDuplicates ?? []).map((d) => (
                              <tr key={d.key}>
                                <td>{day(d.published)}</td>
                                <td>{d.outlet ?? '—'}</td>
                                <td><a href={href('article', d.key)}>{d.title ?? d.id}</a></td>
                                <td>{Math.round(d.similarity * 100)}%{d.similarity >= 0.8 && <strong class="tag">near-duplicate</strong>}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  </>
                )}
              </AsyncView>
            </section>
            <ArticleView analysis={a} />
          </>
        )}
      </AsyncView>
    </section>
  );
}

export function DocumentsPage({ query }: { query: URLSearchParams }) {
  const outlet = query.get('outlet') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const filter = { outlet: outlet || undefined, from: from || undefined, to: to || undefined };
  const [pages, setPages] = useState<{ cursor: string | null; rows: DocumentRow[] }[]>([]);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const first = useAsync((s) => listDocuments(filter, s), `docs:${outlet}:${from}:${to}`);
  useEffect(() => setPages([]), [outlet, from, to]);
  const rows = [...(first.data?.items ?? []), ...pages.flatMap((p) => p.rows)];
  const nextCursor = pages.length > 0 ? pages[pages.length - 1]!.cursor : first.data?.nextCursor ?? null;
  const loadMore = async (): Promise<void> => {
    if (!nextCursor) return;
    setMore({ busy: true, error: null });
    try {
      const p = await listDocuments({ ...filter, cursor: nextCursor });
      setPages([...pages, { cursor: p.nextCursor, rows: p.items }]);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: e });
    }
  };
  return (
    <section class="page documents">
      <h1>Stored articles</h1>
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget as HTMLFormElement);
        setPages([]);
        window.location.hash = href('documents', null, { outlet: String(f.get('outlet') ?? '').trim(), from: String(f.get('from') ?? ''), to: String(f.get('to') ?? '') });
      }}>
        <label>Outlet <input name="outlet" defaultValue={outlet} /></label>
        <label>Published from <input type="date" name="from" defaultValue={from} /></label>
        <label>to <input type="date" name="to" defaultValue={to} /></label>
        <button type="submit">Filter</button>
      </form>
      {first.loading ? <Loading what="articles" /> : first.error ? <ErrorBox error={first.error} /> : rows.length === 0 ? (
        <Empty>No articles stored yet. Ingest some with <code>newsgraph ingest</code>, or try <a href={href('analyse')}>Analyse</a>.</Empty>
      ) : (
        <>
          <table class="data">
            <thead><tr><th scope="col">Published</th><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Quotes</th><th scope="col">Events</th><th scope="col">Source</th></tr></thead>
            <tbody>
              {rows.map((d) => {
                const link = safeHref(d.url);
                return (
                  <tr key={d.key}>
                    <td>{day(d.published)}</td>
                    <td>{d.outlet ?? '—'}</td>
                    <td><a href={href('article', d.key)}>{d.title ?? d.id}</a></td>
                    <td class="num">{d.attributions}</td>
                    <td class="num">{d.events}</td>
                    <td>{link ? <a href={link} rel="noopener noreferrer nofollow" target="_blank">{new URL(link).hostname}</a> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {more.error !== null && <ErrorBox error={more.error} />}
          {nextCursor && <button type="button" onClick={loadMore} disabled={more.busy}>{more.busy ? 'Loading…' : 'Load more'}</button>}
        </>
      )}
    </section>
  );
}

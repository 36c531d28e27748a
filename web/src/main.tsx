import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { href, useRoute, type Route } from './router.js';
import { AnalysePage } from './pages/Analyse.js';
import { ArticlePage, DocumentsPage } from './pages/Article.js';
import { ActorPage } from './pages/Actor.js';
import { DyadPage } from './pages/Dyad.js';
import { NetworkPage } from './pages/Network.js';
import { StoriesPage, StoryPage } from './pages/Stories.js';
import { SearchPage } from './pages/Search.js';
import './styles.css';

const NAV: { page: string; label: string }[] = [
  { page: 'analyse', label: 'Analyse' },
  { page: 'documents', label: 'Articles' },
  { page: 'stories', label: 'Stories' },
  { page: 'network', label: 'Network' },
  { page: 'dyad', label: 'Dyad' },
  { page: 'search', label: 'Search' },
];

function Page({ route }: { route: Route }) {
  const [page, arg] = route.path;
  switch (page ?? 'analyse') {
    case 'analyse': return <AnalysePage />;
    case 'documents': return <DocumentsPage query={route.query} />;
    case 'article': return arg ? <ArticlePage docKey={arg} /> : <DocumentsPage query={route.query} />;
    case 'actor': return <ActorPage name={route.query.get('name')} code={route.query.get('code')} />;
    case 'dyad': return <DyadPage query={route.query} />;
    case 'network': return <NetworkPage query={route.query} />;
    case 'stories': return arg ? <StoryPage id={Number(arg)} /> : <StoriesPage />;
    case 'search': return <SearchPage query={route.query} />;
    default: return <section class="page"><h1>Not found</h1><p>There is no page “{page}”. <a href={href('analyse')}>Go to Analyse</a>.</p></section>;
  }
}

function App() {
  const route = useRoute();
  const current = route.path[0] ?? 'analyse';
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new page for keyboard and screen-reader users (not on first load).
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [route.path.join('/')]);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class="site">
        <a class="brand" href={href('analyse')}>newsgraph</a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.page}>
                <a href={href(n.page)} aria-current={current === n.page || (n.page === 'documents' && current === 'article') ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);

/** Hash routing (#/page/arg?query): works from any static path, no server fallback needed. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  path: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const qi = raw.indexOf('?');
  const pathPart = qi >= 0 ? raw.slice(0, qi) : raw;
  const query = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  const path = pathPart.split('/').filter((p) => p !== '').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { path, query };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** A hash link: `href('actor', null, { name: 'Kim' })` -> `#/actor?name=Kim`. */
export function href(page: string, arg?: string | number | null, query?: Record<string, string | number | null | undefined>): string {
  let h = `#/${page}`;
  if (arg !== undefined && arg !== null && arg !== '') h += `/${encodeURIComponent(String(arg))}`;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const s = q.toString();
    if (s) h += `?${s}`;
  }
  return h;
}

export function navigate(h: string): void {
  window.location.hash = h;
}

/** Link to an actor page: by CAMEO code when there is one (groups RUS, RUSGOV ...), else by name. */
export function actorHref(name: string | null, code: string | null): string {
  return href('actor', null, { code: code ?? undefined, name: name ?? undefined });
}

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';

export function Loading({ what }: { what?: string }) {
  return (
    <p class="status loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> Loading{what ? ` ${what}` : ''}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="status empty">{children}</p>;
}

export function ErrorBox({ error }: { error: unknown }) {
  const e = error as Error;
  const status = error instanceof ApiError && error.status > 0 ? ` (HTTP ${error.status}${error.code ? `, ${error.code}` : ''})` : '';
  return (
    <div class="status error" role="alert">
      <strong>Something went wrong{status}:</strong> {e?.message ?? String(error)}
    </div>
  );
}

export interface Async<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/** Run `load` whenever `key` changes; aborts the previous request. */
export function useAsync<T>(load: ((signal: AbortSignal) => Promise<T>) | null, key: string): Async<T> {
  const [state, setState] = useState<Async<T> & { key: string }>({ data: null, error: null, loading: load !== null, key });
  useEffect(() => {
    if (!load) {
      setState({ data: null, error: null, loading: false, key });
      return;
    }
    const ctl = new AbortController();
    setState({ data: null, error: null, loading: true, key });
    load(ctl.signal).then(
      (data) => { if (!ctl.signal.aborted) setState({ data, error: null, loading: false, key }); },
      (error: unknown) => { if (!ctl.signal.aborted) setState({ data: null, error, loading: false, key }); },
    );
    return () => ctl.abort();
  }, [key]);
  // Until the effect for a new key has run, never show the previous key's data.
  if (state.key !== key) return { data: null, error: null, loading: load !== null };
  return state;
}

/** Loading, error or content, in one place. */
export function AsyncView<T>({ state, what, children }: { state: Async<T>; what?: string; children: (data: T) => ComponentChildren }) {
  if (state.loading) return <Loading what={what} />;
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === null) return null;
  return <>{children(state.data)}</>;
}

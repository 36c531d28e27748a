/**
 * The UI's only door to the server: JSON over fetch, same origin. Errors
 * carry the server's message so pages can show it plainly.
 */
import type { Analysis } from '../../src/doc/schema.js';
import type {
  ActorRow, DocumentRow, EventRow, Page, QuoteRow, SearchHit, StoryRow,
} from '../../src/store/query-types.js';

export type { Analysis, ActorRow, DocumentRow, EventRow, Page, QuoteRow, SearchHit, StoryRow };

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

async function readError(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`.trim();
  let code: string | null = null;
  try {
    const body = (await res.json()) as { error?: unknown; message?: unknown; code?: unknown };
    const err = body.error;
    if (typeof err === 'string') message = err;
    else if (err && typeof err === 'object') {
      const e = err as { message?: unknown; code?: unknown };
      if (typeof e.message === 'string') message = e.message;
      if (typeof e.code === 'string') code = e.code;
    } else if (typeof body.message === 'string') message = body.message;
    if (typeof body.code === 'string') code = body.code;
  } catch {
    /* not JSON: keep the status line */
  }
  return new ApiError(res.status, message, code);
}

export async function getJSON<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `could not reach the server (${(e as Error).message})`);
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

export async function postJSON<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `could not reach the server (${(e as Error).message})`);
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

/** Build `path?k=v&...`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/* ---- shapes of the UI routes (src/api/ui-routes.ts) ---- */

export interface ActorRef { key: string; name: string; code: string | null }

export interface BucketPoint {
  bucket: string;
  count: number;
  goldstein: number;
}

export interface ActorSummary {
  query: { name: string | null; code: string | null };
  matches: ActorRow[];
  statementsBy: QuoteRow[];
  statementsAbout: QuoteRow[];
  asSource: EventRow[];
  asTarget: EventRow[];
  timeline: { bucket: string; asSource: number; asTarget: number; quotes: number; goldsteinOut: number; goldsteinIn: number }[];
  truncated: boolean;
}

export interface DyadSummary {
  a: string;
  b: string;
  bucket: 'week' | 'month';
  series: { bucket: string; ab: number; ba: number; goldsteinAB: number; goldsteinBA: number }[];
  quad: { ab: [number, number, number, number]; ba: [number, number, number, number] };
  events: EventRow[];
  total: { ab: number; ba: number };
  truncated: boolean;
}

/** A node is a CAMEO code (else a name); `label` is its commonest name, `otherNames` how many more share the code. */
export interface NetworkNode { id: string; label: string; code: string | null; country: string | null; degree: number; events: number; otherNames?: number }
export interface NetworkEdge { source: string; target: string; quadClass: number; count: number; goldstein: number; codes: string[] }
export interface NetworkData { nodes: NetworkNode[]; edges: NetworkEdge[]; truncated: boolean; events: number }

export interface RelatedDocs {
  story: StoryRow | null;
  storyDocuments: (DocumentRow & { similarity: number | null; nearDuplicate: boolean })[];
  /** Other stored articles sharing at least 30 % of their 5-word shingles with this one (outside its story). */
  nearDuplicates?: (SearchHit & { similarity: number })[];
}

export interface StoryDetail {
  story: StoryRow;
  documents: DocumentRow[];
  first: DocumentRow | null;
}

export interface SearchAll {
  q: string;
  documents: SearchHit[];
  actors: ActorRow[];
  quotes: QuoteRow[];
  events: EventRow[];
}

/** Every server call the UI makes, in one place (routes: docs/api.md and src/api/ui-routes.ts). */
import {
  getJSON, postJSON, withQuery,
  type ActorSummary, type Analysis, type DyadSummary, type NetworkData, type Page, type RelatedDocs,
  type SearchAll, type StoryDetail, type StoryRow, type DocumentRow,
} from './api.js';

/** POST /api/analyze takes exactly one of text, html or url (url alone: fetched by the server); `id` names the document. */
export type AnalyzeInput = { text: string; id?: string } | { html: string; id?: string } | { url: string };

export function analyze(input: AnalyzeInput, signal?: AbortSignal): Promise<Analysis> {
  return postJSON<Analysis>('/api/analyze', input, signal);
}

export function getDocument(key: string, signal?: AbortSignal): Promise<Analysis> {
  return getJSON<Analysis>(`/api/ui/documents/${encodeURIComponent(key)}`, signal);
}

export function getRelated(key: string, signal?: AbortSignal): Promise<RelatedDocs> {
  return getJSON<RelatedDocs>(`/api/ui/documents/${encodeURIComponent(key)}/related`, signal);
}

export function listDocuments(params: { outlet?: string; from?: string; to?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal): Promise<Page<DocumentRow>> {
  return getJSON(withQuery('/api/ui/documents', { ...params, limit: params.limit ?? 50 }), signal);
}

export function getActor(params: { name?: string | null; code?: string | null }, signal?: AbortSignal): Promise<ActorSummary> {
  return getJSON(withQuery('/api/ui/actor', params), signal);
}

export function getDyad(params: { a: string; b: string; bucket: 'week' | 'month' }, signal?: AbortSignal): Promise<DyadSummary> {
  return getJSON(withQuery('/api/ui/dyad', params), signal);
}

export function getNetwork(params: { from?: string; to?: string; code?: string; quadClass?: string; actor?: string; limit?: number }, signal?: AbortSignal): Promise<NetworkData> {
  return getJSON(withQuery('/api/ui/network', params), signal);
}

export function listStories(params: { cursor?: string | null; minDocuments?: number }, signal?: AbortSignal): Promise<Page<StoryRow>> {
  return getJSON(withQuery('/api/ui/stories', { ...params, limit: 50 }), signal);
}

export function getStory(id: number, signal?: AbortSignal): Promise<StoryDetail> {
  return getJSON(`/api/ui/stories/${id}`, signal);
}

export function searchAll(q: string, signal?: AbortSignal): Promise<SearchAll> {
  return getJSON(withQuery('/api/ui/search', { q }), signal);
}

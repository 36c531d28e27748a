/** Whole-table queries for exports: the list queries without paging, and the mapper for their rows. */
import type { StreamFilterTypes, StreamKind, StreamRowTypes } from '../store.js';
import type { ActorFilter, DocumentFilter, EventFilter, QuoteFilter } from '../query-types.js';
import { toActorRow, toDocumentRow, toEventRecordRow, toEventRow, toQuoteRow } from './mappers.js';
import { actorsQuery, documentsQuery, eventRecordsQuery, eventsQuery, quotesQuery, type Dialect, type Query } from './queries.js';

export interface StreamSpec<K extends StreamKind> {
  query: Query;
  map: (row: Record<string, unknown>) => StreamRowTypes[K];
}

export function streamQuery<K extends StreamKind>(d: Dialect, kind: K, filter: StreamFilterTypes[K]): StreamSpec<K> {
  const spec = ((): StreamSpec<StreamKind> => {
    switch (kind) {
      case 'events':
        return { query: eventsQuery(d, filter as EventFilter, null), map: toEventRow };
      case 'eventRecords':
        return { query: eventRecordsQuery(d, filter as EventFilter, null), map: toEventRecordRow };
      case 'quotes':
        return { query: quotesQuery(d, filter as QuoteFilter, null), map: toQuoteRow };
      case 'actors':
        return { query: actorsQuery(d, filter as ActorFilter, null), map: toActorRow };
      case 'documents':
        return { query: documentsQuery(d, filter as DocumentFilter, null), map: toDocumentRow };
    }
    throw new Error(`unknown stream ${String(kind)}`);
  })();
  return spec as StreamSpec<K>;
}

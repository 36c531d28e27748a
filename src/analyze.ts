import { Doc } from './doc/document.js';
import { SCHEMA_VERSION, type Analysis } from './doc/schema.js';
import type { Pipeline } from './pipeline/pipeline.js';
import { contentHash, type RawDocument } from './readers/raw-document.js';
import { VERSION } from './version.js';

export function toDoc(raw: RawDocument): Doc {
  return new Doc(raw.text, {
    id: raw.id,
    title: raw.title,
    url: raw.url,
    published: raw.published,
    source: raw.source,
    format: raw.format,
    encoding: raw.encoding,
    contentHash: contentHash(raw.text),
  });
}

export function toAnalysis(doc: Doc): Analysis {
  const title = doc.has('title') ? doc.get('title') : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: `newsgraph ${VERSION}`,
    // A title found in the text fills in metadata that the input lacked.
    document: { ...doc.meta, title: doc.meta.title ?? title?.text ?? null },
    text: doc.text,
    layers: doc.layers(),
  };
}

/** Run a pipeline over one raw document and return the output contract. */
export function analyzeRaw(pipeline: Pipeline, raw: RawDocument): Analysis {
  return toAnalysis(pipeline.process(toDoc(raw)));
}

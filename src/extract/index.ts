export { extractArticle, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './extract-article.js';
export { decodeHtmlBytes } from './charset.js';
export { formatExtraction, type ExtractionFormat } from './format.js';
export { NewsgraphError } from './errors.js';
export type { ExtractedArticle, ExtractedBlock, BlockKind, BoilerplateItem, BoilerplateKind, ExtractOptions } from './types.js';

/** Duplicates and stories: exact keys, near-duplicate index, story clustering. */
export { canonicalUrl, isTrackingParam, type CanonicalUrlOptions } from './canonical-url.js';
export { bodyHash, ExactDuplicateIndex, type ExactDuplicateResult, type ExactKeys } from './exact-duplicates.js';
export {
  DEFAULT_MINHASH_CONFIG,
  bandKeys,
  estimateSimilarity,
  minHashConfigId,
  signature,
  signatureFromBase64,
  signatureFromBytes,
  signatureToBase64,
  signatureToBytes,
  type MinHashConfig,
} from './minhash.js';
export {
  DEFAULT_NEAR_DUPLICATE_CONFIG,
  NearDuplicateIndex,
  type NearDuplicateConfig,
  type NearDuplicateMatch,
  type NearDuplicateResult,
} from './near-duplicate-index.js';
export {
  DEFAULT_STORY_CLUSTER_CONFIG,
  EVENT_STORY_CLUSTER_CONFIG,
  StoryClusterer,
  type StoryAssignment,
  type StoryClusterConfig,
  type StoryDocument,
} from './story-clusterer.js';
export { Deduplicator, type DedupeDecision, type DedupeExtras, type DeduplicatorOptions } from './deduplicator.js';
export { articleText, comparableText, type ArticleText, type DedupeInput } from './text.js';

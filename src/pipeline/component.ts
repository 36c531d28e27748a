import type { Doc } from '../doc/document.js';
import type { LayerName } from '../doc/schema.js';

/**
 * A pipeline component: it reads the layers it `requires` and writes each
 * layer it `provides`, exactly once. Components hold their loaded resources
 * (word lists, models) and keep no per-document state between calls.
 */
export interface Component {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  process(doc: Doc): void;
}

import { NewsgraphError } from '../util/errors.js';
import { normalizeForAnalysis } from './normalize.js';
import type { DocumentMeta, LayerName, Layers, Span } from './schema.js';

/**
 * One document: the original text (never changed), a same-length analysis
 * view, metadata, and annotation layers. Each layer is written exactly once,
 * by the component that provides it.
 */
export class Doc {
  readonly text: string;
  /** Same length as `text`; see normalizeForAnalysis. */
  readonly norm: string;
  readonly meta: DocumentMeta;
  private readonly layerData: Layers = {};

  constructor(text: string, meta: DocumentMeta) {
    this.text = text;
    this.norm = normalizeForAnalysis(text);
    this.meta = meta;
  }

  has(name: LayerName): boolean {
    return this.layerData[name] !== undefined;
  }

  get<K extends LayerName>(name: K): NonNullable<Layers[K]> | (Layers[K] & null) {
    const value = this.layerData[name];
    if (value === undefined) {
      throw new NewsgraphError('pipeline-order', `layer "${name}" has not been computed for document ${this.meta.id}`);
    }
    return value as NonNullable<Layers[K]>;
  }

  set<K extends LayerName>(name: K, value: NonNullable<Layers[K]> | null): void {
    if (this.layerData[name] !== undefined) {
      throw new NewsgraphError('pipeline-order', `layer "${name}" was already set for document ${this.meta.id}`);
    }
    this.layerData[name] = value as Layers[K];
  }

  /** A span over the original text, with its text filled in. */
  span(start: number, end: number): Span {
    if (start < 0 || end > this.text.length || start > end) {
      throw new RangeError(`span ${start}-${end} outside document of length ${this.text.length}`);
    }
    return { start, end, text: this.text.slice(start, end) };
  }

  layers(): Layers {
    return { ...this.layerData };
  }
}

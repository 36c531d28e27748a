import type { Doc } from '../doc/document.js';
import type { LayerName } from '../doc/schema.js';
import { NewsgraphError } from '../util/errors.js';
import type { Component } from './component.js';

/**
 * An ordered list of components, checked when it is built: every layer a
 * component requires must be provided by an earlier one, and no layer may be
 * provided twice. A wrong order fails here, before any document is read.
 */
export class Pipeline {
  readonly components: readonly Component[];

  constructor(components: readonly Component[]) {
    const providedBy = new Map<LayerName, string>();
    for (const component of components) {
      for (const layer of component.requires) {
        if (!providedBy.has(layer)) {
          const later = components.find((c) => c.provides.includes(layer));
          const hint = later
            ? ` ("${later.name}" provides it but comes later: move it before "${component.name}")`
            : ' (no component in this pipeline provides it)';
          throw new NewsgraphError(
            'pipeline-order',
            `pipeline order: "${component.name}" requires layer "${layer}" which is not provided before it${hint}`,
          );
        }
      }
      for (const layer of component.provides) {
        const earlier = providedBy.get(layer);
        if (earlier !== undefined) {
          throw new NewsgraphError(
            'pipeline-order',
            `pipeline order: layer "${layer}" is provided by both "${earlier}" and "${component.name}"`,
          );
        }
        providedBy.set(layer, component.name);
      }
    }
    this.components = components;
  }

  get provides(): LayerName[] {
    return this.components.flatMap((c) => [...c.provides]);
  }

  process(doc: Doc): Doc {
    for (const component of this.components) component.process(doc);
    return doc;
  }
}

/**
 * A stand-in for the entity component: sets the `mentions` and `actors`
 * layers from a function (empty by default). Used by the attribution eval
 * when no entity model is available, and by tests that build entity layers
 * by hand instead of depending on models.
 */
import type { Doc } from '../doc/document.js';
import type { Actor, Mention } from '../doc/schema.js';
import type { Component } from '../pipeline/component.js';

export interface EntityLayers {
  mentions: Mention[];
  actors: Actor[];
}

export class FixedEntities implements Component {
  readonly name = 'fixed-entities';
  readonly requires = ['tokens'] as const;
  readonly provides = ['mentions', 'actors'] as const;

  constructor(private readonly build: (doc: Doc) => EntityLayers = () => ({ mentions: [], actors: [] })) {}

  process(doc: Doc): void {
    const { mentions, actors } = this.build(doc);
    doc.set('mentions', mentions);
    doc.set('actors', actors);
  }
}

/**
 * The composition root: the one place where components are chosen and put
 * in order. Everything else receives a Pipeline.
 */
import { Cleaner } from '../clean/cleaner.js';
import { Segmenter } from '../segment/segmenter.js';
import { Pipeline } from './pipeline.js';

export type PresetName = 'default' | 'clean';

export function buildPipeline(preset: PresetName = 'default'): Pipeline {
  switch (preset) {
    case 'clean':
      return new Pipeline([new Cleaner()]);
    case 'default':
      return new Pipeline([new Cleaner(), new Segmenter()]);
  }
}

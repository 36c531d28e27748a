import { analysisSchema, type Analysis } from '../doc/schema.js';
import { NewsgraphError } from '../util/errors.js';

/** A stored analysis back to the output contract (the text is stored apart from the JSON). */
export function parseStoredAnalysis(json: string, text: string, what: string): Analysis {
  let value: unknown;
  try {
    value = { ...(JSON.parse(json) as object), text };
  } catch {
    throw new NewsgraphError('corrupt-store', `stored analysis for ${what} is not JSON`);
  }
  const parsed = analysisSchema.safeParse(value);
  if (!parsed.success) throw new NewsgraphError('corrupt-store', `stored analysis for ${what} does not match the output schema`);
  return parsed.data;
}

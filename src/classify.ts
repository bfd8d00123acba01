/** PLACEHOLDER: the real decider is being written; this stub keeps the contract. */
import type { Classification, ClassifyOptions } from './types.js';
export function classify(input: string, options: ClassifyOptions = {}): Classification {
  return {
    input, expression: input, variable: options.var ?? 'n', from: options.from ?? 0, parameters: [],
    term: options.term ?? false, verdict: 'unknown',
    cases: [{ condition: 'true', verdict: 'unknown', extrapolation: 'unknown', tests: [], reason: 'not implemented yet' }],
  };
}

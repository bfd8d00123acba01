/**
 * Display names of the named tests, and the order in which decisive tests are
 * written out as proofs (the most illuminating first).
 *
 * Owns: names and preference only.
 */
import type { TestName } from '../types.js';

export const TEST_TITLES: Record<TestName, string> = {
  'nth-term': 'nth-term test',
  'trigonometric-nonvanishing': 'non-vanishing trigonometric factor',
  'logarithmic-scale-comparison': 'comparison on the logarithmic scale',
  'bounded-perturbation': 'bounded-perturbation lemma',
  'absolute-comparison': 'absolute comparison',
  'eventually-zero': 'eventually zero terms',
  ratio: 'ratio test',
  root: 'root test',
  raabe: "Raabe's test",
  integral: 'integral test',
  'cauchy-condensation': 'Cauchy condensation',
  'limit-comparison': 'limit comparison',
  'direct-comparison': 'direct comparison',
};

export const PROOF_PREFERENCE: Record<'converges' | 'diverges', readonly TestName[]> = {
  converges: ['limit-comparison', 'integral', 'direct-comparison', 'cauchy-condensation', 'raabe', 'ratio', 'root', 'absolute-comparison', 'bounded-perturbation', 'logarithmic-scale-comparison', 'eventually-zero'],
  diverges: ['nth-term', 'trigonometric-nonvanishing', 'limit-comparison', 'integral', 'direct-comparison', 'cauchy-condensation', 'raabe', 'ratio', 'root', 'bounded-perturbation', 'logarithmic-scale-comparison'],
};

/**
 * The Lanczos approximation's table (g = 7, 9 coefficients, about 1e-15 relative),
 * the one copy that every float Γ and log Γ of the project reads.
 *
 * Owns: the coefficients only; each caller keeps its own formula around them.
 */
export const LANCZOS_G = 7;

export const LANCZOS: readonly number[] = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

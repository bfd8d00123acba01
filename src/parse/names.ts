/**
 * Names of the input language: the function whitelist, the constants, the
 * reserved words, the rule for parameter names, and the Greek-letter mapping
 * (Unicode letter -> ASCII name -> LaTeX macro).
 *
 * Owns: every decision about what an identifier means before it becomes an Expr.
 */

/** Functions the user may call, with their accepted argument counts. */
export const FUNCTION_ARITY: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  log: { min: 1, max: 2 },
  ln: { min: 1, max: 1 },
  log2: { min: 1, max: 1 },
  log10: { min: 1, max: 1 },
  exp: { min: 1, max: 1 },
  sqrt: { min: 1, max: 1 },
  cbrt: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
  sign: { min: 1, max: 1 },
  floor: { min: 1, max: 1 },
  ceil: { min: 1, max: 1 },
  min: { min: 2, max: Infinity },
  max: { min: 2, max: Infinity },
  sin: { min: 1, max: 1 },
  cos: { min: 1, max: 1 },
  tan: { min: 1, max: 1 },
  atan: { min: 1, max: 1 },
  tanh: { min: 1, max: 1 },
  cosh: { min: 1, max: 1 },
  sinh: { min: 1, max: 1 },
  factorial: { min: 1, max: 1 },
  gamma: { min: 1, max: 1 },
  sum: { min: 4, max: 4 },
};

/** Names that denote constants: `pi`/`PI` is π and `e`/`E` is Euler's number (as in mathjs). */
export const CONSTANT_NAMES: Readonly<Record<string, 'pi' | 'e'>> = { pi: 'pi', PI: 'pi', e: 'e', E: 'e' };

/** Words mathjs reads as operators or literals; rejected as names. */
export const MATHJS_KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'xor', 'mod', 'to', 'in',
  'true', 'false', 'null', 'undefined', 'NaN', 'Infinity',
]);

/** Names that would be dangerous as keys of plain objects (parameter records). */
const OBJECT_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['prototype']));

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export function isFunctionName(name: string): boolean {
  return Object.hasOwn(FUNCTION_ARITY, name);
}

export function isConstantName(name: string): boolean {
  return Object.hasOwn(CONSTANT_NAMES, name);
}

/** Why `name` cannot be a variable, parameter or sum index; undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (!NAME_PATTERN.test(name)) return `"${name}" is not a valid name (use a letter followed by letters, digits or _)`;
  if (isFunctionName(name)) return `"${name}" is a function; call it as ${name}(…)`;
  if (isConstantName(name)) return `"${name}" is a constant`;
  if (MATHJS_KEYWORDS.has(name)) return `"${name}" is a reserved word`;
  if (OBJECT_KEYS.has(name)) return `"${name}" is a reserved name`;
  return undefined;
}

/**
 * Greek letters -> ASCII names. γ maps to `gam` because `gamma` is the Γ function;
 * capital Γ maps to `gamma` (the function, as in Γ(n+1) = n!). π maps to the constant `pi`.
 */
export const GREEK_TO_ASCII: Readonly<Record<string, string>> = {
  'α': 'alpha', 'β': 'beta', 'γ': 'gam', 'δ': 'delta', 'ε': 'epsilon', 'ϵ': 'epsilon', 'ζ': 'zeta',
  'η': 'eta', 'θ': 'theta', 'ϑ': 'theta', 'ι': 'iota', 'κ': 'kappa', 'λ': 'lambda', 'μ': 'mu', 'µ': 'mu',
  'ν': 'nu', 'ξ': 'xi', 'ο': 'omicron', 'π': 'pi', 'ρ': 'rho', 'ϱ': 'rho', 'σ': 'sigma', 'ς': 'sigma',
  'τ': 'tau', 'υ': 'upsilon', 'φ': 'phi', 'ϕ': 'phi', 'χ': 'chi', 'ψ': 'psi', 'ω': 'omega',
  'Α': 'Alpha', 'Β': 'Beta', 'Γ': 'gamma', 'Δ': 'Delta', 'Ε': 'Epsilon', 'Ζ': 'Zeta', 'Η': 'Eta',
  'Θ': 'Theta', 'Ι': 'Iota', 'Κ': 'Kappa', 'Λ': 'Lambda', 'Μ': 'Mu', 'Ν': 'Nu', 'Ξ': 'Xi',
  'Ο': 'Omicron', 'Π': 'Pi', 'Ρ': 'Rho', 'Σ': 'Sigma', 'Τ': 'Tau', 'Υ': 'Upsilon', 'Φ': 'Phi',
  'Χ': 'Chi', 'Ψ': 'Psi', 'Ω': 'Omega',
};

/** ASCII names printed as Greek in LaTeX. */
const TEX_GREEK: Readonly<Record<string, string>> = {
  alpha: '\\alpha', beta: '\\beta', gam: '\\gamma', delta: '\\delta', epsilon: '\\epsilon', zeta: '\\zeta',
  eta: '\\eta', theta: '\\theta', iota: '\\iota', kappa: '\\kappa', lambda: '\\lambda', mu: '\\mu',
  nu: '\\nu', xi: '\\xi', omicron: 'o', rho: '\\rho', sigma: '\\sigma', tau: '\\tau',
  upsilon: '\\upsilon', phi: '\\phi', chi: '\\chi', psi: '\\psi', omega: '\\omega',
  Alpha: '\\mathrm{A}', Beta: '\\mathrm{B}', Gamma: '\\Gamma', Delta: '\\Delta', Epsilon: '\\mathrm{E}',
  Zeta: '\\mathrm{Z}', Eta: '\\mathrm{H}', Theta: '\\Theta', Iota: '\\mathrm{I}', Kappa: '\\mathrm{K}',
  Lambda: '\\Lambda', Mu: '\\mathrm{M}', Nu: '\\mathrm{N}', Xi: '\\Xi', Omicron: '\\mathrm{O}',
  Pi: '\\Pi', Rho: '\\mathrm{P}', Sigma: '\\Sigma', Tau: '\\mathrm{T}', Upsilon: '\\Upsilon',
  Phi: '\\Phi', Chi: '\\mathrm{X}', Psi: '\\Psi', Omega: '\\Omega',
};

function texBase(base: string): string {
  if (Object.hasOwn(TEX_GREEK, base)) return TEX_GREEK[base]!;
  if (base.length === 1) return base;
  return `\\mathrm{${base}}`;
}

/**
 * LaTeX for a variable/parameter/index name: `lambda_h` -> `\lambda_{h}`,
 * `r1` -> `r_{1}`, `gam` -> `\gamma`, `slope` -> `\mathrm{slope}`.
 */
export function nameToTex(name: string): string {
  const us = name.indexOf('_');
  if (us > 0 && us < name.length - 1) {
    const sub = name.slice(us + 1);
    return `${texBase(name.slice(0, us))}_{${/^[A-Za-z]+$/.test(sub) ? texBase(sub) : sub.replace(/_/g, '\\_')}}`;
  }
  const m = /^([A-Za-z]+?)(\d+)$/.exec(name);
  if (m) return `${texBase(m[1]!)}_{${m[2]}}`;
  return texBase(name.replace(/_/g, '\\_'));
}

/**
 * Sharable URLs: the formula, the assumptions, ε and the parameter values in the
 * fragment, `#expr=<encodeURIComponent(formula)>&assume=…&eps=…&from=…&m=1.5`. The
 * fragment never reaches a server. A parameter whose name is one of the reserved
 * keys is written `param.<name>`.
 *
 * Owns: the fragment's format, both ways.
 */
export interface PlaygroundState {
  readonly formula: string;
  readonly assume: string;
  readonly eps: string;
  /** first index of the sum */
  readonly from: string;
  readonly values: Readonly<Record<string, string>>;
}

export const DEFAULT_EPS = '0.01';
export const DEFAULT_FROM = '0';
const RESERVED = new Set(['expr', 'assume', 'eps', 'from']);

const pair = (k: string, v: string): string => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;

export function encodeFragment(s: PlaygroundState): string {
  const parts = [pair('expr', s.formula)];
  if (s.assume.trim() !== '') parts.push(pair('assume', s.assume));
  if (s.eps.trim() !== DEFAULT_EPS) parts.push(pair('eps', s.eps));
  if (s.from.trim() !== DEFAULT_FROM) parts.push(pair('from', s.from));
  for (const [name, value] of Object.entries(s.values)) parts.push(pair(RESERVED.has(name) ? `param.${name}` : name, value));
  return `#${parts.join('&')}`;
}

/** The state in a fragment ("#…" or "…"), or null when it holds no formula. Malformed escapes are kept as typed. */
export function decodeFragment(hash: string): PlaygroundState | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  let formula: string | null = null, assume = '', eps = DEFAULT_EPS, from = DEFAULT_FROM;
  const values: Record<string, string> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (key === 'expr') formula = value;
    else if (key === 'assume') assume = value;
    else if (key === 'eps') eps = value;
    else if (key === 'from') from = value;
    else if (key.startsWith('param.')) values[key.slice(6)] = value;
    else if (key !== '' && key !== '__proto__') values[key] = value;
  }
  return formula === null ? null : { formula, assume, eps, from, values };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

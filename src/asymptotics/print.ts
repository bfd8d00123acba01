/**
 * Human-readable forms of expansions, in plain text and LaTeX, for test records
 * and proofs: "2·log n + O(1/n)", "2 \log n + O\!\left(\frac{1}{n}\right)".
 */
import { Coef } from '../conditions/coef.js';
import type { Mono } from './scale.js';
import type { Series } from './series.js';

const TEXT_NAMES = ['n', 'log n', 'log log n', 'log₃ n', 'log₄ n'];
const TEX_NAMES = ['n', '\\log n', '\\log\\log n', '\\log_3 n', '\\log_4 n'];

function factorText(i: number, p: Coef, tex: boolean): string {
  const name = (tex ? TEX_NAMES : TEXT_NAMES)[i]!;
  const f = p.asFraction();
  if (f !== null && f.equals(1)) return name;
  const e = tex ? p.toTex() : p.toString();
  const base = i === 0 ? name : tex ? `\\left(${name}\\right)` : `(${name})`;
  return tex ? `${base}^{${e}}` : `${base}^${f !== null && f.d === 1n ? e : `(${e})`}`;
}

export function monoToString(m: Mono, tex = false, withCoef = true): string {
  const parts: string[] = [];
  m.pw.forEach((p, i) => { if (!p.isZero()) parts.push(factorText(i, p, tex)); });
  if (m.ex) parts.push(tex ? `e^{${seriesToString(m.ex, true)}}` : `exp(${seriesToString(m.ex)})`);
  const body = parts.join(tex ? ' ' : '·');
  if (!withCoef) return body || '1';
  const c = m.c;
  const single = c.monomial();
  if (single && single.c.compare(0) < 0) return `-${monoToString({ ...m, c: c.neg() }, tex, true)}`;
  const f = c.asFraction();
  if (!body) return tex ? c.toTex() : c.toString();
  if (f !== null && f.equals(1)) return body;
  if (f !== null && f.equals(-1)) return `-${body}`;
  const cs = tex ? c.toTex() : c.toString();
  const wrapped = c.terms.size > 1 || (!tex && /[/*]/.test(cs)) ? `(${cs})` : cs;
  return tex ? `${wrapped}\\,${body}` : `${wrapped}·${body}`;
}

export function seriesToString(s: Series, tex = false): string {
  const parts = s.terms.map((t) => monoToString(t, tex));
  if (s.err) {
    const inner = monoToString(s.err, tex, false);
    parts.push(tex ? `O\\!\\left(${inner}\\right)` : `O(${inner})`);
  }
  if (parts.length === 0) return '0';
  return parts.reduce((acc, p) => (p.startsWith('-') ? `${acc} - ${p.slice(1)}` : `${acc} + ${p}`));
}

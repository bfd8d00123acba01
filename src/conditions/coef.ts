/**
 * Symbolic coefficients in the parameters: exact Laurent polynomials with rational
 * coefficients over atoms. An atom is a parameter (m, r1), a constant (π, e) or an
 * opaque transcendental term (log 5, exp(m), r2^r1, sin 1).
 *
 * Owns: the canonical form (so that m·L − m·L cancels exactly), arithmetic,
 * interval evaluation, and printing in mathjs syntax and LaTeX.
 */
import Fraction from 'fraction.js';
import * as I from './interval.js';

export type AtomFn = 'log' | 'exp' | 'sin' | 'cos' | 'atan' | 'tanh' | 'sinh' | 'cosh' | 'tan' | 'gamma' | 'floor' | 'ceil' | 'abs' | 'sign';

export type Atom =
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'const'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'fn'; readonly fn: AtomFn; readonly arg: Coef }
  | { readonly kind: 'pow'; readonly base: Coef; readonly exp: Coef };

interface Term {
  readonly c: Fraction;
  /** atom keys with integer exponents, sorted by key */
  readonly powers: readonly (readonly [string, number])[];
}

const atoms = new Map<string, Atom>();

/** Bounds on symbolic work, so that (a0 + … + a30)^8 cannot hang the decider. */
export const MAX_COEF_TERMS = 512;
const MAX_PRODUCT_TERMS = 8192;

/** A coefficient grew past the work bounds; the caller answers `unknown`. */
export class WorkLimitError extends Error {}
const ZERO_F = new Fraction(0);
const ONE_F = new Fraction(1);

function atomKey(a: Atom): string {
  switch (a.kind) {
    case 'param': return a.name;
    case 'const': return `#${a.name}`;
    case 'fn': return `${a.fn}(${a.arg.key})`;
    case 'pow': return `(${a.base.key})^(${a.exp.key})`;
  }
}

const monoKey = (powers: readonly (readonly [string, number])[]): string =>
  powers.map(([k, e]) => (e === 1 ? k : `${k}^${e}`)).join('*');

export class Coef {
  private cachedKey: string | undefined;
  private constructor(readonly terms: ReadonlyMap<string, Term>) {}

  /** canonical text: equal keys mean equal coefficients */
  get key(): string {
    if (this.cachedKey === undefined) {
      const keys = [...this.terms.keys()].sort();
      this.cachedKey = keys.map((k) => `${this.terms.get(k)!.c.toFraction()}${k ? '·' + k : ''}`).join(' + ') || '0';
    }
    return this.cachedKey;
  }

  static of(v: Fraction | number | string): Coef {
    const f = v instanceof Fraction ? v : new Fraction(v as number);
    return Coef.fromTerms([{ c: f, powers: [] }]);
  }
  static atom(a: Atom): Coef {
    const k = atomKey(a);
    if (!atoms.has(k)) atoms.set(k, a);
    return Coef.fromTerms([{ c: ONE_F, powers: [[k, 1]] }]);
  }
  static param(name: string): Coef { return Coef.atom({ kind: 'param', name }); }

  private static fromTerms(list: Iterable<Term>): Coef {
    const m = new Map<string, Term>();
    for (const t of list) {
      if (m.size > MAX_COEF_TERMS) throw new WorkLimitError(`a symbolic coefficient has more than ${MAX_COEF_TERMS} terms`);
      if (t.c.equals(0)) continue;
      const k = monoKey(t.powers);
      const prev = m.get(k);
      const c = prev ? prev.c.add(t.c) : t.c;
      if (c.equals(0)) m.delete(k); else m.set(k, { c, powers: t.powers });
    }
    return new Coef(m);
  }

  isZero(): boolean { return this.terms.size === 0; }
  /** the rational value when the coefficient is a number */
  asFraction(): Fraction | null {
    if (this.terms.size === 0) return ZERO_F;
    if (this.terms.size === 1) {
      const t = this.terms.get('');
      if (t) return t.c;
    }
    return null;
  }
  isOne(): boolean { const f = this.asFraction(); return f !== null && f.equals(1); }
  equals(o: Coef): boolean { return this.key === o.key; }
  /** parameter names occurring anywhere (inside opaque atoms too) */
  parameters(): Set<string> {
    const out = new Set<string>();
    for (const t of this.terms.values()) for (const [k] of t.powers) collectParams(atoms.get(k)!, out);
    return out;
  }

  add(o: Coef): Coef { return Coef.fromTerms([...this.terms.values(), ...o.terms.values()]); }
  neg(): Coef { return Coef.fromTerms([...this.terms.values()].map((t) => ({ c: t.c.neg(), powers: t.powers }))); }
  sub(o: Coef): Coef { return this.add(o.neg()); }
  scale(f: Fraction): Coef { return Coef.fromTerms([...this.terms.values()].map((t) => ({ c: t.c.mul(f), powers: t.powers }))); }
  mul(o: Coef): Coef {
    if (this.terms.size * o.terms.size > MAX_PRODUCT_TERMS) throw new WorkLimitError('a product of symbolic coefficients is too large');
    const out: Term[] = [];
    for (const a of this.terms.values()) for (const b of o.terms.values()) out.push({ c: a.c.mul(b.c), powers: mergePowers(a.powers, b.powers, 1) });
    return Coef.fromTerms(out);
  }
  /** multiplicative inverse; a non-monomial becomes an opaque power atom */
  inv(): Coef {
    if (this.terms.size === 1) {
      const t = [...this.terms.values()][0]!;
      return Coef.fromTerms([{ c: t.c.inverse(), powers: t.powers.map(([k, e]) => [k, -e] as const) }]);
    }
    return Coef.atom({ kind: 'pow', base: this, exp: Coef.of(-1) });
  }
  div(o: Coef): Coef { return this.mul(o.inv()); }
  powInt(k: number): Coef {
    if (k < 0) return this.inv().powInt(-k);
    let r = Coef.of(1);
    for (let i = 0; i < k; i++) r = r.mul(this);
    return r;
  }
  /** this^e for a rational or symbolic exponent; exact when possible */
  pow(e: Coef): Coef {
    const f = e.asFraction();
    if (f !== null && f.d === 1n && Math.abs(Number(f.n)) <= 8) return this.powInt(Number(f.s * f.n));
    const base = this.asFraction();
    if (base !== null && f !== null && base.compare(0) > 0) {
      const exact = rationalRoot(base, f);
      if (exact) return Coef.of(exact);
    }
    if (this.isOne()) return this;
    return Coef.atom({ kind: 'pow', base: this, exp: e });
  }

  /** Interval enclosure, given enclosures of the parameters. */
  enclose(param: (name: string) => I.Interval): I.Interval {
    let sum: I.Interval = I.point(ZERO_F);
    for (const t of this.terms.values()) {
      let prod: I.Interval = I.point(t.c);
      for (const [k, e] of t.powers) prod = I.mul(prod, I.powInt(encloseAtom(atoms.get(k)!, param), e));
      sum = I.add(sum, prod);
    }
    return sum;
  }

  /** If this is a·p + b for a single parameter p (a, b rational, a ≠ 0), return them. */
  linearIn(): { name: string; a: Fraction; b: Fraction } | null {
    let name: string | null = null, a: Fraction | null = null, b = ZERO_F;
    for (const t of this.terms.values()) {
      if (t.powers.length === 0) { b = t.c; continue; }
      if (t.powers.length !== 1 || t.powers[0]![1] !== 1) return null;
      const at = atoms.get(t.powers[0]![0])!;
      if (at.kind !== 'param' || name !== null) return null;
      name = at.name; a = t.c;
    }
    return name && a ? { name, a, b } : null;
  }

  /**
   * Factor out the parameter-free atoms common to every term, c = k·rest, so that
   * log(2)·m − log(2) reads as log(2)·(m − 1) and splits at the exact threshold m = 1.
   */
  constantFactor(): { factor: Coef; rest: Coef } | null {
    let common: Map<string, number> | null = null;
    for (const t of this.terms.values()) {
      const here = new Map(t.powers.filter(([k]) => atoms.get(k)!.kind !== 'param' && paramFree(atoms.get(k)!)).map(([k, e]) => [k, e] as [string, number]));
      if (common === null) { common = here; continue; }
      for (const [k, e] of common) {
        const f = here.get(k);
        if (f === undefined || Math.sign(f) !== Math.sign(e)) common.delete(k);
        else common.set(k, Math.sign(e) * Math.min(Math.abs(e), Math.abs(f)));
      }
    }
    if (!common || common.size === 0 || this.terms.size < 2) return null;
    const powers = [...common.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) as (readonly [string, number])[];
    const factor = Coef.fromTerms([{ c: ONE_F, powers }]);
    const rest = Coef.fromTerms([...this.terms.values()].map((t) => ({ c: t.c, powers: mergePowers(t.powers, powers, -1) })));
    return { factor, rest };
  }

  /** If this is a single term c·Π atom^e, return it (for sign factoring). */
  monomial(): { c: Fraction; factors: { atom: Coef; exp: number }[] } | null {
    if (this.terms.size !== 1) return null;
    const t = [...this.terms.values()][0]!;
    return { c: t.c, factors: t.powers.map(([k, e]) => ({ atom: Coef.atom(atoms.get(k)!), exp: e })) };
  }
  /** the atom itself, when this coefficient is exactly one atom */
  asAtom(): Atom | null {
    const m = this.monomial();
    return m && m.c.equals(1) && m.factors.length === 1 && m.factors[0]!.exp === 1 ? atoms.get(m.factors[0]!.atom.singleKey())! : null;
  }
  private singleKey(): string { return [...this.terms.values()][0]!.powers[0]![0]; }

  substitute(values: ReadonlyMap<string, Fraction>): Coef {
    if (values.size === 0) return this;
    let out = Coef.of(0);
    for (const t of this.terms.values()) {
      let prod = Coef.of(t.c);
      for (const [k, e] of t.powers) prod = prod.mul(substituteAtom(atoms.get(k)!, values).powInt(e));
      out = out.add(prod);
    }
    return out;
  }

  toString(): string { return render(this, 'ascii'); }
  toTex(): string { return render(this, 'tex'); }
}

function mergePowers(a: readonly (readonly [string, number])[], b: readonly (readonly [string, number])[], sign: number): (readonly [string, number])[] {
  const m = new Map<string, number>(a.map(([k, e]) => [k, e]));
  for (const [k, e] of b) m.set(k, (m.get(k) ?? 0) + sign * e);
  return [...m.entries()].filter(([, e]) => e !== 0).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

function paramFree(a: Atom): boolean {
  const out = new Set<string>();
  collectParams(a, out);
  return out.size === 0;
}

function collectParams(a: Atom, out: Set<string>): void {
  if (a.kind === 'param') out.add(a.name);
  else if (a.kind === 'fn') for (const p of a.arg.parameters()) out.add(p);
  else if (a.kind === 'pow') { for (const p of a.base.parameters()) out.add(p); for (const p of a.exp.parameters()) out.add(p); }
}

/** exact (p/q)^(r/s) when it is rational */
function rationalRoot(base: Fraction, e: Fraction): Fraction | null {
  const root = (x: bigint, k: bigint): bigint | null => {
    if (x < 0n) return null;
    const guess = BigInt(Math.round(Math.pow(Number(x), 1 / Number(k))));
    for (const g of [guess - 1n, guess, guess + 1n]) if (g >= 0n && g ** k === x) return g;
    return null;
  };
  if (e.d > 64n || e.n > 64n) return null;
  const rn = root(base.n, e.d), rd = root(base.d, e.d);
  if (rn === null || rd === null) return null;
  const p = new Fraction(rn, rd);
  const k = Number(e.n);
  let r = new Fraction(1);
  for (let i = 0; i < k; i++) r = r.mul(p);
  return e.s < 0n ? r.inverse() : r;
}

function substituteAtom(a: Atom, values: ReadonlyMap<string, Fraction>): Coef {
  switch (a.kind) {
    case 'param': { const v = values.get(a.name); return v ? Coef.of(v) : Coef.atom(a); }
    case 'const': return Coef.atom(a);
    case 'fn': return applyFn(a.fn, a.arg.substitute(values));
    case 'pow': return a.base.substitute(values).pow(a.exp.substitute(values));
  }
}

/** Build fn(arg), simplifying the exact cases (log 1 = 0, exp 0 = 1, exp(log x) = x, log(exp x) = x). */
export function applyFn(fn: AtomFn, arg: Coef): Coef {
  const f = arg.asFraction();
  const at = arg.asAtom();
  if (fn === 'log') {
    if (f !== null && f.equals(1)) return Coef.of(0);
    if (at && at.kind === 'fn' && at.fn === 'exp') return at.arg;
    if (at && at.kind === 'const' && at.name === 'e') return Coef.of(1);
    if (f !== null && f.d === 1n && f.n > 1n && f.n < 1000000n) return logOfInteger(f.n);
    if (f !== null && f.compare(0) > 0 && f.d !== 1n) return applyFn('log', Coef.of(new Fraction(f.n))).sub(applyFn('log', Coef.of(new Fraction(f.d))));
  }
  if (fn === 'exp') {
    if (arg.isZero()) return Coef.of(1);
    if (at && at.kind === 'fn' && at.fn === 'log') return at.arg;
  }
  if ((fn === 'sin' || fn === 'tan' || fn === 'atan' || fn === 'tanh' || fn === 'sinh') && arg.isZero()) return Coef.of(0);
  if ((fn === 'cos' || fn === 'cosh') && arg.isZero()) return Coef.of(1);
  if (f !== null && (fn === 'abs')) return Coef.of(f.abs());
  if (f !== null && (fn === 'floor')) return Coef.of(f.floor());
  if (f !== null && (fn === 'ceil')) return Coef.of(f.ceil());
  if (f !== null && (fn === 'sign')) return Coef.of(f.s === 0n || f.n === 0n ? 0 : Number(f.s));
  return Coef.atom({ kind: 'fn', fn, arg });
}

/** log of a positive integer as a combination of logs of primes, so log 4 − 2·log 2 cancels. */
function logOfInteger(n: bigint): Coef {
  let out = Coef.of(0);
  let m = n;
  for (let p = 2n; p * p <= m; p++) {
    let e = 0;
    while (m % p === 0n) { m /= p; e++; }
    if (e) out = out.add(Coef.atom({ kind: 'fn', fn: 'log', arg: Coef.of(new Fraction(p)) }).scale(new Fraction(e)));
  }
  if (m > 1n) out = out.add(Coef.atom({ kind: 'fn', fn: 'log', arg: Coef.of(new Fraction(m)) }));
  return out;
}

function encloseAtom(a: Atom, param: (name: string) => I.Interval): I.Interval {
  switch (a.kind) {
    case 'param': return param(a.name);
    case 'const': return a.name === 'pi' ? I.fromFloat(Math.PI, Math.PI) : I.fromFloat(Math.E, Math.E);
    case 'pow': {
      const b = a.base.enclose(param), e = a.exp.enclose(param);
      const ef = I.isPoint(e);
      if (ef && ef.d === 1n) return I.powInt(b, Number(ef.s * ef.n));
      const [bl, bh] = I.toFloats(b), [el, eh] = I.toFloats(e);
      if (!(bl > 0)) return I.REALS;
      const positive = I.make(new Fraction(0), true, null, true);
      if (!Number.isFinite(el) || !Number.isFinite(eh) || !Number.isFinite(bh)) return positive;
      const c = [bl ** el, bl ** eh, bh ** el, bh ** eh].filter((v) => !Number.isNaN(v));
      const lo = Math.min(...c), hi = Math.max(...c);
      return I.intersect(I.fromFloat(lo, hi), I.make(new Fraction(0), true, null, true));
    }
    case 'fn': {
      const x = a.arg.enclose(param);
      const [l, h] = I.toFloats(x);
      switch (a.fn) {
        case 'log': return l > 0 ? I.monotone(x, Math.log, true, -Infinity, Infinity) : I.REALS;
        case 'exp': {
          const r = I.monotone(x, Math.exp, true, 0, Infinity);
          return I.intersect(r, I.make(new Fraction(0), true, null, true));
        }
        case 'atan': return I.monotone(x, Math.atan, true, -Math.PI / 2, Math.PI / 2);
        case 'tanh': return I.monotone(x, Math.tanh, true, -1, 1);
        case 'sinh': return I.monotone(x, Math.sinh, true, -Infinity, Infinity);
        case 'sin': case 'cos': {
          if (l === h && Number.isFinite(l)) { const v = Math[a.fn](l); return I.fromFloat(v, v, 1e-12); }
          return I.fromFloat(-1, 1, 0);
        }
        case 'gamma': {
          if (l === h && l > 0) { const v = gammaFloat(l); return I.fromFloat(v, v, 1e-10); }
          return I.REALS;
        }
        default: return I.REALS;
      }
      void h;
    }
  }
}

function gammaFloat(x: number): number {
  // Lanczos approximation (g = 7), adequate for enclosure with 1e-10 widening.
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFloat(1 - x));
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

// ---------- printing ----------

function render(c: Coef, mode: 'ascii' | 'tex'): string {
  if (c.isZero()) return '0';
  const parts: string[] = [];
  const sorted = [...c.terms.values()].sort((a, b) => b.powers.length - a.powers.length || monoKey(a.powers).localeCompare(monoKey(b.powers)));
  for (const t of sorted) {
    const num: string[] = [], den: string[] = [];
    for (const [k, e] of t.powers) {
      const s = renderAtom(atoms.get(k)!, mode);
      const target = e > 0 ? num : den;
      const ae = Math.abs(e);
      target.push(ae === 1 ? s : mode === 'tex' ? `${wrapTex(s)}^{${ae}}` : `${wrap(s)}^${ae}`);
    }
    const neg = t.c.compare(0) < 0;
    const mag = t.c.abs();
    const magNum = mag.n === 1n && num.length ? '' : String(mag.n);
    const magDen = mag.d === 1n ? '' : String(mag.d);
    if (magNum) num.unshift(magNum);
    if (magDen) den.unshift(magDen);
    const joiner = mode === 'tex' ? ' ' : '*';
    let body = num.length ? num.join(joiner) : '1';
    if (den.length) body = mode === 'tex' ? `\\frac{${body}}{${den.join(' ')}}` : `${num.length > 1 ? '(' + body + ')' : body}/${den.length > 1 ? '(' + den.join('*') + ')' : den[0]}`;
    parts.push((neg ? '-' : '+') + body);
  }
  let s = parts.map((p, i) => (i === 0 ? (p[0] === '-' ? '-' + p.slice(1) : p.slice(1)) : ` ${p[0]} ${p.slice(1)}`)).join('');
  s = s.replace(/^-/, '-');
  return s;
}

const wrap = (s: string): string => (/^[A-Za-z0-9_.]+$/.test(s) || /^[a-z]+\(.*\)$/.test(s) ? s : `(${s})`);
const wrapTex = (s: string): string => (/^[A-Za-z0-9]$/.test(s) || s.startsWith('\\') && !s.includes(' ') ? s : `\\left(${s}\\right)`);

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega']);

function renderAtom(a: Atom, mode: 'ascii' | 'tex'): string {
  switch (a.kind) {
    case 'param': {
      if (mode === 'ascii') return a.name;
      if (GREEK.has(a.name)) return `\\${a.name}`;
      const m = /^([A-Za-z]+)(\d+)$/.exec(a.name);
      return m ? `${m[1]}_{${m[2]}}` : a.name.length > 1 ? `\\mathit{${a.name}}` : a.name;
    }
    case 'const': return a.name === 'pi' ? (mode === 'tex' ? '\\pi' : 'pi') : 'e';
    case 'fn': {
      const arg = render(a.arg, mode);
      if (mode === 'tex') {
        if (a.fn === 'exp') return `e^{${arg}}`;
        if (a.fn === 'abs') return `\\left|${arg}\\right|`;
        const named = ['log', 'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh'].includes(a.fn) ? `\\${a.fn}` : `\\operatorname{${a.fn}}`;
        return `${named}\\left(${arg}\\right)`;
      }
      return `${a.fn}(${arg})`;
    }
    case 'pow': {
      const b = render(a.base, mode), e = render(a.exp, mode);
      if (mode === 'tex') return `${wrapTex(b)}^{${e}}`;
      return `${wrap(b)}^${wrap(e)}`;
    }
  }
}

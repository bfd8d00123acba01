/**
 * Symbolic coefficients in the parameters: exact Laurent polynomials with rational
 * coefficients over atoms. An atom is a parameter (m, r1), a constant (π), or an
 * opaque transcendental term (log 5, exp(m), r2^r1, sin 1).
 *
 * Owns: the canonical form, so that m·L − m·L cancels exactly and exact zeros are
 * recognised (e = exp(1); exp(a)·exp(b) = exp(a + b) within a term; powers of one
 * base combine, so √2² = 2 and √8 = 2·√2; sin(kπ), cos(kπ) at the simple angles;
 * Γ at integers and half-integers), arithmetic with bounded exact sizes, and
 * printing in mathjs syntax and LaTeX. Interval enclosures live in coef-interval.ts
 * (with parameters) and constant-enclose.ts (parameter-free, any precision).
 */
import Fraction from 'fraction.js';
import { exactIntPow, fractionBits, MAX_EXACT_BITS, perfectPower } from '../numeric/rational-power.js';
import { encloseCoef } from './coef-interval.js';
import type * as I from './interval.js';

export type AtomFn = 'log' | 'exp' | 'sin' | 'cos' | 'atan' | 'tanh' | 'sinh' | 'cosh' | 'tan' | 'gamma' | 'floor' | 'ceil' | 'abs' | 'sign';

export type Atom =
  | { readonly kind: 'param'; readonly name: string }
  /** `e` is accepted by Coef.atom but stored as exp(1), so that e and exp(1) are one atom */
  | { readonly kind: 'const'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'fn'; readonly fn: AtomFn; readonly arg: Coef }
  | { readonly kind: 'pow'; readonly base: Coef; readonly exp: Coef };

interface Term {
  readonly c: Fraction;
  /** atom keys with integer exponents, sorted by key */
  readonly powers: readonly (readonly [string, number])[];
}

/** A term as atoms with their integer exponents, for code that walks coefficients. */
export interface TermView {
  readonly c: Fraction;
  readonly factors: readonly FactorView[];
}
export interface FactorView {
  readonly atom: Atom;
  /** the atom's canonical key (equal keys, equal atoms) */
  readonly key: string;
  readonly exp: number;
  /** the atom has no parameter inside */
  readonly constant: boolean;
}

const atoms = new Map<string, Atom>();

/** Bounds on symbolic work, so that (a0 + … + a30)^8 cannot hang the decider. */
export const MAX_COEF_TERMS = 512;
const MAX_PRODUCT_TERMS = 8192;
/** a rational coefficient past this size (from products of big exact constants) is too large to carry */
const MAX_COEF_MAGNITUDE = 1n << 200000n;
/** integer powers of monomials expanded exactly up to this exponent; beyond, an opaque power */
const MAX_MONOMIAL_POWER = 64;
/** Γ(n) = (n − 1)! is expanded exactly up to this argument */
const MAX_EXACT_FACTORIAL = 600;
/** nesting of canonical rewrites inside one product (a guard, never reached in practice) */
const MAX_CANON_DEPTH = 40;

/** A coefficient grew past the work bounds; the caller answers `unknown`. */
export class WorkLimitError extends Error {}
const ZERO_F = new Fraction(0);
const SMALL = 16;
const SMALL_INTS: (Coef | undefined)[] = [];
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

let canonDepth = 0;

/** add a canonical term into a sum under construction */
function collect(m: Map<string, Term>, t: Term): void {
  if (m.size > MAX_COEF_TERMS) throw new WorkLimitError(`a symbolic coefficient has more than ${MAX_COEF_TERMS} terms`);
  if (t.c.n === 0n) return; // fraction.js parses its argument on every call: compare fields on hot paths
  const k = monoKey(t.powers);
  const prev = m.get(k);
  const c = prev ? prev.c.add(t.c) : t.c;
  if (c.n === 0n) m.delete(k); else m.set(k, { c, powers: t.powers });
}

export class Coef {
  private cachedKey: string | undefined;
  private cachedParams: ReadonlySet<string> | undefined;
  private cachedTermList: readonly TermView[] | undefined;
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
    // small integers are asked for constantly (every monomial's zero exponents): share them
    if (typeof v === 'number' && Number.isInteger(v) && v >= -SMALL && v <= SMALL) {
      const hit = SMALL_INTS[v + SMALL];
      if (hit) return hit;
      return (SMALL_INTS[v + SMALL] = Coef.fromTerms([{ c: new Fraction(v), powers: [] }]));
    }
    const f = v instanceof Fraction ? v : new Fraction(v as number);
    return Coef.fromTerms([{ c: f, powers: [] }]);
  }
  static atom(a: Atom): Coef {
    if (a.kind === 'const' && a.name === 'e') return Coef.atom({ kind: 'fn', fn: 'exp', arg: Coef.of(1) });
    const k = atomKey(a);
    if (!atoms.has(k)) atoms.set(k, a);
    return Coef.fromTerms([{ c: ONE_F, powers: [[k, 1]] }]);
  }
  static param(name: string): Coef { return Coef.atom({ kind: 'param', name }); }

  private static fromTerms(list: Iterable<Term>): Coef {
    const m = new Map<string, Term>();
    for (const t of list) {
      if (t.c.n > MAX_COEF_MAGNITUDE || t.c.d > MAX_COEF_MAGNITUDE) throw new WorkLimitError('an exact rational coefficient is too large');
      if (needsCanon(t)) for (const u of Coef.canonTerm(t).terms.values()) collect(m, u);
      else collect(m, t);
    }
    return new Coef(m);
  }

  /** The term rewritten: exp atoms merged into one, rational powers of each base merged into one. */
  private static canonTerm(t: Term): Coef {
    if (canonDepth >= MAX_CANON_DEPTH) throw new WorkLimitError('canonical rewriting nested too deeply');
    canonDepth++;
    try {
      const rest: (readonly [string, number])[] = [];
      let expArg: Coef | null = null;
      const byBase = new Map<string, { base: Coef; exp: Fraction }>();
      for (const [k, e] of t.powers) {
        const a = atoms.get(k)!;
        if (a.kind === 'fn' && a.fn === 'exp') {
          const part = a.arg.scale(new Fraction(e));
          expArg = expArg === null ? part : expArg.add(part);
        } else if (rationalPowAtom(a)) {
          const bk = a.base.key;
          const prev = byBase.get(bk);
          const x = a.exp.asFraction()!.mul(e);
          byBase.set(bk, { base: a.base, exp: prev ? prev.exp.add(x) : x });
        } else rest.push([k, e]);
      }
      let out = Coef.fromTerms([{ c: t.c, powers: rest }]);
      if (expArg !== null) out = out.mul(applyFn('exp', expArg));
      for (const { base, exp } of byBase.values()) out = out.mul(base.pow(Coef.of(exp)));
      return out;
    } finally {
      canonDepth--;
    }
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
  isOne(): boolean { const f = this.asFraction(); return f !== null && f.n === 1n && f.d === 1n && f.s === 1n; }
  equals(o: Coef): boolean { return this.key === o.key; }
  /** parameter names occurring anywhere (inside opaque atoms too) */
  parameters(): Set<string> {
    if (this.cachedParams === undefined) {
      const out = new Set<string>();
      for (const t of this.terms.values()) for (const [k] of t.powers) collectParams(atoms.get(k)!, out);
      this.cachedParams = out;
    }
    return new Set(this.cachedParams);
  }
  /** no parameter anywhere: a number, known exactly in principle */
  isConstant(): boolean {
    for (const t of this.terms.values()) for (const [k] of t.powers) if (!paramFreeKey(k)) return false;
    return true;
  }
  /** the terms with their atoms, for code that walks coefficients */
  termList(): readonly TermView[] {
    return this.cachedTermList ??= [...this.terms.values()].map((t) => ({ c: t.c, factors: t.powers.map(([k, e]) => ({ atom: atoms.get(k)!, key: k, exp: e, constant: paramFreeKey(k) })) }));
  }

  add(o: Coef): Coef {
    if (o.terms.size === 0) return this;
    if (this.terms.size === 0) return o;
    return Coef.fromTerms([...this.terms.values(), ...o.terms.values()]);
  }
  neg(): Coef { return this.terms.size === 0 ? this : Coef.fromTerms([...this.terms.values()].map((t) => ({ c: t.c.neg(), powers: t.powers }))); }
  sub(o: Coef): Coef { return o.terms.size === 0 ? this : this.add(o.neg()); }
  scale(f: Fraction): Coef { return Coef.fromTerms([...this.terms.values()].map((t) => ({ c: t.c.mul(f), powers: t.powers }))); }
  mul(o: Coef): Coef {
    if (this.terms.size === 0 || o.isOne()) return this;
    if (o.terms.size === 0 || this.isOne()) return o;
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
  /** this^e for a rational or symbolic exponent; exact when possible, within the size bounds */
  pow(e: Coef): Coef {
    const f = e.asFraction();
    if (f !== null) {
      const base = this.asFraction();
      return base !== null ? rationalPow(base, f) : powRational(this, f);
    }
    if (this.isOne()) return this;
    return Coef.atom({ kind: 'pow', base: this, exp: e });
  }

  /** Interval enclosure, given enclosures of the parameters. */
  enclose(param: (name: string) => I.RationalInterval): I.RationalInterval {
    return encloseCoef(this, param);
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
      const here = new Map(t.powers.filter(([k]) => atoms.get(k)!.kind !== 'param' && paramFreeKey(k)).map(([k, e]) => [k, e] as [string, number]));
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
    if (this.terms.size !== 1) return null;
    const t = [...this.terms.values()][0]!;
    return t.c.n === 1n && t.c.d === 1n && t.c.s === 1n && t.powers.length === 1 && t.powers[0]![1] === 1 ? atoms.get(t.powers[0]![0])! : null;
  }

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

const paramFreeCache = new Map<string, boolean>();
/** whether the atom with this key has no parameter inside (cached: atoms are immutable) */
function paramFreeKey(k: string): boolean {
  let v = paramFreeCache.get(k);
  if (v === undefined) {
    const out = new Set<string>();
    collectParams(atoms.get(k)!, out);
    v = out.size === 0;
    paramFreeCache.set(k, v);
  }
  return v;
}

function collectParams(a: Atom, out: Set<string>): void {
  if (a.kind === 'param') out.add(a.name);
  else if (a.kind === 'fn') for (const p of a.arg.parameters()) out.add(p);
  else if (a.kind === 'pow') { for (const p of a.base.parameters()) out.add(p); for (const p of a.exp.parameters()) out.add(p); }
}

// ---------- canonical terms ----------

/** a power atom whose exponent is rational: powers of one base combine by adding exponents */
const rationalPowAtom = (a: Atom): a is Extract<Atom, { kind: 'pow' }> => a.kind === 'pow' && a.exp.asFraction() !== null;

/** Does the term hold two exp atoms, an exp atom to a power ≠ 1, or a rational power atom to a power ≠ 1 or twice over one base? */
function needsCanon(t: Term): boolean {
  if (t.powers.length === 0) return false;
  let exps = 0;
  let bases: string[] | null = null;
  for (const [k, e] of t.powers) {
    const a = atoms.get(k)!;
    if (a.kind === 'fn' && a.fn === 'exp') {
      if (e !== 1 || ++exps > 1) return true;
    } else if (rationalPowAtom(a)) {
      if (e !== 1) return true;
      const bk = a.base.key;
      if (bases === null) bases = [bk];
      else if (bases.includes(bk)) return true;
      else bases.push(bk);
    }
  }
  return false;
}

// ---------- exact powers ----------

const powAtom = (base: Coef, exp: Coef): Coef => Coef.atom({ kind: 'pow', base, exp });

/**
 * b^r for rationals, canonical: b is written as b0^j with b0 no perfect power, the
 * exponent on b0 is split into an integer part (exact, when small enough) and a
 * fractional part (an atom b0^f with 0 < f < 1). Exact results above MAX_EXACT_BITS
 * stay as one atom b0^(r·j), enclosed later by decimal intervals.
 */
function rationalPow(b: Fraction, r: Fraction): Coef {
  if (r.equals(0)) return Coef.of(1);
  if (r.equals(1)) return Coef.of(b);
  if (b.equals(0)) return r.compare(0) > 0 ? Coef.of(0) : powAtom(Coef.of(b), Coef.of(r));
  if (b.compare(0) < 0) {
    if (r.d !== 1n) return powAtom(Coef.of(b), Coef.of(r));
    const m = rationalPow(b.abs(), r);
    return r.n % 2n === 1n ? m.neg() : m;
  }
  if (b.equals(1)) return Coef.of(1);
  const { root, j } = perfectPower(b);
  const e = r.mul(j);
  const q = e.floor();
  const f = e.sub(q);
  const whole = exactIntPow(root, q.s * q.n);
  if (whole === null) return powAtom(Coef.of(root), Coef.of(e));
  if (f.equals(0)) return Coef.of(whole);
  return powAtom(Coef.of(root), Coef.of(f)).scale(whole);
}

/** B^r for a non-rational B and a rational r */
function powRational(B: Coef, r: Fraction): Coef {
  if (r.equals(0)) return Coef.of(1);
  if (r.equals(1)) return B;
  const at = B.asAtom();
  // (B'^s)^r = B'^(s·r): B'^s with a fractional s implies B' ≥ 0, with an integer s the power is of a nonzero B'
  if (at && rationalPowAtom(at) && (r.d === 1n || at.exp.asFraction()!.d !== 1n || at.base.asFraction() !== null && at.base.asFraction()!.compare(0) > 0)) return at.base.pow(Coef.of(at.exp.asFraction()!.mul(r)));
  if (r.d === 1n) {
    const k = Number(r.s * r.n);
    const single = B.terms.size === 1;
    if (single && Math.abs(k) <= MAX_MONOMIAL_POWER) {
      const t = [...B.terms.values()][0]!;
      if (fractionBits(t.c) * Math.abs(k) <= MAX_EXACT_BITS) return B.powInt(k);
    }
    if (!single && k >= 2 && k <= 8) return B.powInt(k);
  }
  return powAtom(B, Coef.of(r));
}

function substituteAtom(a: Atom, values: ReadonlyMap<string, Fraction>): Coef {
  switch (a.kind) {
    case 'param': { const v = values.get(a.name); return v ? Coef.of(v) : Coef.atom(a); }
    case 'const': return Coef.atom(a);
    case 'fn': return applyFn(a.fn, a.arg.substitute(values));
    case 'pow': return a.base.substitute(values).pow(a.exp.substitute(values));
  }
}

// ---------- functions ----------

const PI = (): Coef => Coef.atom({ kind: 'const', name: 'pi' });

/** Build fn(arg), simplifying the exact cases (log 1 = 0, exp 0 = 1, exp(log x) = x, log(exp x) = x, sin(kπ), Γ(n), …). */
export function applyFn(fn: AtomFn, arg: Coef): Coef {
  const f = arg.asFraction();
  const at = arg.asAtom();
  if (fn === 'log') {
    if (f !== null && f.equals(1)) return Coef.of(0);
    if (at && at.kind === 'fn' && at.fn === 'exp') return at.arg;
    // log(B^r) = r·log B wherever B^r > 0 (B^r with a fractional r needs B ≥ 0; with an integer r and B^r > 0 … only for B > 0 is log B real, which r·log B then needs)
    if (at && rationalPowAtom(at) && (at.exp.asFraction()!.d !== 1n || (at.base.asFraction()?.compare(0) ?? -1) > 0)) return applyFn('log', at.base).scale(at.exp.asFraction()!);
    if (f !== null && f.compare(0) > 0) return logOfRational(f);
  }
  if (fn === 'exp') {
    if (arg.isZero()) return Coef.of(1);
    if (at && at.kind === 'fn' && at.fn === 'log') return at.arg;
    const split = expOfLogs(arg);
    if (split !== null) return split;
  }
  if ((fn === 'sin' || fn === 'cos' || fn === 'tan') && !arg.isZero()) {
    const k = piMultiple(arg);
    if (k !== null) {
      const s = sinPi(fn === 'cos' ? k.add(new Fraction(1, 2)) : k);
      if (fn !== 'tan' && s !== null) return s;
      if (fn === 'tan') {
        const c = sinPi(k.add(new Fraction(1, 2)));
        if (s !== null && c !== null && !c.isZero()) return s.div(c);
      }
    }
  }
  if (fn === 'atan' && f !== null && f.abs().equals(1)) return PI().scale(new Fraction(f.s, 4n)); // atan(±1) = ±π/4
  if ((fn === 'sin' || fn === 'tan' || fn === 'atan' || fn === 'tanh' || fn === 'sinh') && arg.isZero()) return Coef.of(0);
  if ((fn === 'cos' || fn === 'cosh') && arg.isZero()) return Coef.of(1);
  if (fn === 'gamma' && f !== null) {
    const g = gammaOfRational(f);
    if (g !== null) return g;
  }
  if (f !== null && (fn === 'abs')) return Coef.of(f.abs());
  if (f !== null && (fn === 'floor')) return Coef.of(f.floor());
  if (f !== null && (fn === 'ceil')) return Coef.of(f.ceil());
  if (f !== null && (fn === 'sign')) return Coef.of(f.s === 0n || f.n === 0n ? 0 : Number(f.s));
  return Coef.atom({ kind: 'fn', fn, arg });
}

/**
 * exp(Σ k_i·log B_i + rest) = Π B_i^k_i · exp(rest) for rational k_i (log B_i is
 * real, so B_i > 0): exp(−log 2) = 1/2, exp(log(2)/2) = √2. Null when arg has no
 * such term.
 */
function expOfLogs(arg: Coef): Coef | null {
  let out: Coef | null = null;
  let logs = Coef.of(0);
  for (const t of arg.terms.values()) {
    const a = t.powers.length === 1 && t.powers[0]![1] === 1 ? atoms.get(t.powers[0]![0])! : null;
    if (a && a.kind === 'fn' && a.fn === 'log') {
      const p = a.arg.pow(Coef.of(t.c));
      out = out === null ? p : out.mul(p);
      logs = logs.add(Coef.atom(a).scale(t.c));
    }
  }
  if (out === null) return null;
  const rest = arg.sub(logs);
  return rest.isZero() ? out : out.mul(applyFn('exp', rest));
}

/** k when arg = k·π for a rational k */
function piMultiple(arg: Coef): Fraction | null {
  if (arg.terms.size !== 1) return null;
  const t = [...arg.terms.values()][0]!;
  if (t.powers.length !== 1 || t.powers[0]![1] !== 1) return null;
  const a = atoms.get(t.powers[0]![0])!;
  return a.kind === 'const' && a.name === 'pi' ? t.c : null;
}

/** sin(kπ) exactly when k·12 is an integer whose angle has a simple value (multiples of π/6 and π/4), else null */
function sinPi(k: Fraction): Coef | null {
  if (k.d > 12n || 12n % k.d !== 0n) return null;
  let t = k.mod(2); // in (−2, 2)
  if (t.compare(0) < 0) t = t.add(2);
  let sign = 1;
  if (t.compare(1) >= 0) { sign = -1; t = t.sub(1); }
  const u = t.compare(new Fraction(1, 2)) > 0 ? new Fraction(1).sub(t) : t; // reference angle in [0, ½]
  const half = new Fraction(1, 2);
  const table: Record<string, () => Coef> = {
    '0': () => Coef.of(0),
    '1/6': () => Coef.of(half),
    '1/4': () => Coef.of(2).pow(Coef.of(half)).scale(half),
    '1/3': () => Coef.of(3).pow(Coef.of(half)).scale(half),
    '1/2': () => Coef.of(1),
  };
  const v = table[u.toFraction()];
  return v ? v().scale(new Fraction(sign)) : null;
}

/** Γ(n) = (n−1)!, Γ(k + ½) = (2k)!/(4^k·k!)·√π and Γ(½ − k) = (−4)^k·k!/(2k)!·√π; null otherwise (poles included) */
function gammaOfRational(x: Fraction): Coef | null {
  const fact = (n: bigint): bigint => { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; };
  if (x.d === 1n) {
    if (x.compare(0) <= 0 || x.compare(MAX_EXACT_FACTORIAL) > 0) return null;
    return Coef.of(new Fraction(fact(x.n - 1n)));
  }
  if (x.d !== 2n || x.abs().compare(MAX_EXACT_FACTORIAL) > 0) return null;
  const sqrtPi = PI().pow(Coef.of(new Fraction(1, 2)));
  const k = x.sub(new Fraction(1, 2)); // integer
  if (k.compare(0) >= 0) {
    const kk = k.n;
    return sqrtPi.scale(new Fraction(fact(2n * kk), 4n ** kk * fact(kk)));
  }
  const kk = k.n; // x = ½ − kk
  const sign = kk % 2n === 0n ? 1n : -1n;
  return sqrtPi.scale(new Fraction(sign * 4n ** kk * fact(kk), fact(2n * kk)));
}

/**
 * log of a positive rational. Small numerators and denominators become combinations
 * of logs of primes, so log 4 − 2·log 2 cancels; perfect powers come out first
 * (log 2^4000 = 4000·log 2). Others stay one atom: log((2^3000 + 1)/2^3000) must
 * not become a difference of two nearly equal logs.
 */
function logOfRational(f: Fraction): Coef {
  const { root, j } = perfectPower(f);
  const scale = new Fraction(j);
  if (root.n < 1000000n && root.d < 1000000n) return logOfInteger(root.n).sub(logOfInteger(root.d)).scale(scale);
  return Coef.atom({ kind: 'fn', fn: 'log', arg: Coef.of(root) }).scale(scale);
}

/** log of a positive integer below 10^6 as a combination of logs of primes. */
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
      if (a.fn === 'exp' && a.arg.isOne()) return 'e'; // exp(1) is how e is stored
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

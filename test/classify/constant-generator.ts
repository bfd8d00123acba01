/**
 * Constants whose sign only high precision decides (issue 10, item 7). Each constant C
 * is 1 + (something tiny) with the sign of C − 1 known from an inequality, never from
 * a computation: e^x > 1 + x, log(1 + x) < x, x − x²/2 < log(1 + x) < x − x²/2 + x³/3,
 * sin x < x < tan x, atan x < x, tanh x < x, cos x < 1 < cosh x, truncations of π and e.
 * In float64 most of them are exactly 1. The tiny x is 10^(−k), 1e−k, 2^(−k) or e^(−k).
 * The one computed truth is the sign of sin(10^k), from decimal.js at k + 40 digits
 * (the sin(10²³) example, generalised).
 *
 * C then decides a verdict at a boundary: −C·log n (converges iff C > 1), −log n − C·log log n,
 * −(C − 1)·n, −(C − 1)·√n − log n, and the term 1/(n+1)^C.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';

export interface ConstantCase {
  readonly id: string;
  readonly expr: string;
  readonly options: { readonly term?: boolean };
  readonly truth: 'converges' | 'diverges';
  /** the constant and why its sign is known */
  readonly constant: string;
  readonly why: string;
  /** the family, for reports */
  readonly family: string;
}

/** A tiny positive x as text, with −log10(x) (to bound the precision a family needs). */
interface Tiny { readonly text: string; readonly digits: number }

const tinyArb = (maxDigits: number): fc.Arbitrary<Tiny> => fc.oneof(
  fc.integer({ min: 8, max: maxDigits }).map((k) => ({ text: `10^(-${k})`, digits: k })),
  fc.integer({ min: 8, max: maxDigits }).map((k) => ({ text: `1e-${k}`, digits: k })),
  fc.integer({ min: 27, max: Math.floor(maxDigits / Math.log10(2)) }).map((k) => ({ text: `2^(-${k})`, digits: k * Math.log10(2) })),
  fc.integer({ min: 19, max: Math.floor(maxDigits / Math.log10(Math.E)) }).map((k) => ({ text: `exp(-${k})`, digits: k * Math.log10(Math.E) })),
);

/** C from x, the sign of C − 1, the inequality, and the power of x by which C − 1 differs from 0. */
interface Family { readonly id: string; readonly c: (x: string) => string; readonly sign: 1 | -1; readonly why: string; readonly order: number }

const FAMILIES: readonly Family[] = [
  { id: 'exp', c: (x) => `exp(${x})`, sign: 1, why: 'e^x > 1 for x > 0', order: 1 },
  { id: 'exp-neg', c: (x) => `exp(-${x})`, sign: -1, why: 'e^(−x) < 1 for x > 0', order: 1 },
  { id: 'log1p/x', c: (x) => `log(1 + ${x})/${x}`, sign: -1, why: 'log(1 + x) < x', order: 1 },
  { id: 'expm1/x', c: (x) => `(exp(${x}) - 1)/${x}`, sign: 1, why: 'e^x − 1 > x', order: 1 },
  { id: 'sin/x', c: (x) => `sin(${x})/${x}`, sign: -1, why: 'sin x < x', order: 2 },
  { id: 'tan/x', c: (x) => `tan(${x})/${x}`, sign: 1, why: 'tan x > x on (0, π/2)', order: 2 },
  { id: 'cos', c: (x) => `cos(${x})`, sign: -1, why: 'cos x < 1 for 0 < x < 2π', order: 2 },
  { id: 'cosh', c: (x) => `cosh(${x})`, sign: 1, why: 'cosh x > 1 for x ≠ 0', order: 2 },
  { id: 'sqrt', c: (x) => `sqrt(1 + ${x})`, sign: 1, why: '√(1 + x) > 1', order: 1 },
  { id: 'log1p-2', c: (x) => `1 + log(1 + ${x}) - ${x} + ${x}^2/2`, sign: 1, why: 'log(1 + x) > x − x²/2 for x > 0', order: 3 },
  { id: 'log1p-3', c: (x) => `1 + log(1 + ${x}) - ${x} + ${x}^2/3`, sign: -1, why: 'log(1 + x) < x − x²/2 + x³/3, so log(1 + x) − x + x²/3 < −x²/6 + x³/3 < 0 for x < 1/2', order: 2 },
  { id: 'log1p-e', c: (x) => `1 + log(1 + ${x}) - ${x}*exp(-1)`, sign: 1, why: 'log(1 + x) > x − x²/2 > x/e for x < 2(1 − 1/e)', order: 1 },
  { id: 'x-sin', c: (x) => `1 + ${x} - sin(${x})`, sign: 1, why: 'x > sin x for x > 0', order: 3 },
  { id: 'atan', c: (x) => `1 + atan(${x}) - ${x}`, sign: -1, why: 'atan x < x for x > 0', order: 3 },
  { id: 'tanh', c: (x) => `1 + tanh(${x}) - ${x}`, sign: -1, why: 'tanh x < x for x > 0', order: 3 },
];

/** Where C goes: the verdict is "converges" exactly when C > 1. */
const POSITIONS: readonly { readonly id: string; readonly expr: (c: string) => string; readonly term?: boolean }[] = [
  { id: 'c*L0', expr: (c) => `-(${c})*log(n+1)` },
  { id: 'L0+c*L1', expr: (c) => `-log(n+1) - (${c})*log(log(n+3))` },
  { id: '(c-1)*n', expr: (c) => `-((${c}) - 1)*n` },
  { id: '(c-1)*sqrt(n)+L0', expr: (c) => `-((${c}) - 1)*sqrt(n) - log(n+1)` },
  { id: 'term 1/(n+1)^c', expr: (c) => `1/(n+1)^(${c})`, term: true },
];

/** π and e to `digits` decimals, truncated: below the constant, and + 10^(−digits) above it. */
function truncated(name: 'pi' | 'e', digits: number): { below: string; above: string } {
  const D = Decimal.clone({ precision: digits + 20 });
  const v = name === 'pi' ? D.acos(-1) : D.exp(1);
  const below = v.toDecimalPlaces(digits, Decimal.ROUND_DOWN);
  return { below: below.toFixed(digits), above: below.plus(new D(10).pow(-digits)).toFixed(digits) };
}

/** Sign of sin(10^k), at k + 40 significant digits (decimal.js reduces the argument with its own π). */
function sinPowerOfTenSign(k: number): 1 | -1 {
  const D = Decimal.clone({ precision: k + 40 });
  const s = D.sin(new D(10).pow(k));
  if (s.abs().lt(new D(10).pow(-20))) throw new Error(`sin(10^${k}) too close to 0 to sign here`);
  return s.isNeg() ? -1 : 1;
}

type Constant = { c: string; sign: 1 | -1; why: string; family: string };

/** digits of cancellation kept at most this large, so a bounded precision can decide every case */
const MAX_CANCELLATION = 240;

const constantArb: fc.Arbitrary<Constant> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FAMILIES).chain((f) => tinyArb(Math.floor(MAX_CANCELLATION / f.order)).map((x): Constant => ({ c: f.c(`(${x.text})`), sign: f.sign, why: f.why, family: f.id }))) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('pi' as const, 'e' as const), fc.integer({ min: 16, max: 80 }), fc.boolean()).map(([name, d, below]): Constant => {
    const t = truncated(name, d);
    return below
      ? { c: `1 + ${name} - ${t.below}`, sign: 1, why: `${name} > its truncation to ${d} decimals`, family: `${name}-truncated` }
      : { c: `1 + ${name} - ${t.above}`, sign: -1, why: `${name} < its truncation to ${d} decimals + 10^(−${d})`, family: `${name}-truncated` };
  }) },
  { weight: 1, arbitrary: fc.integer({ min: 16, max: 60 }).map((k): Constant => {
    const s = sinPowerOfTenSign(k);
    return { c: `1 + sin(10^${k})`, sign: s, why: `sin(10^${k}) is ${s > 0 ? 'positive' : 'negative'} (decimal.js, ${k + 40} digits)`, family: 'sin(10^k)' };
  }) },
);

export function generateConstantCases(seed: number, count: number): ConstantCase[] {
  return fc.sample(fc.tuple(constantArb, fc.constantFrom(...POSITIONS)), { seed, numRuns: count }).map(([k, pos], i) => ({
    id: `${seed}#c${i}`, expr: pos.expr(k.c), options: pos.term ? { term: true } : {}, truth: k.sign > 0 ? 'converges' : 'diverges',
    constant: k.c, why: k.why, family: `${k.family} @ ${pos.id}`,
  }));
}

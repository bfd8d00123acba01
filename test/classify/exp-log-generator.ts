/**
 * A seeded generator of exp-log biases whose verdict is known by construction
 * (issue 10, item 7; ../shared/DESIGN.md, "Growth order beyond the log scale").
 *
 * q(n) = Σ c_i·B_i over building blocks B_i of known mutual order, and the series is
 * Σ_{n ≥ 0} e^{−q(n)}. Each block is written in several ways that differ from it by
 * o(1) (or by an exact identity), with shifts that make every term n ≥ 0 defined, so a
 * rewriting changes q by o(1) and never moves a boundary case. A constant offset of q
 * never matters.
 *
 * The truth is derived from the block order alone (see `truthOf`): it never looks at
 * a table of answers and never calls the engine.
 *
 * Cases come in four kinds: the bias p = −q, the term a_n = e^{−q} (as one exp, as a
 * product of factors, as a quotient), and both again as a parametric family where one
 * coefficient is the parameter m (truth at each m by substituting m into `truthOf`).
 */
import fc from 'fast-check';

// ---------------------------------------------------------------- rationals

/** An exact rational num/den, den > 0, in lowest terms. */
export interface Rational { readonly num: number; readonly den: number }

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

export function rat(num: number, den = 1): Rational {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) throw new Error(`bad rational ${num}/${den}`);
  const g = gcd(num, den) || 1;
  const s = den < 0 ? -1 : 1;
  return { num: (s * num) / g, den: (s * den) / g };
}

export const ratSign = (r: Rational): -1 | 0 | 1 => (r.num > 0 ? 1 : r.num < 0 ? -1 : 0);
/** sign of a − b */
export const ratCompare = (a: Rational, b: Rational): -1 | 0 | 1 => ratSign(rat(a.num * b.den - b.num * a.den, a.den * b.den));
export const ratAdd = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const ratValue = (r: Rational): number => r.num / r.den;
export const ratText = (r: Rational): string => (r.den === 1 ? `${r.num}` : `${r.num}/${r.den}`);

/** Is den a divisor of a power of ten (so num/den has a finite decimal expansion)? */
function decimalDigits(den: number): number | null {
  for (let k = 0, p = 1; k <= 6; k++, p *= 10) if (p % den === 0) return k;
  return null;
}

/** Coefficient as input text, always safe to put in front of `*`: `2`, `(-2)`, `(3/4)`, `0.75`, `(-0.75)`. */
export function coefText(r: Rational, style: number): string {
  const digits = decimalDigits(r.den);
  if (r.den === 1) return r.num < 0 ? `(${r.num})` : `${r.num}`;
  if (digits !== null && style % 2 === 1) {
    const t = (r.num / r.den).toFixed(digits);
    return r.num < 0 ? `(${t})` : t;
  }
  return `(${r.num}/${r.den})`;
}

// ---------------------------------------------------------------- blocks

/** exp(−c·B) written as a factor, given the coefficient's text `c` (already parenthesised). */
type FactorForm = (c: string) => string;

export interface Block {
  /** short id, used in reports */
  readonly id: string;
  /** the block in plain text, with L0 = log n, L1 = log log n, L2 = log log log n */
  readonly name: string;
  /** when the block is the level function L_k of the logarithmic scale */
  readonly level?: number;
  /** rewritings in our syntax; each differs from the block by o(1) and is defined for every n ≥ 0 */
  readonly forms: readonly string[];
  /** exp(−c·B)·(1 + o(1)) as a single factor other than exp(−c·(form)) */
  readonly factors: readonly FactorForm[];
  /** X with log X = B + o(1), for writing e^{c·B} as X^c in a denominator */
  readonly bases?: readonly string[];
  /** the block itself (unshifted), in float64, for the generator's own checks at large n */
  readonly exact: (n: number) => number;
}

const ln = Math.log;

/**
 * The blocks, from fast to slow: each strictly dominates the next. The order of this
 * array is the growth order; `truthOf` reads everything it needs from it.
 */
export const BLOCKS: readonly Block[] = [
  {
    id: 'n', name: 'n',
    forms: ['n', '(n+1) - 1', '(n^2 + n)/(n + 1)', 'exp(log(n+1)) - 1', 'sqrt(n^2)'],
    factors: [(c) => `exp(-n)^${c}`, (c) => `(1/exp(n))^${c}`],
    exact: (n) => n,
  },
  {
    id: 'n*e^-sqrtL0', name: 'n·e^{−√log n}',
    forms: ['n*exp(-sqrt(log(n+2)))', '(n+1)*exp(-sqrt(log(n+1)))', 'exp(log(n+1) - sqrt(log(n+2)))', '(n+2)/exp(log(n+2)^(1/2))'],
    factors: [],
    exact: (n) => n * Math.exp(-Math.sqrt(ln(n))),
  },
  {
    id: 'sqrt(n)', name: '√n',
    forms: ['sqrt(n)', 'sqrt(n+1)', '(n+1)^(1/2)', 'exp(0.5*log(n+1))', 'exp(log(n+4)/2)', 'sqrt(4*n+4)/2', 'n/sqrt(n+1)'],
    factors: [(c) => `exp(-sqrt(n+1))^${c}`],
    exact: (n) => Math.sqrt(n),
  },
  {
    id: 'n^0.01', name: 'n^0.01',
    forms: ['(n+2)^(1/100)', 'exp(log(n+2)/100)', '(n+2)^0.01', '((n+2)^2)^(1/200)', 'exp(0.01*log(n+1))'],
    factors: [],
    exact: (n) => n ** 0.01,
  },
  {
    id: 'n^(1/L1)', name: 'n^{1/log log n}',
    forms: ['(n+3)^(1/log(log(n+3)))', 'exp(log(n+16)/log(log(n+16)))', 'exp(log(n+4)/log(log(n+16)))'],
    factors: [],
    exact: (n) => Math.exp(ln(n) / ln(ln(n))),
  },
  {
    id: 'e^sqrtL0', name: 'e^{√log n}',
    forms: ['exp(sqrt(log(n+2)))', 'exp(log(n+2)^(1/2))', 'exp(sqrt(log(2*(n+2)) - log(2)))', 'exp(sqrt(log(n+1)))'],
    factors: [],
    exact: (n) => Math.exp(Math.sqrt(ln(n))),
  },
  {
    id: 'e^cbrtL0', name: 'e^{(log n)^{1/3}}',
    forms: ['exp(log(n+2)^(1/3))', 'exp(cbrt(log(n+2)))', 'exp(exp(log(log(n+2))/3))'],
    factors: [],
    exact: (n) => Math.exp(Math.cbrt(ln(n))),
  },
  {
    id: 'e^(L1^2)', name: 'e^{(log log n)²}',
    forms: ['exp(log(log(n+3))^2)', 'log(n+3)^log(log(n+3))', 'exp(log(log(n+3))*log(log(n+3)))', 'log(n+4)^log(log(n+4))'],
    factors: [],
    exact: (n) => Math.exp(ln(ln(n)) ** 2),
  },
  {
    id: 'L0^2', name: 'log² n',
    forms: ['log(n+2)^2', 'log(n+2)*log(n+1)', '(log((n+2)^2)/2)^2', '0.25*log((n+1)^2)^2'],
    factors: [(c) => `(n+2)^(-${c}*log(n+2))`],
    exact: (n) => ln(n) ** 2,
  },
  {
    id: 'L0', name: 'log n', level: 0,
    forms: ['log(n+1)', 'log(n+2)', 'log(2*(n+3)) - log(2)', '0.5*log((n+3)^2)', '2*log(sqrt(n+1))', 'log(n^2+n+1)/2', '-log(1/(n+1))', 'log((n+1)*(n+2))/2'],
    factors: [(c) => `(n+1)^(-${c})`, (c) => `1/(n+2)^${c}`, (c) => `sqrt((n+3)^2)^(-${c})`],
    bases: ['(n+1)', '(n+2)', '((2*n+2)/2)'],
    exact: (n) => ln(n),
  },
  {
    id: 'L0/L1', name: 'log n / log log n',
    forms: ['log(n+3)/log(log(n+3))', 'log(n+4)/log(log(n+3))', 'log(n+3)/log(0.5*log((n+3)^2))'],
    factors: [(c) => `(n+3)^(-${c}/log(log(n+3)))`],
    exact: (n) => ln(n) / ln(ln(n)),
  },
  {
    id: 'L0*e^-sqrtL1', name: 'log n·e^{−√log log n}',
    forms: ['log(n+3)*exp(-sqrt(log(log(n+3))))', 'exp(log(log(n+3)) - sqrt(log(log(n+3))))', 'log(n+3)/exp(log(log(n+3))^(1/2))'],
    factors: [],
    exact: (n) => ln(n) * Math.exp(-Math.sqrt(ln(ln(n)))),
  },
  {
    id: 'sqrtL0', name: '√log n',
    forms: ['sqrt(log(n+2))', 'log(n+2)^(1/2)', 'exp(log(log(n+2))/2)', 'sqrt(log(n+1))'],
    factors: [],
    exact: (n) => Math.sqrt(ln(n)),
  },
  {
    id: 'e^sqrtL1', name: 'e^{√log log n}',
    forms: ['exp(sqrt(log(log(n+3))))', 'exp(log(log(n+3))^(1/2))', 'exp(sqrt(log(log(n+3)*2) - log(2)))'],
    factors: [],
    exact: (n) => Math.exp(Math.sqrt(ln(ln(n)))),
  },
  {
    id: 'L1^2', name: '(log log n)²',
    forms: ['log(log(n+3))^2', 'log(log(n+3))*log(log(n+4))', 'log(0.5*log((n+3)^2))^2'],
    factors: [(c) => `log(n+3)^(-${c}*log(log(n+3)))`],
    exact: (n) => ln(ln(n)) ** 2,
  },
  {
    id: 'L1', name: 'log log n', level: 1,
    forms: ['log(log(n+3))', 'log(log(n+16))', 'log(0.5*log((n+3)^2))', 'log(log(2*n+6) - log(2))', 'log(log(n^2+3)) - log(2)', 'log(log((n+3)^3)/3)'],
    factors: [(c) => `log(n+3)^(-${c})`, (c) => `1/log(n+16)^${c}`, (c) => `(0.5*log((n+3)^2))^(-${c})`],
    bases: ['log(n+3)', 'log(n+16)'],
    exact: (n) => ln(ln(n)),
  },
  {
    id: 'L2', name: 'log log log n', level: 2,
    forms: ['log(log(log(n+16)))', 'log(log(log(n+3)))', 'log(log(0.5*log((n+16)^2)))', 'log(log(log(2*n+32) - log(2)))'],
    factors: [(c) => `log(log(n+16))^(-${c})`, (c) => `1/log(log(n+3))^${c}`],
    bases: ['log(log(n+16))', 'log(log(n+3))'],
    exact: (n) => ln(ln(ln(n))),
  },
];

/** Indices of the level blocks L0, L1, L2 in BLOCKS, in level order (read off the table). */
export const LEVELS: readonly number[] = (() => {
  const out: number[] = [];
  BLOCKS.forEach((b, i) => { if (b.level !== undefined) out[b.level] = i; });
  for (let k = 0; k < out.length; k++) if (out[k] === undefined) throw new Error(`no block for level ${k}`);
  for (let k = 1; k < out.length; k++) if (out[k]! <= out[k - 1]!) throw new Error('levels out of order');
  return out;
})();

// ---------------------------------------------------------------- truth

export type Truth = 'converges' | 'diverges';

/** One summand c·B of q; coef null for the parameter. */
export interface TermSpec {
  /** index in BLOCKS */
  readonly block: number;
  /** the coefficient, or null where the parameter m stands */
  readonly coef: Rational | null;
  /** which rewriting of the block (index into forms, modulo) */
  readonly form: number;
  /** term mode: which factor form (0 = exp(−c·form), k > 0 = factors[k−1], modulo) */
  readonly factor: number;
  /**
   * Written as (c − a)·form + a·(another form) instead: a cancellation up to o(1).
   * With c = 0 the block is a phantom: a·F₁ − a·F₂ = o(1), which the engine must see.
   */
  readonly split?: { readonly a: Rational; readonly form: number };
}

/**
 * Truth of Σ e^{−q} for q = Σ c_i·B_i (+ a constant, + o(1)).
 * Level k (L_k = log^{∘(k+1)} n) starts after q − (L0 + … + L_{k−1}) has been reduced to
 * the remaining terms `ts`, fastest first. With B the fastest block left:
 *  - nothing left: q = L0 + … + L_{k−1} + O(1): diverges (terms ↛ 0 for k = 0; Σ 1/(n·L0…L_{k−2}) for k ≥ 1);
 *  - B ≻ L_k: the sign of its coefficient decides (q ≥ L0+…+L_{k−1} + 2·L_k eventually, or q − … → −∞);
 *  - B ≺ L_k: the remainder is o(L_k): diverges;
 *  - B = L_k: coefficient > 1 converges, < 1 diverges, = 1 goes on at level k + 1.
 */
export function truthOf(terms: readonly { block: number; coef: Rational }[]): Truth {
  const merged = new Map<number, Rational>();
  for (const t of terms) merged.set(t.block, ratAdd(merged.get(t.block) ?? rat(0), t.coef));
  const ts = [...merged].filter(([, c]) => ratSign(c) !== 0).sort(([a], [b]) => a - b);
  const at = (k: number, rest: readonly (readonly [number, Rational])[]): Truth => {
    if (rest.length === 0) return 'diverges';
    if (k >= LEVELS.length) throw new Error(`blocks below the last level ${BLOCKS[LEVELS.at(-1)!]!.name}: no truth`);
    const [[block, c], ...tail] = rest as [readonly [number, Rational], ...(readonly [number, Rational])[]];
    const level = LEVELS[k]!;
    if (block < level) return ratSign(c) > 0 ? 'converges' : 'diverges';
    if (block > level) return 'diverges';
    const cmp = ratCompare(c, rat(1));
    return cmp > 0 ? 'converges' : cmp < 0 ? 'diverges' : at(k + 1, tail);
  };
  return at(0, ts);
}

// ---------------------------------------------------------------- cases

/**
 * bias: p = −q; term: a_n = e^{−q}; sum-term: a_n = e^{−q} + e^{−q₂}; sum-bias: p = log(e^{−q} + e^{−q₂})
 * (a sum converges iff both parts do); param-*: one coefficient of q is the parameter m.
 */
export type CaseKind = 'bias' | 'term' | 'sum-term' | 'sum-bias' | 'param-bias' | 'param-term';
export const BIAS_LAYOUTS = ['neg-sum', 'signed', 'scaled'] as const;
export const TERM_LAYOUTS = ['exp', 'product', 'quotient'] as const;
export type Layout = (typeof BIAS_LAYOUTS)[number] | (typeof TERM_LAYOUTS)[number];

export interface CaseSpec {
  readonly kind: CaseKind;
  readonly layout: Layout;
  /** in the order written (shuffled) */
  readonly terms: readonly TermSpec[];
  /** coefficient text style (fractions or decimals) */
  readonly style: number;
  /** a constant subtracted from q, or 0 */
  readonly offset: number;
  /** q₂ of the sum kinds */
  readonly second?: readonly TermSpec[];
}

export const PARAM = 'm';

export interface GenCase {
  readonly id: string;
  readonly spec: CaseSpec;
  readonly expr: string;
  readonly options: { readonly term?: boolean; readonly from?: number };
}

const paren = (s: string): string => `(${s})`;
export const formOf = (t: TermSpec): string => { const f = BLOCKS[t.block]!.forms; return f[t.form % f.length]!; };

/** The summands as written: a split term becomes two, (c − a)·F₁ and a·F₂ (a zero coefficient is dropped). */
export function written(terms: readonly TermSpec[]): TermSpec[] {
  return terms.flatMap((t) => {
    if (!t.split || t.coef === null) return [t];
    const { a, form } = t.split;
    const rest = ratAdd(t.coef, rat(-a.num, a.den));
    const second: TermSpec = { block: t.block, coef: a, form, factor: t.factor + 1 };
    return ratSign(rest) === 0 ? [second] : [{ block: t.block, coef: rest, form: t.form, factor: t.factor }, second];
  });
}
const cText = (t: TermSpec, style: number): string => (t.coef === null ? PARAM : coefText(t.coef, style));
const isParam = (spec: CaseSpec): boolean => spec.kind === 'param-bias' || spec.kind === 'param-term';

/** c·B as text; `1·B` is written as B. */
function product(t: TermSpec, style: number): string {
  const b = paren(formOf(t));
  if (t.coef !== null && t.coef.num === t.coef.den) return b;
  return `${cText(t, style)}*${b}`;
}

/** The bias p = −q in one of the bias layouts. */
function renderBias(spec: CaseSpec): string {
  const terms = written(spec.terms);
  const off = spec.offset === 0 ? '' : spec.offset > 0 ? ` + ${spec.offset}` : ` - ${-spec.offset}`;
  switch (spec.layout) {
    case 'signed': {
      // fold each sign into the operator: −c·B for c > 0, + |c|·B for c < 0
      const parts = terms.map((t, i) => {
        if (t.coef === null || ratSign(t.coef) > 0) return `${i === 0 ? '-' : ' - '}${product(t, spec.style)}`;
        const abs = { ...t, coef: rat(-t.coef.num, t.coef.den) };
        return `${i === 0 ? '' : ' + '}${product(abs, spec.style)}`;
      });
      return parts.join('') + off;
    }
    case 'scaled': {
      // −(2·c1·B1 + 2·c2·B2 + …)/2: an exact identity
      const body = terms.map((t) => `2*${cText(t, spec.style)}*${paren(formOf(t))}`).join(' + ');
      return `-(${body})/2${off}`;
    }
    default:
      return `-(${terms.map((t) => product(t, spec.style)).join(' + ')})${off}`;
  }
}

/** exp(−c·B) as one factor: the exp form or one of the block's own factor forms. */
function factorOf(t: TermSpec, style: number): string {
  const b = BLOCKS[t.block]!;
  const k = t.factor % (b.factors.length + 1);
  if (k === 0) return `exp(-${cText(t, style)}*${paren(formOf(t))})`;
  return b.factors[k - 1]!(cText(t, style));
}

/** The term a_n = e^{−q} in one of the term layouts. */
function renderTerm(spec: CaseSpec): string {
  const terms = written(spec.terms);
  const scale = spec.offset === 0 ? '' : `exp(${spec.offset})*`;
  switch (spec.layout) {
    case 'product':
      return scale + terms.map((t) => factorOf(t, spec.style)).join('*');
    case 'quotient': {
      // factors with a positive coefficient go to the denominator as X^c, the others stay above
      const num: string[] = [], den: string[] = [];
      for (const t of terms) {
        const bases = BLOCKS[t.block]!.bases ?? [];
        if (t.coef !== null && ratSign(t.coef) > 0 && bases.length > 0 && t.factor % 2 === 0) den.push(`${bases[(t.factor >> 1) % bases.length]!}^${coefText(t.coef, spec.style)}`);
        else if (t.coef !== null && ratSign(t.coef) > 0) den.push(factorOf({ ...t, coef: rat(-t.coef.num, t.coef.den) }, spec.style));
        else num.push(factorOf(t, spec.style));
      }
      const top = num.length === 0 ? '1' : num.join('*');
      return den.length === 0 ? scale + top : `${scale}${top}/(${den.join('*')})`;
    }
    default:
      return `exp(${renderBias({ ...spec, layout: spec.style % 3 === 0 ? 'signed' : 'neg-sum' })})`;
  }
}

/** The two parts of a sum kind, as terms e^{−q} and e^{−q₂} (the offset stays with the first). */
export function sumParts(spec: CaseSpec): [CaseSpec, CaseSpec] {
  if (!spec.second) throw new Error(`${spec.kind} without a second part`);
  const layout2 = TERM_LAYOUTS[(TERM_LAYOUTS.indexOf(spec.layout as (typeof TERM_LAYOUTS)[number]) + 1) % TERM_LAYOUTS.length]!;
  return [{ ...spec, kind: 'term', second: undefined }, { ...spec, kind: 'term', terms: spec.second, layout: layout2, offset: 0, style: spec.style + 1, second: undefined }];
}

export const isTermMode = (kind: CaseKind): boolean => kind === 'term' || kind === 'param-term' || kind === 'sum-term';

export function render(spec: CaseSpec): string {
  if (spec.kind === 'sum-term' || spec.kind === 'sum-bias') {
    const [a, b] = sumParts(spec).map(renderTerm) as [string, string];
    return spec.kind === 'sum-term' ? `${a} + ${b}` : `log(${a} + ${b})`;
  }
  return isTermMode(spec.kind) ? renderTerm(spec) : renderBias(spec);
}

export function makeCase(spec: CaseSpec, id: string): GenCase {
  const term = isTermMode(spec.kind);
  return { id, spec, expr: render(spec), options: term ? { term: true } : {} };
}

/** The concrete coefficients, with the parameter (if any) set to m. */
export function instantiate(spec: CaseSpec, m?: Rational): { block: number; coef: Rational }[] {
  return spec.terms.map((t) => {
    if (t.coef !== null) return { block: t.block, coef: t.coef };
    if (m === undefined) throw new Error('parametric case needs a value of m');
    return { block: t.block, coef: m };
  });
}

/** Truth of a concrete case, or of a parametric one at m. A sum converges iff both parts do. */
export function truthOfCase(spec: CaseSpec, m?: Rational): Truth {
  const first = truthOf(instantiate(spec, m));
  if (!spec.second) return first;
  return first === 'converges' && truthOf(instantiate({ ...spec, terms: spec.second })) === 'converges' ? 'converges' : 'diverges';
}

/** The concrete expression of a parametric case at m (the same layout, m written as a coefficient). */
export function atParameter(spec: CaseSpec, m: Rational): CaseSpec {
  return { ...spec, kind: spec.kind === 'param-term' ? 'term' : 'bias', terms: spec.terms.map((t) => (t.coef === null ? { ...t, coef: m } : t)) };
}

/** Values of m at which a parametric case is checked: both sides of 0 and of 1, and the points themselves. */
export const PARAM_POINTS: readonly Rational[] = [rat(-2), rat(-1, 2), rat(0), rat(1, 100), rat(1, 2), rat(99, 100), rat(1), rat(101, 100), rat(3, 2), rat(3)];

// ---------------------------------------------------------------- arbitraries

const anyCoef: fc.Arbitrary<Rational> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(1, 2, 3, 4, 8, 10), fc.integer({ min: -12, max: 24 })).filter(([, k]) => k !== 0).map(([d, k]) => rat(k, d)) },
  { weight: 2, arbitrary: fc.constantFrom(rat(1), rat(2), rat(-1), rat(1, 2)) },
  { weight: 1, arbitrary: fc.constantFrom(rat(1, 100), rat(-1, 100), rat(1, 50), rat(-3, 100)) },
);

/** Level blocks get the boundary coefficient 1 often, and values just off it. */
const levelCoef: fc.Arbitrary<Rational> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(rat(1)) },
  { weight: 2, arbitrary: fc.constantFrom(rat(99, 100), rat(101, 100), rat(9, 10), rat(11, 10)) },
  { weight: 3, arbitrary: anyCoef },
);

const splitArb: fc.Arbitrary<{ a: Rational; form: number } | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ a: fc.tuple(fc.constantFrom(1, 2, 4), fc.integer({ min: -8, max: 8 })).filter(([, k]) => k !== 0).map(([d, k]) => rat(k, d)), form: fc.nat(20) }) },
);

const termOf = (block: number, coef: fc.Arbitrary<Rational>): fc.Arbitrary<TermSpec> =>
  fc.record({ block: fc.constant(block), coef, form: fc.nat(20), factor: fc.nat(20), split: splitArb })
    .map(({ split, ...t }) => (split === undefined || (t.coef !== null && ratCompare(t.coef, split.a) === 0) ? t : { ...t, split }));

/** A phantom: a block with coefficient 0, written a·F₁ − a·F₂ in two different rewritings. */
const phantomArb: fc.Arbitrary<TermSpec> = fc.record({ block: fc.nat(BLOCKS.length - 1), a: fc.integer({ min: 1, max: 6 }), sign: fc.boolean(), f1: fc.nat(20), f2: fc.nat(20) })
  .filter(({ block, f1, f2 }) => f1 % BLOCKS[block]!.forms.length !== f2 % BLOCKS[block]!.forms.length)
  .map(({ block, a, sign, f1, f2 }) => ({ block, coef: rat(0), form: f1, factor: 0, split: { a: rat(sign ? a : -a), form: f2 } }));

const coefFor = (block: number): fc.Arbitrary<Rational> => (BLOCKS[block]!.level !== undefined ? levelCoef : anyCoef);

/** Random subset of 1–3 blocks with random coefficients. */
const freeTerms: fc.Arbitrary<TermSpec[]> = fc
  .uniqueArray(fc.nat(BLOCKS.length - 1), { minLength: 1, maxLength: 3 })
  .chain((blocks) => fc.tuple(...blocks.map((b) => termOf(b, coefFor(b)))));

/**
 * The Bertrand boundary: L0 + … + L_{d−1} with coefficient 1, then 0–2 random blocks
 * from below L_{d−1} (where the answer is decided by the lower levels).
 */
const boundaryTerms: fc.Arbitrary<TermSpec[]> = fc.integer({ min: 1, max: LEVELS.length }).chain((depth) => {
  const below = LEVELS[depth - 1]! + 1;
  const prefix = LEVELS.slice(0, depth).map((b) => termOf(b, fc.constant(rat(1))));
  const lower = below >= BLOCKS.length
    ? fc.constant<TermSpec[]>([])
    : fc.uniqueArray(fc.integer({ min: below, max: BLOCKS.length - 1 }), { maxLength: 2 }).chain((bs) => fc.tuple(...bs.map((b) => termOf(b, coefFor(b)))));
  return fc.tuple(fc.tuple(...prefix), lower).map(([p, l]) => [...p, ...l]);
});

const shuffled = <T>(xs: readonly T[]): fc.Arbitrary<T[]> =>
  fc.array(fc.nat(), { minLength: xs.length, maxLength: xs.length }).map((keys) => xs.map((x, i) => ({ x, k: keys[i]! })).sort((a, b) => a.k - b.k).map((e) => e.x));

const baseTerms: fc.Arbitrary<TermSpec[]> = fc.oneof({ weight: 3, arbitrary: freeTerms }, { weight: 2, arbitrary: boundaryTerms });
/** one case in eight carries a phantom block (distinct from the others) */
const termsArb: fc.Arbitrary<TermSpec[]> = fc.tuple(baseTerms, fc.option(phantomArb, { freq: 8 }))
  .map(([ts, ph]) => (ph === null || ts.some((t) => t.block === ph.block) ? ts : [...ts, ph]));

const kindArb: fc.Arbitrary<CaseKind> = fc.oneof(
  { weight: 66, arbitrary: fc.constant<CaseKind>('bias') },
  { weight: 18, arbitrary: fc.constant<CaseKind>('term') },
  { weight: 4, arbitrary: fc.constant<CaseKind>('sum-term') },
  { weight: 3, arbitrary: fc.constant<CaseKind>('sum-bias') },
  { weight: 6, arbitrary: fc.constant<CaseKind>('param-bias') },
  { weight: 3, arbitrary: fc.constant<CaseKind>('param-term') },
);

export const caseSpecArb: fc.Arbitrary<CaseSpec> = fc
  .record({ kind: kindArb, terms: termsArb, second: baseTerms, style: fc.nat(5), offset: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) }), layoutPick: fc.nat(5), paramPick: fc.nat(9) })
  .chain((r) => shuffled(r.terms).map((terms) => {
    const term = r.kind !== 'bias' && r.kind !== 'param-bias';
    const layout: Layout = term ? TERM_LAYOUTS[r.layoutPick % TERM_LAYOUTS.length]! : BIAS_LAYOUTS[r.layoutPick % BIAS_LAYOUTS.length]!;
    let ts = terms;
    if (r.kind === 'param-bias' || r.kind === 'param-term') {
      // the parameter replaces the leading coefficient, or (3 times in 10) another one
      const lead = ts.reduce((best, t, i) => (t.block < ts[best]!.block ? i : best), 0);
      const at = r.paramPick < 7 ? lead : r.paramPick % ts.length;
      ts = ts.map((t, i) => (i === at ? { block: t.block, coef: null, form: t.form, factor: t.factor } : t));
    }
    const sum = r.kind === 'sum-term' || r.kind === 'sum-bias';
    return { kind: r.kind, layout, terms: ts, style: r.style, offset: r.offset, ...(sum ? { second: r.second } : {}) };
  }));

/** `count` cases from `seed`, reproducibly. */
export function generateCases(seed: number, count: number): GenCase[] {
  return fc.sample(caseSpecArb, { seed, numRuns: count }).map((spec, i) => makeCase(spec, `${seed}#${i}`));
}

/** A short description of a case's structure, for reports: "L0:1 + L1:-1/2". */
export function describeSpec(spec: CaseSpec): string {
  const one = (ts: readonly TermSpec[]): string => [...ts].sort((a, b) => a.block - b.block)
    .map((t) => `${BLOCKS[t.block]!.id}:${t.coef === null ? PARAM : ratText(t.coef)}${t.split ? `(split ${ratText(t.split.a)})` : ''}`).join(' + ');
  return spec.second ? `(${one(spec.terms)}) | (${one(spec.second)})` : one(spec.terms);
}

export { isParam };

/**
 * Growth-order pairs: q = L0 + … + L_{d−1} + B_i − B_j for every ordered pair i ≠ j and
 * every depth d = 0…3 (the prefix has coefficient 1 throughout). The truth then hangs on
 * the comparison of B_i with B_j and with the level functions. Forms, layouts and the
 * mode are drawn from `seed`.
 */
export function pairCases(seed: number): GenCase[] {
  const specs: { depth: number; i: number; j: number }[] = [];
  for (let depth = 0; depth <= LEVELS.length; depth++)
    for (let i = 0; i < BLOCKS.length; i++)
      for (let j = 0; j < BLOCKS.length; j++) if (i !== j) specs.push({ depth, i, j });
  const picks = fc.sample(fc.record({ forms: fc.array(fc.nat(20), { minLength: 5, maxLength: 5 }), term: fc.nat(3).map((k) => k === 0), layout: fc.nat(5) }), { seed, numRuns: specs.length });
  return specs.map(({ depth, i, j }, k) => {
    const p = picks[k]!;
    const f = (x: number): number => p.forms[x % p.forms.length]!;
    const terms: TermSpec[] = [
      ...LEVELS.slice(0, depth).map((b, x) => ({ block: b, coef: rat(1), form: f(x), factor: f(x + 1) })),
      { block: i, coef: rat(1), form: f(3), factor: f(1) },
      { block: j, coef: rat(-1), form: f(4), factor: f(2) },
    ];
    const kind: CaseKind = p.term ? 'term' : 'bias';
    const layout: Layout = p.term ? TERM_LAYOUTS[p.layout % TERM_LAYOUTS.length]! : BIAS_LAYOUTS[p.layout % BIAS_LAYOUTS.length]!;
    return makeCase({ kind, layout, terms, style: p.layout, offset: 0 }, `pair${seed}:d${depth}:${BLOCKS[i]!.id}-${BLOCKS[j]!.id}`);
  });
}

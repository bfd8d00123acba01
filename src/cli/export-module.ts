/**
 * The Python module `rpe export --torch` (or `--numpy`) writes: a relative-bias
 * class whose p_h(n) is generated from the parsed expression by the shared code
 * generator (src/numeric/codegen), with per-head parameter values, and a docstring
 * that states what the engine proved about it.
 *
 * Owns: resolving the heads' parameter values exactly (`--at` lists, values that
 * may use the head index h and the head count H, `--alibi-heads` with the reference
 * slopes of src/trf/alibi-slopes.ts), the learnable/clamp choices, the docstring's
 * verdict, condition and per-head TRF (from `classify` and `trf`), and the module
 * text around the generated expression.
 */
import Fraction from 'fraction.js';
import { classify } from '../classify.js';
import { compileFloat } from '../numeric/float.js';
import { pythonExpression, pythonPrelude, type PythonBackend } from '../numeric/codegen/python.js';
import { InputError } from '../parse/errors.js';
import type { Expr } from '../parse/expr.js';
import { linearCoefficient } from '../parse/linear.js';
import { parseExpression } from '../parse/parse.js';
import { toAscii } from '../parse/print.js';
import { substituteParameters, substituteVariable } from '../parse/substitute.js';
import { freeParameters, usesVariable } from '../parse/walk.js';
import { MAX_HEADS, slopeExponents } from '../trf/alibi-slopes.js';
import { trf } from '../trf/trf.js';
import type { Classification } from '../types.js';

export interface ExportOptions {
  readonly backend?: PythonBackend;
  /** summation variable, default n */
  readonly var?: string;
  /** "name=v[,v…]": one value for every head or one per head; values may use h (1-based) and H */
  readonly at?: readonly string[];
  /** number of heads (default: from --alibi-heads or the longest --at list, else 1) */
  readonly heads?: number;
  /** set m (or the only parameter) to the H reference ALiBi slopes */
  readonly alibiHeads?: number;
  /** parameters that become nn.Parameter (initialised from their values) */
  readonly learnable?: readonly string[];
  /** "name=lo:hi" (either side may be empty): KERPLE-style clamps applied before each use */
  readonly clamp?: readonly string[];
  /** assumptions for the parametric decision in the docstring */
  readonly assume?: readonly string[];
  /** ε of the docstring's TRF, default 0.01 */
  readonly eps?: string;
  /** Python class name, default RelativeBias */
  readonly className?: string;
}

export interface HeadValue {
  /** exact constant, as text the CLI reads back (e.g. 2^(-1/2)) */
  readonly exact: string;
  readonly value: number;
}

export interface ExportedModule {
  readonly source: string;
  readonly expression: string;
  readonly variable: string;
  readonly heads: number;
  readonly parameters: readonly string[];
  /** per head (0-based), per parameter */
  readonly values: ReadonlyArray<Readonly<Record<string, HeadValue>>>;
  /** whether p(n) = c·n, so that the module has alibi_slopes() */
  readonly linear: boolean;
}

const fail = (message: string): never => { throw new InputError('option', message); };

/** One value: a constant expression in h and H, made exact for head h of H. */
function headConstant(text: string, name: string, h: number, H: number): Expr {
  const t = text.trim();
  if (t === '') fail(`empty value for ${name}`);
  let parsed: ReturnType<typeof parseExpression> | undefined;
  for (const variable of ['n', 'h', 'H']) {
    try { parsed = parseExpression(t, { variable }); break; } catch (err) {
      if (!(err instanceof InputError) || err.kind !== 'variable') {
        fail(`cannot read the value "${t}" for ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  // every try failed on the variable: the value names something other than h and H
  if (parsed === undefined) fail(`the value for ${name} may use only h (the head, 1-based) and H (the head count), got "${t}"`);
  const p = parsed!;
  const scope: Record<string, Expr> = { h: { kind: 'num', value: new Fraction(h) }, H: { kind: 'num', value: new Fraction(H) } };
  let e = p.expr;
  if (usesVariable(e)) {
    if (!(p.variable in scope)) fail(`the value for ${name} must be a constant (it may use h and H), got "${t}"`);
    e = substituteVariable(e, p.variable, scope[p.variable]!);
  }
  e = substituteParameters(e, scope);
  const left = freeParameters(e);
  if (left.length > 0) fail(`the value for ${name} may use only h (the head, 1-based) and H (the head count), got ${left.join(', ')} in "${t}"`);
  return e;
}

function slopeExpr(e: Fraction): Expr {
  return { kind: 'pow', base: { kind: 'num', value: new Fraction(2) }, exp: { kind: 'num', value: e.neg() } };
}

function parseList(item: string): { name: string; values: string[] } {
  const eq = item.indexOf('=');
  if (eq <= 0) fail(`--at expects name=value[,value…], got "${item}"`);
  const name = item.slice(0, eq).trim();
  const values: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of item.slice(eq + 1)) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) { values.push(cur); cur = ''; } else cur += ch;
  }
  values.push(cur);
  return { name, values };
}

interface Clamp { readonly lo: number | null; readonly hi: number | null }

function parseClamp(item: string, parameters: readonly string[]): [string, Clamp] {
  const m = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=\s*([^:]*):([^:]*)$/u.exec(item);
  if (!m) fail(`--clamp expects name=lo:hi (either side may be empty), got "${item}"`);
  const [, name, loText, hiText] = m!;
  if (!parameters.includes(name!)) fail(`--clamp ${name}: the expression has no parameter ${name}`);
  const bound = (s: string): number | null => {
    const t = s.trim();
    if (t === '') return null;
    const v = Number(t);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) || !Number.isFinite(v)) fail(`--clamp ${name}: "${t}" is not a number`);
    return v;
  };
  const lo = bound(loText!);
  const hi = bound(hiText!);
  if (lo === null && hi === null) fail(`--clamp ${name}: give a lower or an upper bound`);
  if (lo !== null && hi !== null && lo > hi) fail(`--clamp ${name}: the lower bound ${lo} exceeds the upper bound ${hi}`);
  return [name!, { lo, hi }];
}

const pyString = (s: string): string => JSON.stringify(s);
const pyFloat = (v: number): string => {
  if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : v < 0 ? 'float("-inf")' : 'float("nan")';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
};
/** Text safe inside a """docstring""" (no backslash escapes, no closing quotes). */
const docText = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');

/** The attribute that holds parameter `name` (p_r1, or p0 … for names Python cannot spell). */
function attrName(name: string, i: number): string {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? `p_${name}` : `p${i}`;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function decisionLines(c: Classification | string, assume: readonly string[]): string[] {
  const lines = [`Decision for sum_{n>=0} exp(p(n))${assume.length ? ` assuming ${assume.join(', ')}` : ''} (rpe classify):`];
  if (typeof c === 'string') return [...lines, `  not decided: ${c}`];
  lines.push(`  verdict: ${c.verdict}`);
  for (const k of c.cases) lines.push(`  ${k.verdict} when ${k.condition}${k.reason ? ` (${clip(k.reason, 160)})` : ''}`);
  return lines;
}

/** Build the module text and what it contains. */
export function buildExport(expression: string, options: ExportOptions = {}): ExportedModule {
  const backend = options.backend ?? 'torch';
  const parsed = parseExpression(expression, options.var !== undefined ? { variable: options.var } : {});
  const params = parsed.parameters;
  const lists = (options.at ?? []).map(parseList);
  for (const l of lists) {
    if (!params.includes(l.name)) fail(`--at ${l.name}: the expression has no parameter ${l.name}${params.length ? ` (it has ${params.join(', ')})` : ''}`);
    if (lists.filter((x) => x.name === l.name).length > 1) fail(`--at gives ${l.name} twice`);
  }
  let alibiTarget: string | null = null;
  if (options.alibiHeads !== undefined) {
    alibiTarget = params.includes('m') ? 'm' : params.length === 1 ? params[0]! : null;
    if (alibiTarget === null) fail('--alibi-heads sets the parameter m (or the only parameter), and this expression has neither');
    if (lists.some((l) => l.name === alibiTarget)) fail(`--alibi-heads and --at both set ${alibiTarget}`);
  }
  const longest = Math.max(1, ...lists.map((l) => l.values.length));
  const H = options.alibiHeads ?? options.heads ?? longest;
  if (options.heads !== undefined && options.alibiHeads !== undefined && options.heads !== options.alibiHeads) {
    fail(`--heads ${options.heads} and --alibi-heads ${options.alibiHeads} disagree`);
  }
  if (!Number.isSafeInteger(H) || H < 1 || H > MAX_HEADS) fail(`the number of heads must be an integer from 1 to ${MAX_HEADS}, got ${H}`);
  for (const l of lists) {
    if (l.values.length !== 1 && l.values.length !== H) fail(`--at ${l.name} gives ${l.values.length} values for ${H} heads (give one, or one per head)`);
  }
  const missing = params.filter((p) => p !== alibiTarget && !lists.some((l) => l.name === p));
  if (missing.length > 0) fail(`give a value for ${missing.join(', ')} with --at ${missing[0]}=… (one value, one per head, or an expression in h and H)`);
  const learnable = [...new Set(options.learnable ?? [])];
  for (const name of learnable) if (!params.includes(name)) fail(`--learnable ${name}: the expression has no parameter ${name}${params.length ? ` (it has ${params.join(', ')})` : ''}`);
  if (backend !== 'torch' && learnable.length > 0) fail('--learnable needs --torch (numpy has no gradients)');
  const clamps = new Map((options.clamp ?? []).map((c) => parseClamp(c, params)));

  const slopes = alibiTarget !== null ? slopeExponents(H) : [];
  const values: Record<string, HeadValue>[] = [];
  for (let h = 1; h <= H; h++) {
    const row: Record<string, HeadValue> = {};
    for (const p of params) {
      const l = lists.find((x) => x.name === p);
      const e = p === alibiTarget ? slopeExpr(slopes[h - 1]!) : headConstant(l!.values.length === 1 ? l!.values[0]! : l!.values[h - 1]!, p, h, H);
      const value = compileFloat(e, 'n')(0);
      if (!Number.isFinite(value)) fail(`the value of ${p} for head ${h} is not a finite number (${toAscii(e)} = ${value})`);
      row[p] = { exact: toAscii(e), value };
    }
    values.push(row);
  }

  const coefficient = linearCoefficient(parsed.expr, parsed.variable);
  const attrs = new Map(params.map((p, i) => [p, attrName(p, i)]));
  const ref = (name: string): string => `P[${pyString(name)}]`;
  const body = pythonExpression(parsed.expr, parsed.variable, ref);
  const slopeBody = coefficient === null ? null : pythonExpression(coefficient, parsed.variable, ref);

  // What the engine says: the parametric decision and, per head, the verdict and TRF.
  const assume = options.assume ?? [];
  let decision: Classification | string;
  try {
    decision = classify(expression, { ...(options.var !== undefined ? { var: options.var } : {}), ...(assume.length ? { assume: [...assume] } : {}) });
  } catch (err) {
    decision = err instanceof Error ? err.message : String(err);
  }
  const eps = options.eps ?? '0.01';
  const headLines: string[] = [];
  const seen = new Map<string, string>();
  for (let h = 0; h < H; h++) {
    const at = params.map((p) => `${p}=${values[h]![p]!.exact}`);
    const key = at.join(', ');
    let text = seen.get(key);
    if (text === undefined) {
      try {
        const r = trf(expression, { eps, at, ...(options.var !== undefined ? { var: options.var } : {}) }).results[0]!;
        const bracket = r.bracket === null ? 'no TRF' : String(r.bracket[0]) === String(r.bracket[1]) ? `TRF = ${r.trf}` : `TRF in [${r.bracket[0]}, ${r.bracket[1] ?? 'inf'}]`;
        text = `${r.verdict}, ${bracket}`;
      } catch (err) {
        text = `not computed: ${err instanceof Error ? err.message : String(err)}`;
      }
      seen.set(key, text);
    }
    const shown = params.map((p) => `${p} = ${values[h]![p]!.exact}`).join(', ');
    headLines.push(`  head ${h + 1}: ${shown || '(no parameters)'} -> ${text}`);
  }

  const cls = options.className ?? 'RelativeBias';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cls)) fail(`--class must be a Python identifier, got "${cls}"`);
  const doc = [
    `p(n) = ${parsed.normalized}, n = i - j >= 0 (query i, key j), ${H} head${H > 1 ? 's' : ''}.`,
    '',
    'Generated by `rpe export` (rpe-convergence) from the parsed expression that',
    '`rpe classify` decided, through the code generator the validator\'s float64',
    'evaluation uses (src/numeric/codegen), so that the formula proved and the formula',
    'trained are one formula.',
    '',
    ...decisionLines(decision, assume),
    '',
    `Per head at the exported values (verdict, certified TRF at eps = ${eps}):`,
    ...headLines,
    ...(learnable.length ? ['', `Learnable: ${learnable.join(', ')} (nn.Parameter). The verdicts and TRFs above hold at`,
      'the initial values; check learned values with rpe_convergence.trf(...) or `rpe trf`.'] : []),
    ...([...clamps].length ? ['', `Clamped before each use (in place, as KERPLE does): ${[...clamps].map(([n, c]) => `${c.lo ?? '-inf'} <= ${n} <= ${c.hi ?? 'inf'}`).join('; ')}.`] : []),
    '',
    coefficient !== null
      ? `p(n) = c*n with c = ${toAscii(coefficient)}: alibi_slopes() gives -c per head (flash-attention's alibi_slopes).`
      : 'p(n) is not of the form c*n: there is no alibi_slopes() tensor; use forward(T).',
  ].map(docText).join('\n');

  const source = backend === 'torch'
    ? torchModule({ cls, doc, parsed, H, params, values, attrs, learnable, clamps, body, slopeBody })
    : numpyModule({ cls, doc, parsed, H, params, values, attrs, learnable, clamps, body, slopeBody });
  return { source, expression: parsed.normalized, variable: parsed.variable, heads: H, parameters: params, values, linear: coefficient !== null };
}

interface Parts {
  readonly cls: string;
  readonly doc: string;
  readonly parsed: ReturnType<typeof parseExpression>;
  readonly H: number;
  readonly params: readonly string[];
  readonly values: ReadonlyArray<Readonly<Record<string, HeadValue>>>;
  readonly attrs: ReadonlyMap<string, string>;
  readonly learnable: readonly string[];
  readonly clamps: ReadonlyMap<string, Clamp>;
  readonly body: string;
  readonly slopeBody: string | null;
}

const column = (p: Parts, name: string): string => `[${p.values.map((row) => `[${pyFloat(row[name]!.value)}]`).join(', ')}]`;

function header(p: Parts, backend: string): string {
  return `"""${p.doc}
"""
# Generated by rpe export --${backend}; do not edit (regenerate instead).
# The functions below the helpers are the expression as the shared generator wrote it.
`;
}

function functions(p: Parts, zeros: string): string {
  const slope = p.slopeBody === null ? '' : `

def slope_coefficient(n, P):
    """c with p(n) = c*n, per head (n only fixes dtype and device)."""
    K = lambda v: _scalar(v, n)  # noqa: E731
    return ${p.slopeBody}
`;
  return `

def bias_values(n, P):
    """p(n) for an array n of distances (float64) and parameters P: name -> array [H, 1]."""
    K = lambda v: _scalar(v, n)  # noqa: E731
    return ${p.body} + ${zeros}
${slope}`;
}

function torchModule(p: Parts): string {
  const inits = p.params.map((name) => {
    const attr = p.attrs.get(name)!;
    const t = `torch.tensor(${column(p, name)}, dtype=torch.float64)`;
    return p.learnable.includes(name)
      ? `        self.${attr} = nn.Parameter(${t})`
      : `        self.register_buffer(${pyString(attr)}, ${t})`;
  });
  const clampLines = [...p.clamps].map(([name, c]) => {
    const args = [c.lo !== null ? `min=${pyFloat(c.lo)}` : '', c.hi !== null ? `max=${pyFloat(c.hi)}` : ''].filter(Boolean).join(', ');
    return `            self.${p.attrs.get(name)!}.clamp_(${args})`;
  });
  const dict = `{${p.params.map((name) => `${pyString(name)}: self.${p.attrs.get(name)!}`).join(', ')}}`;
  return `${header(p, 'torch')}${pythonPrelude('torch')}
from torch import nn  # noqa: E402
${functions(p, 'torch.zeros_like(n)')}

class ${p.cls}(nn.Module):
    """${p.doc.split('\n')[0]}

    forward(T) is the causal [H, T, T] table; the module docstring has the verdict,
    the condition and the TRF of every head.
    """

    expression = ${pyString(p.parsed.normalized)}
    heads = ${p.H}
    parameter_names = (${p.params.map((x) => `${pyString(x)}, `).join('')})
    learnable_names = (${p.learnable.map((x) => `${pyString(x)}, `).join('')})

    def __init__(self, check=True):
        super().__init__()
        #: raise ValueError where p(n) is NaN or +inf, or p(0) = -inf (as rpe validate does)
        self.check = check
        self.register_buffer("_anchor", torch.zeros((), dtype=torch.float64), persistent=False)
${inits.join('\n')}

    def parameters_by_name(self):
        """name -> per-head tensor [H, 1], after the clamps."""
${clampLines.length ? `        with torch.no_grad():  # KERPLE: clamp the data, the gradient passes as if unclamped\n${clampLines.join('\n')}\n` : ''}        return ${dict}

    def values(self, T):
        """p_h(n) for n = 0, ..., T - 1: float64 tensor [H, T]."""
        n = torch.arange(T, dtype=torch.float64, device=self._anchor.device)
        v = torch.broadcast_to(bias_values(n, self.parameters_by_name()), (${p.H}, T))
        if self.check and T > 0:
            _check(v)
        return v

    def forward(self, T):
        """The causal additive table [H, T, T]: p_h(i - j) for j <= i, -inf above the diagonal."""
        v = self.values(T)
        i = torch.arange(T, device=v.device)
        d = i[:, None] - i[None, :]
        return v[:, d.clamp(min=0)].masked_fill(d < 0, float("-inf"))

    def query_row(self, i):
        """The bias of the query at position i (0-based) to keys 0, ..., i: tensor [H, i + 1]."""
        return self.values(i + 1).flip(-1)

    def alibi_slopes(self):
        """[H] slopes s with p_h(n) = -s_h * n (flash-attention's alibi_slopes); only when p(n) = c*n."""
${p.slopeBody === null
    ? `        raise NotImplementedError("p(n) = ${p.parsed.normalized.replace(/[\\"]/g, '')} is not of the form c*n; use forward(T)")`
    : `        c = slope_coefficient(self._anchor, self.parameters_by_name())
        return -torch.broadcast_to(c, (${p.H}, 1)).reshape(${p.H})`}


def _check(v):
    bad = torch.isnan(v) | (v == float("inf"))
    if bool(bad.any()):
        h, n = (int(x) for x in bad.nonzero()[0])
        raise ValueError("p(%d) = %s for head %d: the bias must be a number, finite or -inf" % (n, float(v[h, n]), h + 1))
    if bool((v[:, 0] == float("-inf")).any()):
        raise ValueError("p(0) = -inf: a token must be able to attend to itself")
`;
}

function numpyModule(p: Parts): string {
  const inits = p.params.map((name) => `        self.${p.attrs.get(name)!} = np.array(${column(p, name)}, dtype=np.float64)`);
  const clampLines = [...p.clamps].map(([name, c]) =>
    `        self.${p.attrs.get(name)!} = np.clip(self.${p.attrs.get(name)!}, ${c.lo !== null ? pyFloat(c.lo) : 'None'}, ${c.hi !== null ? pyFloat(c.hi) : 'None'})`);
  const dict = `{${p.params.map((name) => `${pyString(name)}: self.${p.attrs.get(name)!}`).join(', ')}}`;
  return `${header(p, 'numpy')}${pythonPrelude('numpy')}${functions(p, 'np.zeros_like(n)')}

class ${p.cls}:
    """${p.doc.split('\n')[0]}

    self(T) is the causal [H, T, T] table; the module docstring has the verdict,
    the condition and the TRF of every head.
    """

    expression = ${pyString(p.parsed.normalized)}
    heads = ${p.H}
    parameter_names = (${p.params.map((x) => `${pyString(x)}, `).join('')})

    def __init__(self):
${inits.length ? inits.join('\n') : '        pass'}
${clampLines.join('\n')}

    def parameters_by_name(self):
        return ${dict}

    def values(self, T):
        """p_h(n) for n = 0, ..., T - 1: float64 array [H, T]."""
        n = np.arange(T, dtype=np.float64)
        with np.errstate(all="ignore"):
            return np.broadcast_to(bias_values(n, self.parameters_by_name()), (${p.H}, T))

    def __call__(self, T):
        """The causal additive table [H, T, T]: p_h(i - j) for j <= i, -inf above the diagonal."""
        v = self.values(T)
        i = np.arange(T)
        d = i[:, None] - i[None, :]
        return np.where(d < 0, -np.inf, v[:, np.maximum(d, 0)])

    def query_row(self, i):
        """The bias of the query at position i (0-based) to keys 0, ..., i: array [H, i + 1]."""
        return self.values(i + 1)[:, ::-1]
`;
}

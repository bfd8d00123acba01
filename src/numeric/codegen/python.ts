/**
 * The Python target of the shared generator (`generate.ts`): an Expr as one Python
 * expression over arrays, for PyTorch or numpy, plus the helper functions it calls.
 *
 * Owns: the Python spelling of every node and the helpers that give the arrays the
 * float semantics of `../float.ts` — NaN where the validator's float64 gives NaN
 * (log of x ≤ 0, division by 0, 0 to a negative power, JavaScript's pow(1, NaN) and
 * pow(±1, ±∞), sign(NaN), gamma's poles, factorial off the naturals, non-integer
 * sum bounds), `c ? a : b` NaN for a NaN test, and/or deciding left to right.
 * Undefined branches are computed on a safe stand-in (1 for the argument of log, of
 * a division, of a power of 0 and of a square root of 0) and then replaced, so that
 * gradients stay finite where the value is defined (a learnable exponent at n = 0).
 *
 * The emitted code reads the distance as `n` (an array), a parameter through
 * `paramRef(name)`, literals as `K(v)` (a 0-d array on n's device) and sum index
 * `slot` as `_i<slot>`. Literals are written with JavaScript's shortest round-trip
 * form, which Python reads back to the same double.
 */
import type { Expr } from '../../parse/expr.js';
import { generate, MAX_SUM_TERMS, type Target } from './generate.js';

export type PythonBackend = 'torch' | 'numpy';

/** Deepest nesting we emit: CPython refuses expressions nested about 200 parentheses deep. */
export const MAX_PYTHON_DEPTH = 90;

interface Code { readonly text: string; readonly depth: number }

const wrap = (f: (...xs: string[]) => string, xs: readonly Code[]): Code => ({
  text: f(...xs.map((x) => x.text)),
  depth: 1 + Math.max(0, ...xs.map((x) => x.depth)),
});

const call = (name: string, xs: readonly Code[]): Code => wrap((...a) => `${name}(${a.join(', ')})`, xs);

function literal(v: number): string {
  if (Number.isNaN(v)) return 'float("nan")';
  if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : 'float("-inf")';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

function pythonTarget(paramRef: (name: string) => string): Target<Code> {
  return {
    num: (v) => ({ text: `K(${literal(v)})`, depth: 1 }),
    variable: () => ({ text: 'n', depth: 0 }),
    param: (name) => ({ text: paramRef(name), depth: 1 }),
    index: (slot) => ({ text: `_i${slot}`, depth: 0 }),
    add: (ts) => wrap((...a) => `(${a.join(' + ')})`, ts),
    mul: (fs) => wrap((...a) => `(${a.join(' * ')})`, fs),
    neg: (a) => wrap((x) => `(-${x})`, [a]),
    div: (a, b) => call('_div', [a, b]),
    pow: (b, y) => call('_pow', [b, y]),
    sqrt: (x) => call('_sqrt', [x]),
    unary: (fn, x) => call(`_${fn}`, [x]),
    minmax: (fn, xs) => call(`_${fn}`, xs),
    cond: (t, a, b) => call('_cond', [t, a, b]),
    cmp: (op, a, b) => wrap((x, y) => `_cmp(${JSON.stringify(op)}, ${x}, ${y})`, [a, b]),
    not: (a) => call('_not', [a]),
    logic: (op, args) => call(`_${op}`, args),
    sum: (slot, lo, hi, body) => wrap((b, l, h) => `_sum(lambda _i${slot}: ${b}, ${l}, ${h})`, [body, lo, hi]),
  };
}

/**
 * `expr` as one Python expression (see the header for the names it uses). Throws
 * when the tree is nested too deeply for CPython's parser.
 */
export function pythonExpression(expr: Expr, variable: string, paramRef: (name: string) => string): string {
  const { root } = generate(expr, variable, pythonTarget(paramRef));
  if (root.depth > MAX_PYTHON_DEPTH) {
    throw new Error(`the expression is nested ${root.depth} levels deep; the Python export allows at most ${MAX_PYTHON_DEPTH}`);
  }
  return root.text;
}

// The helpers, written once for an array namespace `xp` and the few calls that differ.
const HELPERS = `
_NAN = float("nan")
_MAX_SUM_TERMS = ${MAX_SUM_TERMS}


def _nan(x):
    return xp.full_like(x, _NAN)


def _one(x):
    return xp.ones_like(x)


def _log(x):
    ok = x > 0
    return xp.where(ok, xp.log(xp.where(ok, x, _one(x))), _nan(x))


def _div(a, b):
    a, b = _bcast(a, b)
    ok = b != 0
    return xp.where(ok, a / xp.where(ok, b, _one(b)), _nan(a))


def _sqrt(x):
    nz = x != 0
    return xp.where(nz, xp.sqrt(xp.where(nz, x, _one(x))), x)


def _pow(b, y):
    b, y = _bcast(b, y)
    zero = b == 0
    v = xp.where(zero, xp.where(y > 0, xp.zeros_like(b), xp.where(y == 0, _one(b), _nan(b))),
                 _powf(xp.where(zero, _one(b), b), y))
    # JavaScript: pow(x, NaN) and pow(+-1, +-inf) are NaN (C and IEEE say 1)
    bad = xp.isnan(y) | ((xp.abs(b) == 1) & xp.isinf(y))
    return xp.where(bad, _nan(b), v)


def _sign(x):
    return xp.where(xp.isnan(x), x, xp.sign(x))


def _cbrt(x):
    a = xp.abs(x)
    nz = a != 0
    r = _powf(xp.where(nz, a, _one(a)), 1.0 / 3.0)
    return xp.where(nz, xp.sign(x) * r, x)


def _gamma(x):
    pole = (x <= 0) & (x == xp.floor(x))
    xs = xp.where(pole, _one(x), x)
    neg = (xs < 0) & (_fmod(xp.floor(-xs), 2.0) == 0)
    v = xp.where(neg, -_one(x), _one(x)) * xp.exp(_lgamma(xs))
    return xp.where(pole, _nan(x), v)


def _factorial(x):
    ok = (x >= 0) & (x == xp.floor(x)) & xp.isfinite(x)
    return xp.where(ok, _gamma(xp.where(ok, x, _one(x)) + 1), _nan(x))


_exp = xp.exp
_abs = xp.abs
_floor = xp.floor
_ceil = xp.ceil
_sin = xp.sin
_cos = xp.cos
_tan = xp.tan
_tanh = xp.tanh
_cosh = xp.cosh
_sinh = xp.sinh


def _min(*xs):
    out = xs[0]
    for x in xs[1:]:
        out = xp.minimum(out, x)
    return out


def _max(*xs):
    out = xs[0]
    for x in xs[1:]:
        out = xp.maximum(out, x)
    return out


def _cond(c, a, b):
    c, a, b = _bcast(c, a, b)
    return xp.where(c == 1, a, xp.where(c == 0, b, _nan(a)))


_CMP = {"<": lambda x, y: x < y, "<=": lambda x, y: x <= y, ">": lambda x, y: x > y,
        ">=": lambda x, y: x >= y, "==": lambda x, y: x == y, "!=": lambda x, y: x != y}


def _cmp(op, a, b):
    a, b = _bcast(a, b)
    r = xp.where(_CMP[op](a, b), _one(a), xp.zeros_like(a))
    return xp.where(xp.isnan(a) | xp.isnan(b), _nan(a), r)


def _not(a):
    return 1 - a


def _and(*xs):
    xs = _bcast(*xs)
    out = _one(xs[0])
    for v in reversed(xs):
        out = xp.where(v == 1, out, v)
    return out


def _or(*xs):
    xs = _bcast(*xs)
    out = xp.zeros_like(xs[0])
    for v in reversed(xs):
        out = xp.where(v == 0, out, v)
    return out


def _sum(body, lo, hi):
    lo, hi = _bcast(lo, hi)
    ok = xp.isfinite(lo) & xp.isfinite(hi) & (lo == xp.floor(lo)) & (hi == xp.floor(hi)) & (hi - lo + 1 <= _MAX_SUM_TERMS)
    if not bool(ok.any()):
        return _nan(lo)
    a = int(lo[ok].min())
    b = int(hi[ok].max())
    if b - a + 1 > _MAX_SUM_TERMS:
        raise ValueError("a finite sum spans more than %d terms across the heads" % _MAX_SUM_TERMS)
    acc = xp.zeros_like(lo)
    for i in range(a, b + 1):
        iv = _scalar(float(i), lo)
        t = body(iv)
        acc = acc + xp.where((lo <= iv) & (iv <= hi), t, xp.zeros_like(t))
    return xp.where(ok, acc, _nan(acc))
`;

const PRELUDE: Readonly<Record<PythonBackend, string>> = {
  torch: `import torch

xp = torch
_powf = torch.pow
_atan = torch.atan
_bcast = torch.broadcast_tensors
_lgamma = torch.lgamma
_fmod = torch.fmod


def _scalar(v, like):
    return torch.tensor(v, dtype=like.dtype, device=like.device)
`,
  numpy: `import numpy as np

xp = np
_powf = np.power
_atan = np.arctan
_bcast = np.broadcast_arrays
_fmod = np.fmod


def _lgamma(x):
    import math
    return np.vectorize(math.lgamma, otypes=[np.float64])(x)


def _scalar(v, like):
    return np.asarray(v, dtype=np.float64)
`,
};

/** The helper definitions the emitted expressions call, for one backend. */
export function pythonPrelude(backend: PythonBackend): string {
  return `${PRELUDE[backend]}${HELPERS}`;
}

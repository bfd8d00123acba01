"""Checks exported bias modules against the engine's float64 values (run by torch-export.test.ts).

usage: check_export.py CASES.json
CASES.json: [{"name", "module" (path), "backend", "reference": [[p_h(n) for n < N] per head],
              "learnable": [names], "maxT": N}]
For every case, values(T) at every T = 1 ... maxT and forward(T) at T = 1 ... 64 and 40 larger T must equal the table built from the
reference to 1e-12 * max(1, |value|), with -inf exactly above the diagonal; values,
query_row and alibi_slopes are checked too. For learnable cases the gradient of a loss
must reach every learnable parameter and match a central finite difference.
Prints one line per case and exits 1 on any failure.
"""
import importlib.util
import json
import math
import sys

TOL = 1e-12

try:
    import torch as _torch
    _torch.set_num_threads(1)  # the test machine is shared; threads only contend
except ImportError:
    pass


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    cases = json.load(open(sys.argv[1]))
    failures = 0
    for k, case in enumerate(cases):
        try:
            msg = check(case, k)
            print("ok   %s: %s" % (case["name"], msg))
        except AssertionError as e:
            failures += 1
            print("FAIL %s: %s" % (case["name"], e))
    sys.exit(1 if failures else 0)


def close(a, b):
    """max error relative to max(1, |b|)"""
    return float(((a - b).abs() / b.abs().clamp(min=1)).max()) if a.numel() else 0.0


def check(case, k):
    if case["backend"] == "numpy":
        return check_numpy(case, k)
    import torch

    mod = load(case["module"], "exported_%d" % k)
    m = mod.RelativeBias()
    ref = torch.tensor(case["reference"], dtype=torch.float64)
    H, N = ref.shape
    assert m.heads == H, "heads %d, reference has %d" % (m.heads, H)
    maxT = case["maxT"]
    i = torch.arange(maxT)
    d = i[:, None] - i[None, :]
    above = d < 0
    full = ref[:, d.clamp(min=0)].masked_fill(above, 0.0)
    scale = full.abs().clamp(min=1)
    worst = 0.0
    # values(T) at every T; the [H, T, T] table at every T up to 64 and at 40 larger T
    # (the whole range costs H * sum T^2 = 0.5e9 entries per case, minutes on two cores)
    tables = set(range(1, min(maxT, 64) + 1)) | set(range(64, maxT + 1, 16)) | {127, 128, 129, 255, 256, 257, 511, maxT}
    tables = sorted(t for t in tables if t <= maxT)
    for T in range(1, maxT + 1):
        v = m.values(T)
        err = close(v, ref[:, :T])
        assert err <= TOL, "T=%d: values differ by %.3g" % (T, err)
        worst = max(worst, err)
    for T in tables:
        tab = m(T)
        assert tab.shape == (H, T, T), "T=%d: shape %s" % (T, tuple(tab.shape))
        assert tab.dtype == torch.float64
        up = above[:T, :T]
        inf = torch.isneginf(tab)
        assert bool((inf == up).all()), "T=%d: -inf not exactly above the diagonal" % T
        err = float(((tab.masked_fill(up, 0.0) - full[:, :T, :T]).abs() / scale[:, :T, :T]).max())
        assert err <= TOL, "T=%d: table differs by %.3g" % (T, err)
        worst = max(worst, err)
    row = m.query_row(maxT - 1)
    assert close(row, ref[:, :maxT].flip(-1)) <= TOL, "query_row differs"
    extra = ""
    if case.get("slopes") is not None:
        s = m.alibi_slopes()
        want = torch.tensor(case["slopes"], dtype=torch.float64)
        assert close(s, want) <= TOL, "alibi_slopes %s, want %s" % (s.tolist(), want.tolist())
        extra = ", alibi_slopes ok"
    else:
        try:
            m.alibi_slopes()
            raise AssertionError("alibi_slopes() should raise for a bias that is not c*n")
        except NotImplementedError:
            pass
    if case.get("learnable"):
        extra += ", " + check_gradients(torch, m, case["learnable"], case.get("clamp", {}))
    return "values at T = 1..%d, tables at %d T, %d heads, max error %.2g%s" % (maxT, len(tables), H, worst, extra)


def check_gradients(torch, m, names, clamps):
    T = 48
    attr = {name: getattr(m, "p_" + name) for name in names}
    for name, p in attr.items():
        assert isinstance(p, torch.nn.Parameter), "%s is not an nn.Parameter" % name
    weights = torch.linspace(-1, 1, T * T, dtype=torch.float64).reshape(T, T)

    def loss():
        tab = m(T)
        return torch.where(torch.isinf(tab), torch.zeros_like(tab), tab * weights).sum()

    m.zero_grad()
    loss().backward()
    for name, p in attr.items():
        g = p.grad
        assert g is not None and bool(torch.isfinite(g).all()), "%s: gradient %s" % (name, g)
        assert bool((g != 0).any()), "%s: zero gradient" % name
        for h in range(p.shape[0]):
            with torch.no_grad():
                x = float(p[h, 0])
                e = 1e-6 * max(1.0, abs(x))
                p[h, 0] = x + e
                up = float(loss())
                p[h, 0] = x - e
                down = float(loss())
                p[h, 0] = x
            fd = (up - down) / (2 * e)
            assert abs(fd - float(g[h, 0])) <= 1e-5 * max(1.0, abs(fd)), \
                "%s head %d: gradient %r, finite difference %r" % (name, h + 1, float(g[h, 0]), fd)
    for name, (lo, hi) in clamps.items():
        p = attr[name] if name in attr else getattr(m, "p_" + name)
        with torch.no_grad():
            p.fill_(-1e9 if lo is not None else 1e9)
        m(4)
        want = lo if lo is not None else hi
        assert bool((p == want).all()), "clamp of %s: got %s" % (name, p.flatten().tolist())
    return "gradients of %s match finite differences" % ", ".join(names) + (", clamps ok" if clamps else "")


def check_numpy(case, k):
    import numpy as np

    mod = load(case["module"], "exported_np_%d" % k)
    m = mod.RelativeBias()
    ref = np.array(case["reference"], dtype=np.float64)
    T = case["maxT"]
    v = m.values(T)
    err = float((np.abs(v - ref[:, :T]) / np.maximum(1, np.abs(ref[:, :T]))).max())
    assert err <= TOL, "values differ by %.3g" % err
    tab = m(T)
    i = np.arange(T)
    assert np.all(tab[:, i[:, None] < i[None, :]] == -np.inf), "not -inf above the diagonal"
    assert np.allclose(tab[:, T - 1, :], ref[:, :T][:, ::-1], rtol=0, atol=TOL * max(1, float(np.abs(ref).max())))
    return "numpy values at T = %d, max error %.2g" % (T, err)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peer benchmark: SymPy's Sum.is_convergent on the cases of bench/decider.bench.ts.

Reads a JSON list of cases on stdin, each
  {"id", "expr": SymPy source using names v_<symbol>, "symbols": [{"name", "positive"}],
   "var": "<summation variable>", "from": int, "mode": "exp" | "term"}
builds Sum(exp(expr) or expr, (var, from, oo)) and times .is_convergent() once per case
(the process is warm, SymPy's cache is not cleared), with a per-case timeout (SIGALRM).
Prints one JSON list: {"id", "answer": "converges" | "diverges" | null, "seconds", "error"}.
Progress goes to stderr.
"""
import json
import signal
import sys
import time

import sympy
from sympy import (Abs, And, E, Eq, Integer, Max, Min, Ne, Not, Or, Piecewise, Rational, Sum, Symbol,
                   atan, cbrt, ceiling, cos, cosh, exp, factorial, floor, gamma, log, oo, pi, sign,
                   sin, sinh, sqrt, tan, tanh)

NAMESPACE = {name: obj for name, obj in dict(
    Abs=Abs, And=And, E=E, Eq=Eq, Integer=Integer, Max=Max, Min=Min, Ne=Ne, Not=Not, Or=Or,
    Piecewise=Piecewise, Rational=Rational, Sum=Sum, atan=atan, cbrt=cbrt, ceiling=ceiling, cos=cos,
    cosh=cosh, exp=exp, factorial=factorial, floor=floor, gamma=gamma, log=log, pi=pi, sign=sign,
    sin=sin, sinh=sinh, sqrt=sqrt, tan=tan, tanh=tanh).items()}


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def build(case):
    scope = dict(NAMESPACE)
    for s in case["symbols"]:
        kwargs = {"integer": True} if s["name"] == case["var"] else ({"positive": True} if s.get("positive") else {})
        scope["v_" + s["name"]] = Symbol(s["name"], **kwargs)
    scope["__builtins__"] = {}
    body = eval(case["expr"], scope)  # our own translated text, never user input
    var = scope["v_" + case["var"]] if ("v_" + case["var"]) in scope else Symbol(case["var"], integer=True)
    term = exp(body) if case["mode"] == "exp" else body
    return Sum(term, (var, case["from"], oo))


def run(case, timeout):
    start = time.perf_counter()
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(timeout)
    try:
        s = build(case)
        result = s.is_convergent()
        seconds = time.perf_counter() - start
        if result is sympy.S.true or result is True:
            return {"answer": "converges", "seconds": seconds, "error": None}
        if result is sympy.S.false or result is False:
            return {"answer": "diverges", "seconds": seconds, "error": None}
        return {"answer": None, "seconds": seconds, "error": "undecided: " + str(result)}
    except Timeout:
        return {"answer": None, "seconds": None, "error": "timeout after %d s" % timeout}
    except Exception as exc:  # SymPy raises NotImplementedError, TypeError, ... on many inputs
        seconds = time.perf_counter() - start
        message = (type(exc).__name__ + ": " + str(exc)).splitlines()[0][:200]
        return {"answer": None, "seconds": seconds, "error": message}
    finally:
        signal.alarm(0)


def main():
    timeout = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    cases = json.load(sys.stdin)
    out = []
    for i, case in enumerate(cases):
        r = run(case, timeout)
        r["id"] = case["id"]
        out.append(r)
        shown = r["answer"] or r["error"]
        took = "%.3f s" % r["seconds"] if r["seconds"] is not None else "-"
        print("sympy %3d/%d %-40s %s  %s" % (i + 1, len(cases), case["id"][:40], took, shown), file=sys.stderr, flush=True)
    json.dump({"sympy": sympy.__version__, "python": sys.version.split()[0], "timeout": timeout, "results": out}, sys.stdout)


if __name__ == "__main__":
    main()

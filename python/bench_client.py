"""1,000 classifications through one rpe_convergence.Client against the same 1,000 in process.

    RPE_CLI="node --import tsx src/cli/main.ts" python3 python/bench_client.py [--out bench/results/python-client.json]

Prints and optionally writes: the client's start (the first call, which starts the
batch process), the 1,000 calls after it, and the in-process time of the same calls
(bench/classify-list.ts, one node process, after a warm-up call), measured before and
after the client run and averaged, since the machine may be shared.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpe_convergence as rpe  # noqa: E402
from rpe_convergence.client import cli_command  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def expressions(count=1000):
    """Distinct biases from the families the catalog uses, so no answer repeats."""
    forms = ["-%s*log(1+n)", "-%s*n", "-(%s*n)^(1/2)", "-log(1+%s*n)", "-%s*log(1+n)^2"]
    out = []
    k = 1
    while len(out) < count:
        for f in forms:
            out.append(f % ("%d/7" % k))
        k += 1
    return out[:count]


def main():
    exprs = expressions()
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(exprs) + "\n")

    def in_process():
        node = subprocess.run(["node", "--import", "tsx", os.path.join(ROOT, "bench", "classify-list.ts"), f.name],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        return json.loads(node.stdout)["ms"] / 1000

    before = in_process()  # the machine may be shared: measure the baseline before and after
    with rpe.Client() as client:
        t0 = time.perf_counter()
        client.classify("-n")
        start = time.perf_counter() - t0
        t1 = time.perf_counter()
        verdicts = [client.classify(e)["verdict"] for e in exprs]
        calls = time.perf_counter() - t1
    after = in_process()
    os.unlink(f.name)
    inproc = (before + after) / 2
    result = {
        "count": len(exprs), "client_start_s": round(start, 3), "client_calls_s": round(calls, 3),
        "in_process_s": round(inproc, 3), "in_process_before_after_s": [round(before, 3), round(after, 3)], "ratio": round(calls / inproc, 2),
        "per_call_ms": round(1000 * calls / len(exprs), 3), "cli": " ".join(cli_command()[0]),
        "load_average": os.getloadavg()[0], "verdicts": {v: verdicts.count(v) for v in sorted(set(verdicts))},
    }
    print(json.dumps(result))
    if out:
        with open(out, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()

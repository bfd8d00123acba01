"""Tests of the Python client against the real CLI (RPE_CLI or the checkout's bin).

Run with pytest or `python3 -m unittest discover -s python/tests`; test/python/client.test.ts
runs them from `npm test`. One batch process serves every classify call of a Client.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import rpe_convergence as rpe  # noqa: E402
from rpe_convergence.client import cli_command  # noqa: E402


def has_command(name):
    argv, cwd = cli_command()
    r = subprocess.run(argv + ["--help"], cwd=cwd, capture_output=True, text=True, timeout=300)
    return any(line.strip().startswith(name + " ") or line.strip() == name for line in r.stdout.splitlines())


class CliCommandTest(unittest.TestCase):
    """How the CLI is found: RPE_CLI, then rpe on PATH, then the checkout's bin."""

    def setUp(self):
        self.saved = {k: os.environ.get(k) for k in ("RPE_CLI", "PATH")}

    def tearDown(self):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def test_env_var_first_then_path_then_checkout(self):
        with tempfile.TemporaryDirectory() as d:
            fake = os.path.join(d, "rpe")
            with open(fake, "w") as f:
                f.write("#!/bin/sh\n")
            os.chmod(fake, 0o755)
            os.environ["RPE_CLI"] = "node '/some where/main.js'"
            self.assertEqual(cli_command(), (["node", "/some where/main.js"], None))
            del os.environ["RPE_CLI"]
            os.environ["PATH"] = d + os.pathsep + self.saved["PATH"]
            self.assertEqual(cli_command(), ([fake], None))
            os.environ["PATH"] = os.path.dirname(sys.executable) + os.pathsep + "/usr/bin"
            if subprocess.run(["which", "rpe"], capture_output=True).returncode != 0:
                argv, cwd = cli_command()  # this checkout: its package bin, or the sources through tsx
                self.assertTrue(argv[0].endswith("node"), argv)
                self.assertTrue(argv[-1].endswith(os.path.join("lib", "cli.js")) or argv[-1].endswith(os.path.join("cli", "main.ts")), argv)
                self.assertTrue(os.path.exists(os.path.join(cwd, "package.json")))


class ClassifyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = rpe.Client()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def test_contract(self):
        c = self.client.classify("-m*n", assume=["m > 0"])
        self.assertEqual(c["verdict"], "converges")
        self.assertEqual(c["expression"], "-m * n")
        self.assertEqual(c["parameters"], ["m"])
        self.assertEqual(c["cases"][0]["verdict"], "converges")

    def test_condition_and_options(self):
        c = self.client.classify("-r1*log(1+r2*n)", assume=["r1 > 0", "r2 > 0"])
        self.assertEqual(c["verdict"], "conditional")
        by_verdict = {k["verdict"]: k["condition"] for k in c["cases"]}
        self.assertEqual(by_verdict["converges"], "r1 > 1")
        self.assertEqual(self.client.classify("-2*log(t)", var="t", from_=1)["verdict"], "converges")
        self.assertEqual(self.client.classify("1/n^2", term=True, from_=1)["verdict"], "converges")
        self.assertEqual(self.client.classify("0")["verdict"], "diverges")

    def test_bad_input_raises_with_column_and_the_process_survives(self):
        pid = None
        self.client.classify("-n")
        pid = self.client.pid
        with self.assertRaises(rpe.RpeInputError) as e:
            self.client.classify("-n*(")
        self.assertTrue(e.exception.message)
        with self.assertRaises(TypeError):
            self.client.classify("-n", bogus=1)
        with self.assertRaises(rpe.RpeInputError):
            self.client.classify("-n\n-n")
        self.assertEqual(self.client.classify("-n")["verdict"], "converges")
        self.assertEqual(self.client.pid, pid)

    def test_many_calls_one_process(self):
        self.client.classify("-n")
        pid = self.client.pid
        exprs = ["-%d*n" % k if k % 2 else "-log(1+%d*n)" % k for k in range(1, 101)]
        verdicts = [self.client.classify(e)["verdict"] for e in exprs]
        self.assertEqual(self.client.pid, pid)
        for k, v in zip(range(1, 101), verdicts):
            self.assertEqual(v, "converges" if k % 2 else "diverges", exprs[k - 1])


class CommandsTest(unittest.TestCase):
    def test_trf(self):
        r = rpe.trf("-m*n", at={"m": [0.5, 0.25]})
        self.assertEqual([x["at"]["m"] for x in r["results"]], [0.5, 0.25])
        self.assertEqual(r["max"], max(x["trf"] for x in r["results"]))
        with self.assertRaises(rpe.RpeInputError):
            rpe.trf("-m*n", at={"q": 1})

    def test_export_numpy_and_torch(self):
        src = rpe.export("-r1*log(1+r2*n)", backend="numpy", at={"r1": [2, 0.5], "r2": 1})
        self.assertIn("class RelativeBias", src)
        self.assertIn("converges when r1 > 1", src)
        mod = rpe.load_module(src, "rpe_np_bias")
        v = mod.RelativeBias().values(3)
        import math
        self.assertAlmostEqual(float(v[0][2]), -2 * math.log(3), places=14)
        self.assertAlmostEqual(float(v[1][1]), -0.5 * math.log(2), places=14)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "alibi.py")
            rpe.export("-m*n", alibi_heads=12, output=path)
            with open(path) as f:
                self.assertIn("head 12: m = 2^(-3.5) -> converges, TRF = 52", f.read())

    @unittest.skipUnless(has_command("slopes"), "this CLI has no `rpe slopes` command yet")
    def test_slopes(self):
        r = rpe.slopes(12)
        self.assertEqual(len(r["heads"]), 12)
        self.assertAlmostEqual(r["heads"][8]["slope"], 2 ** -0.5, places=15)


if __name__ == "__main__":
    unittest.main()

"""The client: how the `rpe` CLI is found and started, the batch classifier, the commands.

Owns: `cli_command()` (the one place that decides how to start the CLI), `Client`
(one `rpe classify` process in batch mode, one JSON line per request, see docs/cli.md)
and the one-shot commands trf, slopes, check and export.
"""
import atexit
import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading

__all__ = ["Client", "RpeError", "RpeInputError", "cli_command", "classify", "trf", "slopes", "check", "export",
           "load_module", "default_client"]


class RpeError(RuntimeError):
    """The CLI could not be started, exited unexpectedly, or reported an internal error."""


class RpeInputError(ValueError):
    """The engine rejected the input (bad expression or option); `column` is 1-based when known."""

    def __init__(self, message, column=None, input=None):
        super().__init__(message if column is None else "%s (column %d)" % (message, column))
        self.message = message
        self.column = column
        self.input = input


def _checkout_root():
    """The rpe-convergence checkout this package sits in (python/ is one level down), or None."""
    here = os.path.dirname(os.path.abspath(__file__))
    for root in (os.path.dirname(os.path.dirname(here)), os.getcwd()):
        pkg = os.path.join(root, "package.json")
        try:
            with open(pkg, encoding="utf-8") as f:
                meta = json.load(f)
        except (OSError, ValueError):
            continue
        if meta.get("name") == "rpe-convergence":
            return root, meta
    return None, None


def cli_command():
    """The argv prefix and working directory that start `rpe`: (argv, cwd).

    In order: the environment variable RPE_CLI (a command line, split like a shell
    would); `rpe` on PATH; the package's `bin` of the checkout this file sits in
    (`node <repo>/<bin>` when built, else the TypeScript sources through tsx).
    """
    env = os.environ.get("RPE_CLI")
    if env:
        return shlex.split(env), None
    exe = shutil.which("rpe")
    if exe:
        return [exe], None
    root, meta = _checkout_root()
    node = shutil.which("node")
    if root and node:
        bin_field = meta.get("bin")
        rel = bin_field.get("rpe") if isinstance(bin_field, dict) else bin_field
        if rel and os.path.exists(os.path.join(root, rel)):
            return [node, os.path.join(root, rel)], root
        src = os.path.join(root, "src", "cli", "main.ts")
        if os.path.exists(src) and os.path.isdir(os.path.join(root, "node_modules", "tsx")):
            return [node, "--import", "tsx", src], root
    raise RpeError("cannot find the rpe CLI: set RPE_CLI (e.g. RPE_CLI='node /path/to/rpe-convergence/dist/lib/cli.js'), "
                   "put rpe on PATH (npm install -g rpe-convergence), or build the checkout (npm run build)")


def _request(expr, options):
    req = {"expr": expr}
    for key, value in options.items():
        if value is None:
            continue
        if key in ("from_", "from", "start"):
            req["from"] = int(value)
        elif key in ("var", "term"):
            req[key] = value
        elif key == "assume":
            req["assume"] = [value] if isinstance(value, str) else list(value)
        else:
            raise TypeError("classify() got an unexpected option %r (allowed: var, from_, assume, term)" % key)
    return req


class Client:
    """One `rpe classify` batch process, started on first use and kept.

    Thread-safe (one request at a time). Use as a context manager or call close().
    """

    def __init__(self, command=None, cwd=None):
        if command is None:
            command, cwd = cli_command()
        self._argv = list(command) + ["classify"]
        self._cwd = cwd
        self._proc = None
        self._stderr = None
        self._lock = threading.Lock()

    @property
    def pid(self):
        """The process id of the batch process (None before the first call)."""
        return self._proc.pid if self._proc else None

    def _start(self):
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(self._argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                          cwd=self._cwd, text=True, encoding="utf-8", bufsize=1)
        except OSError as e:
            raise RpeError("cannot start %s: %s" % (" ".join(self._argv), e)) from e

    def _died(self):
        self._stderr.seek(0)
        tail = self._stderr.read()[-2000:].decode("utf-8", "replace")
        code = self._proc.poll()
        self._proc = None
        return RpeError("rpe classify exited (status %s): %s" % (code, tail.strip() or "no message"))

    def classify(self, expr, **options):
        """The Classification of `expr` as a dict (the JSON contract, docs/output.md).

        Options: var, from_ (first index), assume (a string or a list), term. Raises
        RpeInputError for input the engine rejects.
        """
        if not isinstance(expr, str) or "\n" in expr or "\r" in expr:
            raise RpeInputError("the expression must be a string on one line")
        line = json.dumps(_request(expr, options), ensure_ascii=False)
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            try:
                self._proc.stdin.write(line + "\n")
                self._proc.stdin.flush()
                answer = self._proc.stdout.readline()
            except (BrokenPipeError, OSError):
                raise self._died()
            if not answer:
                raise self._died()
        result = json.loads(answer)
        err = result.get("error") if isinstance(result, dict) else None
        if err is not None and "verdict" not in result:
            msg = err.get("message", "")
            if msg.startswith("internal error"):
                raise RpeError(msg)
            raise RpeInputError(msg, err.get("column"), result.get("input"))
        return result

    def close(self):
        with self._lock:
            if self._proc is not None:
                try:
                    self._proc.stdin.close()
                    self._proc.wait(timeout=30)
                except (OSError, subprocess.TimeoutExpired):
                    self._proc.kill()
                    self._proc.wait()
                self._proc = None
            if self._stderr is not None:
                self._stderr.close()
                self._stderr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


_default = None
_default_lock = threading.Lock()


def default_client():
    """The module's shared Client (closed at exit)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Client()
            atexit.register(_default.close)
        return _default


def classify(expr, **options):
    """classify(expr, var=None, from_=None, assume=None, term=None) -> dict, through the shared Client."""
    return default_client().classify(expr, **options)


def _at_args(at):
    out = []
    for name, value in (at or {}).items():
        values = value if isinstance(value, (list, tuple)) else [value]
        out += ["--at", "%s=%s" % (name, ",".join(str(v) for v in values))]
    return out


def _run(args, timeout=600):
    command, cwd = cli_command()
    try:
        r = subprocess.run(list(command) + args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    except OSError as e:
        raise RpeError("cannot start %s: %s" % (" ".join(command), e)) from e
    if r.returncode == 2:
        raise RpeInputError(r.stderr.strip().replace("rpe: ", "", 1) or "bad input")
    if r.returncode != 0:
        raise RpeError("rpe %s exited with status %d: %s" % (args[0], r.returncode, r.stderr.strip()))
    return r.stdout


def _common(var=None, from_=None):
    return (["--var", var] if var else []) + (["--from", str(int(from_))] if from_ is not None else [])


def trf(expr, eps=None, at=None, alibi_heads=None, var=None, from_=None):
    """`rpe trf --json`: the certified TRF report as a dict. at: {name: value or [values]}."""
    args = ["trf", expr, "--json"] + _at_args(at) + _common(var, from_)
    if eps is not None:
        args += ["--eps", str(eps)]
    if alibi_heads is not None:
        args += ["--alibi-heads", str(int(alibi_heads))]
    return json.loads(_run(args))


def check(expr, at=None, alibi_heads=None, var=None, from_=None):
    """`rpe check --json`: partial sums and certified tails against the verdict, as a dict."""
    args = ["check", expr, "--json"] + _at_args(at) + _common(var, from_)
    if alibi_heads is not None:
        args += ["--alibi-heads", str(int(alibi_heads))]
    return json.loads(_run(args))


def slopes(heads, rule=None, bias_max=None, eps=None):
    """`rpe slopes --heads H --json`: the reference ALiBi slopes of H heads with each head's verdict and
    TRF, {"rule", "heads": [{"head", "slope", "verdict", "trf", ...}], "trf"}. rule: "alibi" or "geometric".
    """
    args = ["slopes", "--heads", str(int(heads)), "--json"]
    for flag, value in (("--rule", rule), ("--bias-max", bias_max), ("--eps", eps)):
        if value is not None:
            args += [flag, str(value)]
    return json.loads(_run(args))


def export(expr, backend="torch", at=None, heads=None, alibi_heads=None, learnable=None, clamp=None, assume=None,
           var=None, class_name=None, output=None):
    """`rpe export`: the Python module's source text (also written to `output` when given).

    clamp: {name: (lo, hi)} with None for an open side. learnable: parameter names.
    """
    if backend not in ("torch", "numpy"):
        raise ValueError("backend must be 'torch' or 'numpy'")
    args = ["export", expr, "--" + backend] + _at_args(at) + _common(var)
    if heads is not None:
        args += ["--heads", str(int(heads))]
    if alibi_heads is not None:
        args += ["--alibi-heads", str(int(alibi_heads))]
    for name, (lo, hi) in (clamp or {}).items():
        args += ["--clamp", "%s=%s:%s" % (name, "" if lo is None else lo, "" if hi is None else hi)]
    for a in ([assume] if isinstance(assume, str) else (assume or [])):
        args += ["--assume", a]
    if class_name:
        args += ["--class", class_name]
    if learnable:
        args += ["--learnable"] + list(learnable)
    source = _run(args)
    if output is not None:
        with open(output, "w", encoding="utf-8") as f:
            f.write(source)
    return source


def load_module(source_or_path, name="rpe_exported_bias"):
    """Import an exported module from its source text or a file path."""
    if os.path.exists(source_or_path) and not source_or_path.lstrip().startswith('"""'):
        path = source_or_path
    else:
        fd, path = tempfile.mkstemp(suffix=".py", prefix="rpe_bias_")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(source_or_path)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod

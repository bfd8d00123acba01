"""Python client of the rpe-convergence engine (standard library only).

    import rpe_convergence as rpe
    rpe.classify("-m*n", assume=["m > 0"])["verdict"]        # 'converges'
    rpe.trf("-m*n", alibi_heads=8)["max"]                     # certified TRF of the widest head
    src = rpe.export("-r1*log(1+r2*n)", at={"r1": 2, "r2": 1}, learnable=["r1", "r2"])
    Bias = rpe.load_module(src).RelativeBias                  # a torch nn.Module

`classify` goes through one `rpe classify` batch process that the module starts on
first use and keeps; the other calls run one CLI command each.
"""
from .client import (
    Client,
    RpeError,
    RpeInputError,
    check,
    classify,
    cli_command,
    default_client,
    export,
    load_module,
    slopes,
    trf,
)

__all__ = [
    "Client", "RpeError", "RpeInputError", "check", "classify", "cli_command", "default_client",
    "export", "load_module", "slopes", "trf",
]
__version__ = "0.1.0"

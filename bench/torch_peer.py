#!/usr/bin/env python3
"""PyTorch peer for `npm run bench:validator`.

Owns: timing the validator's exact architecture in PyTorch on the CPU, so the
TypeScript bench can print the tfjs/PyTorch step-time ratio on the same machine.
The architecture mirrors src/validate/model.ts: byte embedding (no positional
embedding), pre-LayerNorm blocks, bias-free linear layers, multi-head causal
attention whose logits are q.k/sqrt(d_head) + B[h, i, j] (B = ALiBi table with an
exact -inf causal mask, precomputed), tanh-approximated GELU MLP, final
LayerNorm, untied output layer, mean cross-entropy, Adam (0.9, 0.999, 1e-8).

Usage: python3 bench/torch_peer.py '{"layers":2,"dModel":64,"heads":4,"dMlp":256,
        "batch":16,"trainLen":64,"evalLen":1024,"steps":20,"warmup":3,"threads":1}'
Prints one JSON line: {"torch", "threads", "stepMs", "evalMs", ...}.
"""
import json
import math
import sys
import time

import torch
import torch.nn.functional as F


def alibi_table(heads: int, t: int) -> torch.Tensor:
    slopes = torch.tensor([2.0 ** (-8.0 * h / heads) for h in range(1, heads + 1)])
    i = torch.arange(t).view(t, 1)
    j = torch.arange(t).view(1, t)
    dist = (i - j).float()
    table = -slopes.view(heads, 1, 1) * dist.view(1, t, t)
    return table.masked_fill((j > i).view(1, t, t), float("-inf"))


class Block(torch.nn.Module):
    def __init__(self, d: int, heads: int, m: int):
        super().__init__()
        self.heads = heads
        self.ln1 = torch.nn.LayerNorm(d, eps=1e-5)
        self.qkv = torch.nn.Linear(d, 3 * d, bias=False)
        self.o = torch.nn.Linear(d, d, bias=False)
        self.ln2 = torch.nn.LayerNorm(d, eps=1e-5)
        self.w1 = torch.nn.Linear(d, m, bias=False)
        self.w2 = torch.nn.Linear(m, d, bias=False)

    def forward(self, x: torch.Tensor, table: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        h = self.heads
        dh = d // h
        qkv = self.qkv(self.ln1(x)).view(b, t, 3, h, dh).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        s = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(dh)) + table
        a = torch.softmax(s, dim=-1)
        o = torch.matmul(a, v).transpose(1, 2).reshape(b, t, d)
        x = x + self.o(o)
        return x + self.w2(F.gelu(self.w1(self.ln2(x)), approximate="tanh"))


class Model(torch.nn.Module):
    def __init__(self, vocab: int, d: int, heads: int, layers: int, m: int):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, d)
        self.blocks = torch.nn.ModuleList([Block(d, heads, m) for _ in range(layers)])
        self.ln = torch.nn.LayerNorm(d, eps=1e-5)
        self.out = torch.nn.Linear(d, vocab, bias=False)

    def forward(self, idx: torch.Tensor, table: torch.Tensor) -> torch.Tensor:
        x = self.emb(idx)
        for blk in self.blocks:
            x = blk(x, table)
        return self.out(self.ln(x))


def main() -> None:
    cfg = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    layers = cfg.get("layers", 2)
    d = cfg.get("dModel", 64)
    heads = cfg.get("heads", 4)
    m = cfg.get("dMlp", 4 * d)
    batch = cfg.get("batch", 16)
    tl = cfg.get("trainLen", 64)
    el = cfg.get("evalLen", 16 * tl)
    steps = cfg.get("steps", 20)
    warmup = cfg.get("warmup", 3)
    threads = cfg.get("threads", 1)
    vocab = 256
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    model = Model(vocab, d, heads, layers, m)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    table = alibi_table(heads, tl)
    x = torch.randint(0, vocab, (batch, tl + 1))
    inp, tgt = x[:, :-1], x[:, 1:]

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        logits = model(inp, table)
        loss = F.cross_entropy(logits.reshape(-1, vocab), tgt.reshape(-1))
        loss.backward()
        opt.step()

    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    step_ms = (time.perf_counter() - t0) * 1000.0 / steps

    etable = alibi_table(heads, el)
    ex = torch.randint(0, vocab, (1, el + 1))
    with torch.no_grad():
        model(ex[:, :-1], etable)
        reps = max(3, steps // 4)
        t0 = time.perf_counter()
        for _ in range(reps):
            logits = model(ex[:, :-1], etable)
            F.cross_entropy(logits.reshape(-1, vocab), ex[:, 1:].reshape(-1)).item()
        eval_ms = (time.perf_counter() - t0) * 1000.0 / reps
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(),
        "stepMs": step_ms, "evalMs": eval_ms, "evalLen": el,
        "batch": batch, "trainLen": tl, "layers": layers, "dModel": d, "heads": heads, "dMlp": m,
    }))


if __name__ == "__main__":
    main()

"""A decoder-only byte-level LM trained with an exported relative positional bias.

    rpe export "-m*n" --alibi-heads 8 -o bias.py
    torchrun --nproc_per_node=N examples/torch/train.py --bias bias.py --text corpus.txt

The bias module (from `rpe export --torch`) is the only position information: its
forward(T) table [H, T, T] is added to every layer's attention logits. Training uses
DistributedDataParallel (NCCL on GPUs, gloo on CPUs); after training, perplexity is
measured at the training length L and at 2L, 4L, 8L and 16L on the held-out tenth of
the text, as in the paper's length-extrapolation runs. Run it without torchrun for a
single process. Every rank can write its log (--log rank{rank}.json).
"""
import argparse
import importlib.util
import json
import math
import os
import time

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP


def load_bias(path):
    spec = importlib.util.spec_from_file_location("rpe_bias", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.RelativeBias()


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)
        self.ln2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))

    def forward(self, x, bias):
        B, T, D = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(B, T, 3, self.heads, D // self.heads).permute(2, 0, 3, 1, 4)
        logits = q @ k.transpose(-1, -2) / math.sqrt(D // self.heads) + bias  # bias [H, T, T], -inf above the diagonal
        y = (logits.softmax(-1) @ v).transpose(1, 2).reshape(B, T, D)
        x = x + self.out(y)
        return x + self.mlp(self.ln2(x))


class LM(nn.Module):
    def __init__(self, bias, dim, layers, vocab=256):
        super().__init__()
        self.bias = bias  # learnable parameters of the bias (--learnable) train with the model
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList(Block(dim, bias.heads) for _ in range(layers))
        self.ln = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, tokens):
        x = self.embed(tokens)
        table = self.bias(tokens.shape[1]).to(x.dtype)  # one table for all layers
        for block in self.blocks:
            x = block(x, table)
        return self.head(self.ln(x))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bias", required=True, help="module written by rpe export --torch")
    ap.add_argument("--text", required=True, help="any text file (bytes are the tokens)")
    ap.add_argument("--length", type=int, default=512, help="training length L")
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--batch", type=int, default=16, help="sequences per rank and step")
    ap.add_argument("--steps", type=int, default=10000)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--eval-multiples", default="1,2,4,8,16", help="evaluate at these multiples of L")
    ap.add_argument("--eval-tokens", type=int, default=1 << 20, help="held-out tokens per length (all ranks together)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--log", help="write this rank's losses and perplexities as JSON ({rank} is replaced)")
    args = ap.parse_args()

    distributed = "RANK" in os.environ
    cuda = torch.cuda.is_available()
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0))) if cuda else torch.device("cpu")
    if cuda:
        torch.cuda.set_device(device)
    torch.manual_seed(args.seed)  # the same initial weights on every rank

    data = torch.frombuffer(bytearray(open(args.text, "rb").read()), dtype=torch.uint8).long()
    split = int(0.9 * len(data))
    train, valid = data[:split], data[split:]
    if len(train) <= args.length + 1:
        raise SystemExit("the text is too short for --length %d" % args.length)

    model = LM(load_bias(args.bias), args.dim, args.layers).to(device)
    ddp = DDP(model, device_ids=[device.index] if cuda else None) if distributed else model
    opt = torch.optim.AdamW(ddp.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / args.warmup))
    gen = torch.Generator().manual_seed(args.seed * 1000 + rank)  # each rank draws its own batches

    losses = []
    t0 = time.time()
    for step in range(args.steps):
        starts = torch.randint(0, len(train) - args.length - 1, (args.batch,), generator=gen)
        seq = torch.stack([train[s:s + args.length + 1] for s in starts.tolist()]).to(device)
        loss = F.cross_entropy(ddp(seq[:, :-1]).flatten(0, 1), seq[:, 1:].flatten())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(ddp.parameters(), 1.0)
        opt.step()
        sched.step()
        mean = loss.detach().clone()
        if distributed:
            dist.all_reduce(mean)
            mean /= world
        losses.append(float(mean))
        if rank == 0 and (step % args.log_every == 0 or step == args.steps - 1):
            print("step %d  loss %.4f  %.1fs" % (step, losses[-1], time.time() - t0), flush=True)

    ppl = evaluate(model, valid, args, rank, world, device, distributed)
    if rank == 0:
        for T, p in ppl.items():
            print("ppl at %5d (%gL): %.3f" % (T, T / args.length, p), flush=True)
    if args.log:
        checksum = float(sum(p.detach().double().sum() for p in model.parameters()))
        with open(args.log.format(rank=rank), "w") as f:
            json.dump({"rank": rank, "world": world, "losses": losses, "ppl": {str(k): v for k, v in ppl.items()},
                       "checksum": checksum}, f)
    if distributed:
        dist.barrier()  # every rank has written its log before the group goes away
        dist.destroy_process_group()


@torch.no_grad()
def evaluate(model, valid, args, rank, world, device, distributed):
    """Perplexity on non-overlapping windows of each length; the windows are shared out among the ranks."""
    model.eval()
    out = {}
    for mult in (int(x) for x in args.eval_multiples.split(",")):
        T = mult * args.length
        windows = min((len(valid) - 1) // T, max(1, args.eval_tokens // T))
        nll = torch.zeros(2, dtype=torch.float64, device=device)
        for w in range(rank, windows, world):
            seq = valid[w * T:w * T + T + 1].to(device)[None]
            logits = model(seq[:, :-1])
            nll[0] += F.cross_entropy(logits[0], seq[0, 1:], reduction="sum").double()
            nll[1] += T
        if distributed:
            dist.all_reduce(nll)
        if nll[1] > 0:
            out[T] = math.exp(float(nll[0] / nll[1]))
    model.train()
    return out


if __name__ == "__main__":
    main()

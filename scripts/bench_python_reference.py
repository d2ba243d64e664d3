#!/usr/bin/python3
"""Times in Python torch the same work that `seqgan bench` times in C#, over the same libtorch.

Run with Debian's torch (apt-get install python3-torch):  /usr/bin/python3 scripts/bench_python_reference.py
The models mirror SeqGan.Research exactly (fused LSTM gates with x @ W orientation, conv1d per filter
width, highway, dropout 0.25, 2-way output with L2 0.2), so the ratio C#/Python is the bridge's cost.
"""
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(int(os.environ.get("SEQGAN_NUM_THREADS", os.cpu_count())))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
V, E, H, T = 5000, 32, 32, 20


def median_of(measure):
    return statistics.median(measure() for _ in range(RUNS))


def call_overhead(calls=100_000):
    a, b = torch.tensor([1.0]), torch.tensor([2.0])
    for _ in range(10_000):
        a + b
    def run():
        start = time.perf_counter()
        for _ in range(calls):
            a + b
        return (time.perf_counter() - start) / calls * 1e6
    return median_of(run)


def generator_step(batch, steps=200):
    torch.manual_seed(1)
    emb = torch.randn(V, E) * 0.1
    W, U, b = torch.randn(E, 4 * H) * 0.1, torch.randn(H, 4 * H) * 0.1, torch.randn(4 * H) * 0.1
    Wo, bo = torch.randn(H, V) * 0.1, torch.randn(V) * 0.1
    h = torch.zeros(batch, H)
    c = torch.zeros(batch, H)
    tokens = torch.zeros(batch, dtype=torch.long)

    def step():
        x = F.embedding(tokens, emb)
        gates = torch.addmm(b, x, W) + h.matmul(U)
        sig = gates.narrow(1, 0, 3 * H).sigmoid()
        i, f, o = sig.narrow(1, 0, H), sig.narrow(1, H, H), sig.narrow(1, 2 * H, H)
        cand = gates.narrow(1, 3 * H, H).tanh()
        c2 = f * c + i * cand
        h2 = o * c2.tanh()
        logits = torch.addmm(bo, h2, Wo)
        probs = logits.softmax(1)
        cdf = probs.cumsum(1)
        u = torch.rand(batch, 1) * cdf.narrow(1, V - 1, 1)
        return torch.searchsorted(cdf, u, right=True).clamp_max_(V - 1).squeeze(1)

    with torch.no_grad():
        for _ in range(20):
            step()
        def run():
            start = time.perf_counter()
            for _ in range(steps):
                step()
            return steps / (time.perf_counter() - start)
        return median_of(run)


def discriminator_step(batch=1024, steps=3):
    torch.manual_seed(1)
    widths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]
    counts = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160]
    emb = (torch.rand(V, 64) * 2 - 1).requires_grad_()
    convs = [((torch.randn(n, 64, w) * 0.1).requires_grad_(), torch.full((n,), 0.1, requires_grad=True)) for w, n in zip(widths, counts)]
    total = sum(counts)
    bound = total ** -0.5
    Wt, bt = (torch.rand(total, total) * 2 * bound - bound).requires_grad_(), torch.zeros(total, requires_grad=True)
    Wg, bg = (torch.rand(total, total) * 2 * bound - bound).requires_grad_(), torch.zeros(total, requires_grad=True)
    Wo, bo = (torch.randn(total, 2) * 0.1).requires_grad_(), torch.full((2,), 0.1, requires_grad=True)
    params = [emb, Wt, bt, Wg, bg, Wo, bo] + [p for pair in convs for p in pair]
    tokens = torch.randint(0, V, (batch, T))
    labels = torch.randint(0, 2, (batch,))

    def step():
        for p in params:
            p.grad = None
        x = F.embedding(tokens, emb).transpose(1, 2)
        feats = torch.cat([F.conv1d(x, w, bias).relu().amax(2) for w, bias in convs], 1)
        transformed = torch.addmm(bt, feats, Wt).relu()
        gate = torch.addmm(bg, feats, Wg).sigmoid()
        hw = gate * transformed + (1 - gate) * feats
        logits = torch.addmm(bo, F.dropout(hw, 0.25, True), Wo)
        loss = F.nll_loss(logits.log_softmax(1), labels) + 0.2 * 0.5 * (Wo.square().sum() + bo.square().sum())
        loss.backward()

    step()
    def run():
        start = time.perf_counter()
        for _ in range(steps):
            step()
        return (time.perf_counter() - start) / steps * 1e3
    return median_of(run)


print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, runs {RUNS}")
print(f"bridge call overhead (1-element add)\t{call_overhead():.4g}\tus/call")
for batch in (64, 1024):
    print(f"generator step, batch {batch}\t{generator_step(batch):.4g}\tsteps/s")
print(f"discriminator forward+backward, batch 1024\t{discriminator_step():.4g}\tms/step")

#!/usr/bin/python3
"""Times NLTK on Texygen's BLEU (mean sentence BLEU-4 of every hypothesis against all references, method1
smoothing) for the workload scripts/bench_bleu.cs times in C#, and writes that workload for it to read.

    /usr/bin/python3 scripts/bench_bleu_nltk.py /tmp/bleu-bench      # needs apt-get install python3-nltk
    dotnet run scripts/bench_bleu.cs -c Release -- /tmp/bleu-bench

Default workload: 2,000 references and 200 hypotheses of 20 uniform random ids from a vocabulary of 5,000
(the synthetic-data shape of the SeqGAN paper). Timed both in one process and, as Texygen runs it, with a
multiprocessing Pool over all cores.
"""
import json
import os
import random
import sys
import time
from multiprocessing import Pool

import nltk
from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu

REFERENCES, HYPOTHESES, LENGTH, VOCAB, ORDER = 2000, 200, 20, 5000, 4
WEIGHTS = tuple((1.0 / ORDER for _ in range(ORDER)))


def score(args):
    references, hypothesis = args
    return sentence_bleu(references, hypothesis, WEIGHTS, smoothing_function=SmoothingFunction().method1)


def mean_in_order(scores):
    total = 0.0
    for value in scores:
        total += value
    return total / len(scores)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bleu-bench"
    os.makedirs(out, exist_ok=True)
    rng = random.Random(5000)
    references = [[rng.randrange(VOCAB) for _ in range(LENGTH)] for _ in range(REFERENCES)]
    hypotheses = [[rng.randrange(VOCAB) for _ in range(LENGTH)] for _ in range(HYPOTHESES)]
    for name, rows in (("references.txt", references), ("hypotheses.txt", hypotheses)):
        with open(os.path.join(out, name), "w") as f:
            f.writelines(" ".join(map(str, row)) + "\n" for row in rows)

    start = time.perf_counter()
    serial = mean_in_order([score((references, h)) for h in hypotheses])
    serial_s = time.perf_counter() - start

    start = time.perf_counter()
    with Pool(os.cpu_count()) as pool:
        pooled = mean_in_order(pool.map(score, [(references, h) for h in hypotheses]))
    pooled_s = time.perf_counter() - start

    result = {"nltk": nltk.__version__, "cores": os.cpu_count(), "bleu": serial, "bleu_pool": pooled,
              "seconds_one_process": serial_s, "seconds_pool": pooled_s}
    with open(os.path.join(out, "nltk.json"), "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes the NLTK reference values the C# BLEU tests compare against.

Run with Debian's NLTK (apt-get install python3-nltk; NLTK 3.8):
    /usr/bin/python3 scripts/make_bleu_reference_cases.py \
        > tests/SeqGan.Research.Tests/Metrics/bleu_reference_cases.json

Every value comes from NLTK itself, called the way Texygen (geek-ai/Texygen, utils/metrics/Bleu.py and
SelfBleu.py) calls it: weights tuple(1. / n for _ in range(n)), SmoothingFunction().method1, per-sentence
scores added in order with a running float sum and divided by their count. Token ids are ints; NLTK only
needs them hashable, so no text tokenisation is involved. The output is deterministic (fixed seeds).

"file_groups" are text files as `seqgan eval bleu` reads them (one sequence per line, tokens split on
whitespace, a blank line an empty sequence), scored with method1 and method0 (no smoothing).

With --nltk-3.2.1 FILE it writes instead the cases of NLTK 3.2.1's unsmoothed sentence_bleu (the formula the
original pg_bleu/rollout.py ran in 2016), FILE being that release's nltk/translate/bleu_score.py:
    git -C nltk show 3.2.1:nltk/translate/bleu_score.py > /tmp/bleu_score_3_2_1.py
    /usr/bin/python3 scripts/make_bleu_reference_cases.py --nltk-3.2.1 /tmp/bleu_score_3_2_1.py \
        > tests/SeqGan.Research.Tests/Metrics/bleu_nltk_3_2_1_cases.json
(it imports nltk.util.ngrams from the installed NLTK; the module runs unchanged on Python 3.11).
"""
import json
import random
import sys

import nltk
from nltk.translate.bleu_score import (
    SmoothingFunction,
    closest_ref_length,
    corpus_bleu,
    modified_precision,
    sentence_bleu,
)

SMOOTHING = SmoothingFunction().method1


def weights(n):
    return tuple((1.0 / n for _ in range(n)))


def sentence(references, hypothesis, n):
    return sentence_bleu(references, hypothesis, weights(n), smoothing_function=SMOOTHING)


def texygen_mean(scores):
    score, count = 0.0, 0
    for value in scores:
        score += value
        count += 1
    return score / count


def random_sequences(rng, count, vocab, min_len, max_len, offset=0):
    return [[offset + rng.randrange(vocab) for _ in range(rng.randint(min_len, max_len))] for _ in range(count)]


def reference_group(name, references, hypotheses, n):
    """Sentence BLEU of each hypothesis against all references, Texygen's average, and corpus BLEU."""
    per_hypothesis = []
    for hypothesis in hypotheses:
        per_hypothesis.append({
            "hypothesis": hypothesis,
            "bleu": sentence(references, hypothesis, n),
            # NLTK's Fraction(_normalize=False) keeps the raw numerator and the max(1, ...) denominator.
            "matches": [modified_precision(references, hypothesis, k).numerator for k in range(1, n + 1)],
            "totals": [modified_precision(references, hypothesis, k).denominator for k in range(1, n + 1)],
            "closest_ref_len": closest_ref_length(references, len(hypothesis)),
        })
    return {
        "name": name,
        "order": n,
        "references": references,
        "hypotheses": per_hypothesis,
        "texygen_average": texygen_mean(h["bleu"] for h in per_hypothesis),
        "corpus_bleu": corpus_bleu([references] * len(hypotheses), hypotheses, weights(n), smoothing_function=SMOOTHING),
    }


def corpus_group(name, references_per_hypothesis, hypotheses, n):
    return {
        "name": name,
        "order": n,
        "references_per_hypothesis": references_per_hypothesis,
        "hypotheses": hypotheses,
        "corpus_bleu": corpus_bleu(references_per_hypothesis, hypotheses, weights(n), smoothing_function=SMOOTHING),
    }


def self_bleu_group(name, sequences, n):
    """Texygen's SelfBleu.get_bleu_parallel: sequence i against sequences[:i] + sequences[i+1:]."""
    scores = [sentence(sequences[:i] + sequences[i + 1:], sequences[i], n) for i in range(len(sequences))]
    return {"name": name, "order": n, "sequences": sequences, "sentence_scores": scores, "self_bleu": texygen_mean(scores)}


def edge_case_group(n):
    references = [
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],   # length 11
        [1, 2, 3, 9, 9, 4, 5, 6, 7, 8, 2, 3, 4],  # length 13: a hypothesis of 12 ties between 11 and 13
        [7, 7, 7, 1, 2],
        [3],                                  # shorter than every order but 1
        [],                                   # empty reference: NLTK counts nothing and its length is 0
        [-1, 2147483647, -2147483648, 5, 0],  # extreme ids: the n-gram key must not collide or overflow
    ]
    hypotheses = [
        [],                                   # empty: NLTK returns 0 before smoothing
        [1],                                  # shorter than n: higher orders get 0.1 / max(1, 0)
        [1, 2],
        [2, 1, 3],
        [1, 2, 3, 4][:max(1, n - 1)],         # exactly n-1 tokens
        [100, 101, 102, 103, 104],            # no overlap at all: 0
        [1, 3, 5, 7, 9, 11],                  # unigram overlap, no bigram overlap: smoothed
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],  # identical to a reference: 1.0
        [7, 7, 7, 7, 7, 7, 7],                # clipping: at most 3 sevens count
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],  # length 12: closest length is the shorter of 11 and 13
        [1, 2, 3, 9, 9, 4, 5, 6, 7, 8, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],  # longer than all: brevity penalty 1
        [2147483647, -2147483648, 5, 0, -1],
        [-1, 2147483647, -2147483648, 5, 0],
        [0, 0, 0, 0],
        [3],
    ]
    return reference_group(f"edge cases, BLEU-{n}", references, hypotheses, n)


def file_group(name, candidate_lines, reference_lines, n):
    """What `seqgan eval bleu --corpus --self` prints for these two files, per NLTK smoothing."""
    candidates = [line.split() for line in candidate_lines]
    references = [line.split() for line in reference_lines]
    results = {}
    for label, smoothing in (("method1", SmoothingFunction().method1), ("none", SmoothingFunction().method0)):
        scores = [sentence_bleu(references, c, weights(n), smoothing_function=smoothing) for c in candidates]
        self_scores = [sentence_bleu(candidates[:i] + candidates[i + 1:], candidates[i], weights(n), smoothing_function=smoothing)
                       for i in range(len(candidates))]
        results[label] = {
            "bleu": texygen_mean(scores),
            "corpus_bleu": corpus_bleu([references] * len(candidates), candidates, weights(n), smoothing_function=smoothing),
            "self_bleu": texygen_mean(self_scores),
        }
    return {"name": name, "order": n, "candidate_lines": candidate_lines, "reference_lines": reference_lines, "results": results}


def file_groups():
    rng = random.Random(20160918)  # the original repository's first commit; a stream of its own, so the groups above keep their values
    words = ["the", "cat", "sat", "on", "mat", "a", "dog", "log"]
    references = ["the cat sat on the mat", "", "there is a cat on the mat", "a dog sat on a log"]
    groups = [
        # An empty candidate scores 0 and counts in the mean; an empty reference has length 0, so for the
        # one-token candidate "the" it is the closest length and the brevity penalty is 1, not exp(1 - 6).
        file_group("blank lines in both files, BLEU-2", ["the cat sat on the mat", "", "the", "", "a dog sat on the log"], references, 2),
        file_group("blank lines in both files, BLEU-4", ["the cat sat on the mat", "", "the", "", "a dog sat on the log"], references, 4),
        file_group("every candidate blank: 0", ["", "", ""], references, 3),
    ]
    for n in (1, 2, 3):
        lines = lambda count: [" ".join(rng.choice(words) for _ in range(rng.randint(0, 7))) for _ in range(count)]
        groups.append(file_group(f"random lines with blanks, BLEU-{n}", lines(12), lines(9), n))
    return groups


def nltk_3_2_1_cases(path):
    """NLTK 3.2.1's sentence_bleu(references, hypothesis, weights) with no smoothing function."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bleu_score_3_2_1", path)
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    rng = random.Random(8800)  # pg_bleu.py's SEED = 88
    groups = []
    for n, vocab, count in ((3, 12, 40), (3, 30, 200), (2, 40, 100), (4, 8, 30)):
        references = random_sequences(rng, count, vocab, 20, 20)
        hypotheses = random_sequences(rng, 40, vocab, 20, 20) + [list(references[0]), [vocab + 1] * 20]
        cases = []
        for hypothesis in hypotheses:
            # (1.0 / 3, 1.0 / 3, 1.0 / 3) as pg_bleu.py:165 passes it; 3.2.1 needs the hypothesis to have every order.
            cases.append({"hypothesis": hypothesis, "bleu": old.sentence_bleu(references, hypothesis, tuple(1.0 / n for _ in range(n)))})
        groups.append({"name": f"length 20, vocab {vocab}, {count} references, BLEU-{n}", "order": n, "references": references, "hypotheses": cases})
    return {"generator": "scripts/make_bleu_reference_cases.py --nltk-3.2.1", "nltk_version": "3.2.1 (bleu_score.py of tag 3.2.1)",
            "python_version": sys.version.split()[0], "groups": groups}


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--nltk-3.2.1":
        json.dump(nltk_3_2_1_cases(sys.argv[2]), sys.stdout, separators=(",", ":"))
        sys.stdout.write("\n")
        return
    rng = random.Random(20170204)  # SeqGAN's AAAI 2017 date
    groups = []
    for n in (1, 2, 3, 4, 5):
        groups.append(edge_case_group(n))
    for n in (2, 3, 4, 5):
        groups.append(reference_group(f"vocab 5, varied lengths, BLEU-{n}",
                                      random_sequences(rng, 12, 5, 3, 14), random_sequences(rng, 25, 5, 0, 16), n))
        groups.append(reference_group(f"vocab 20, length 20, BLEU-{n}",
                                      random_sequences(rng, 60, 20, 20, 20), random_sequences(rng, 30, 20, 20, 20), n))
    many = random_sequences(rng, 400, 30, 15, 25)
    for n in (2, 4):
        groups.append(reference_group(f"400 references, vocab 30, BLEU-{n}", many, random_sequences(rng, 12, 30, 10, 30), n))
    # Hypotheses drawn from the references themselves score 1 unless brevity or nothing else interferes.
    refs = random_sequences(rng, 20, 8, 6, 12)
    groups.append(reference_group("hypotheses copied from references, BLEU-4", refs, [list(r) for r in refs[:6]], 4))

    corpus = []
    for n in (2, 3, 4, 5):
        hyps = random_sequences(rng, 8, 6, 0, 12)
        per = [random_sequences(rng, rng.randint(1, 4), 6, 1, 14) for _ in hyps]
        corpus.append(corpus_group(f"random, vocab 6, BLEU-{n}", per, hyps, n))
    corpus.append(corpus_group("no unigram overlap anywhere: 0", [[[1, 2, 3]], [[4, 5]]], [[7, 8], [9]], 4))
    corpus.append(corpus_group("all hypotheses empty: 0", [[[1, 2, 3]], [[4, 5]]], [[], []], 4))
    corpus.append(corpus_group("short hypotheses, BLEU-5", [[[1, 2, 3, 4, 5, 6]], [[1, 2], [2, 1, 2]], [[3, 3, 3]]],
                               [[1, 2], [2, 1, 2], [3]], 5))

    self_bleu = []
    for n in (2, 3, 4, 5):
        self_bleu.append(self_bleu_group(f"30 sequences, vocab 10, BLEU-{n}", random_sequences(rng, 30, 10, 8, 20), n))
    base = random_sequences(rng, 12, 6, 5, 12)
    with_duplicates = base + [list(base[0]), list(base[3]), list(base[3])]
    rng.shuffle(with_duplicates)
    for n in (2, 4):
        self_bleu.append(self_bleu_group(f"with duplicates, BLEU-{n}", with_duplicates, n))
    # Sequence 0 alone holds the highest count of 1-grams/2-grams of 1: leaving it out must fall back to the runner-up.
    self_bleu.append(self_bleu_group("maximum count owned by one sequence, BLEU-3",
                                     [[1, 1, 1, 1, 1, 2], [1, 1, 2, 3], [1, 2, 3, 1], [4, 1, 1, 1, 5], [2, 3]], 3))
    self_bleu.append(self_bleu_group("two sequences, BLEU-2", [[1, 2, 3, 4], [1, 2, 4, 3, 5]], 2))
    self_bleu.append(self_bleu_group("short and empty sequences, BLEU-4", [[1], [1, 2], [], [2, 1, 2], [3, 1, 2, 3, 1]], 4))

    json.dump({
        "generator": "scripts/make_bleu_reference_cases.py",
        "nltk_version": nltk.__version__,
        "python_version": sys.version.split()[0],
        "smoothing": "SmoothingFunction().method1 (epsilon 0.1)",
        "weights": "uniform, tuple(1. / n for _ in range(n))",
        "reference_groups": groups,
        "corpus_groups": corpus,
        "self_bleu_groups": self_bleu,
        "file_groups": file_groups(),
    }, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

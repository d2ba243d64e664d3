#!/usr/bin/python3
"""Writes data/catalog.json: every dataset file the kit uses, with its public source and sha256.

    /usr/bin/python3 scripts/make_data_catalog.py /path/to/shared/data > data/catalog.json

The provenance below (repository, commit, path, license) is transcribed from each dataset's SOURCE.md
in the mirror. Sizes and hashes are computed from the mirror's files and cross-checked against SOURCE.md
(or nottingham/SHA256SUMS.txt for the ABC files): the script stops if any of them disagrees, so the
catalog cannot silently record a corrupt mirror.

Files the kit maintainers derived themselves (conversions, note lists, reference numbers) have no public
URL: they are "mirror-only" (url null) and name the catalog entries or folders they were derived from.
"""
import hashlib
import json
import os
import re
import sys

RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"

SEQGAN = ("LantaoYu/SeqGAN", "e2b52fb6309851b14765290e8a972ccac09f1bec")
SEQGAN_FIRST = ("LantaoYu/SeqGAN", "4152436cb6fed67d3dec0512639d9f6967a7b2de")
TEXYGEN = ("geek-ai/Texygen", "3104e22ac75f3cc2070da2bf5e2da6d2bef149ad")
RNNPG = ("nlpProjectPKU/RNNPG-AI-Poet", "0d81186bb767ad9261dc381058be30c94ae6c4bd")
OBAMA = ("tcontois/Obama-Speech-Generator", "7010e0cbacd76072f4374cae01e84327e1d0a990")
JUKEDECK = ("jukedeck/nottingham-dataset", "0992bb6cd864f6d4b90d6663e08c0ef53ffaa08f")
ORGAN = ("gablg1/ORGAN", "1e4494127f90ff2cb07842619a7c4559bc8899e9")

LICENSES = {
    "seqgan_oracle": "none stated (LantaoYu/SeqGAN has no LICENSE file)",
    "chinese_poems/shi": "MIT (geek-ai/Texygen); the poems are classical public-domain texts",
    "chinese_poems/zl": "none stated (no LICENSE in nlpProjectPKU/RNNPG-AI-Poet); the original rnnpg_data_emnlp-2014 release is for research use only",
    "obama_speeches": "none stated (tcontois/Obama-Speech-Generator has no LICENSE); the speeches are US-government works (public domain)",
    "nottingham": "GPL-3.0 (jukedeck/nottingham-dataset); tunes from the Nottingham Music Database",
    "organ_music": "GPL-2.0 (gablg1/ORGAN)",
    "texygen": "MIT (geek-ai/Texygen)",
}

ABC_FILES = ["ashover", "hpps", "jigs", "morris", "playford", "reelsa-c", "reelsd-g", "reelsh-l",
             "reelsm-q", "reelsr-t", "reelsu-z", "slip", "waltzes", "xmas"]
ABC_CLEANED_TUNES = {"ashover": 46, "hpps": 65, "jigs": 340, "morris": 31, "playford": 15, "reelsa-c": 81,
                     "reelsd-g": 84, "reelsh-l": 90, "reelsm-q": 80, "reelsr-t": 92, "reelsu-z": 34,
                     "slip": 11, "waltzes": 52, "xmas": 13}
MIDI_NOTE = ("the 1,034 melody-only MIDI files (upstream MIDI/melody/NAME.mid of jukedeck/nottingham-dataset at "
             f"{JUKEDECK[1]}; mirrored as nottingham/MIDI_melody/, sha256 of each in nottingham/SHA256SUMS.txt; "
             "not catalogued file by file)")


def upstream(path, source, upstream_path, license_key, note):
    repo, commit = source
    return {"path": path, "url": RAW.format(repo=repo, commit=commit, path=upstream_path),
            "license": LICENSES[license_key], "derivedFrom": [], "note": note}


def derived(path, derived_from, license_key, note):
    return {"path": path, "url": None, "license": LICENSES[license_key], "derivedFrom": derived_from,
            "note": "mirror-only (made by the kit maintainers, no public URL): " + note}


def entries():
    yield upstream("seqgan_oracle/original/target_params.pkl", SEQGAN, "save/target_params.pkl", "seqgan_oracle",
                   "The paper's oracle LSTM: Python-2 pickle (protocol 0) of a list of 15 float32 numpy arrays "
                   "(embedding, W/U/b of the i, f, o, c gates, output W and b). The public source of the oracle; "
                   "the kit reads it directly. Same blob since the first commit (then MLE_SeqGAN/save/target_params.pkl).")
    yield upstream("seqgan_oracle/original/target_params_py3.pkl", SEQGAN, "save/target_params_py3.pkl", "seqgan_oracle",
                   "The same 15 arrays re-pickled with protocol 3 (added in aa79a6f); bit-identical values.")
    yield upstream("seqgan_oracle/original/experiment-log.txt", SEQGAN, "save/experiment-log.txt", "seqgan_oracle",
                   "Reference oracle-NLL curve of the original code: MLE pretraining, then adversarial training "
                   "(stops at iteration 150 of 200).")
    yield upstream("seqgan_oracle/original/real_data.txt", SEQGAN_FIRST, "MLE_SeqGAN/save/real_data.txt", "seqgan_oracle",
                   "9,984 oracle samples of 20 token ids, committed only in the first commit (deleted later, so the "
                   "URL pins that commit). The oracle's per-token NLL on it is 5.7609.")
    yield derived("seqgan_oracle/target_params.safetensors", ["seqgan_oracle/original/target_params.pkl"], "seqgan_oracle",
                  "safetensors conversion of target_params.pkl (names embedding, lstm.W_i ... lstm.b_c, output.W, "
                  "output.b), bit-identical tensors. Without a mirror the kit loads the pickle instead.")
    yield derived("seqgan_oracle/target_params.json", ["seqgan_oracle/original/target_params.pkl"], "seqgan_oracle",
                  "names, shapes, roles and equations of the 15 oracle tensors (documentation).")
    yield derived("seqgan_oracle/reference_values.json",
                  ["seqgan_oracle/target_params.safetensors", "seqgan_oracle/original/real_data.txt"], "seqgan_oracle",
                  "reference numbers computed in numpy float64 (step-0 state and top-10 tokens, per-step log-probs "
                  "of the first sequences of real_data.txt) that the oracle tests compare against.")

    yield upstream("chinese_poems/shi.txt", TEXYGEN, "data/shi.txt", "chinese_poems/shi",
                   "16,394 five-character quatrains (the paper's count), one per line, characters and the punctuation "
                   "，/。 separated by spaces (24 tokens); drop the punctuation for SeqGAN's 20 tokens. Added in 2c08674.")
    zl = {"qtrain5": "training set, 11,274 five-character quatrains",
          "qvalid5": "validation set, 1,000 five-character quatrains",
          "qtest5": "test set, 1,025 five-character quatrains",
          "qtrain7": "training set, seven-character quatrains cut to the first 15,000 by that repository",
          "qvalid7": "validation set, 1,000 seven-character quatrains",
          "qtest7": "test set, 1,025 seven-character quatrains"}
    for name, what in zl.items():
        yield upstream(f"chinese_poems/zhang_lapata_2014/{name}.txt", RNNPG, f"data/{name}", "chinese_poems/zl",
                       f"Zhang & Lapata 2014 {what}; lines separated by TAB, characters by spaces, no punctuation, "
                       f"no final newline. Upstream name data/{name} (no extension). Not the paper's set: a fallback.")

    yield upstream("obama_speeches/obama_speeches.txt", OBAMA, "obama_speeches.txt", "obama_speeches",
                   "SUBSTITUTE corpus: 6,921 paragraphs (one per line, blank lines between speeches) instead of the "
                   "paper's 11,092, so BLEU on it is not comparable with the paper. This version is blob aaeab046; "
                   "later commits of the repository hold other versions.")

    for name in ABC_FILES:
        yield upstream(f"nottingham/ABC_original/{name}.abc", JUKEDECK, f"ABC_original/{name}.abc", "nottingham",
                       "Nottingham Music Database ABC file, untouched.")
    for name in ABC_FILES:
        yield upstream(f"nottingham/ABC_cleaned/{name}.abc", JUKEDECK, f"ABC_cleaned/{name}.abc", "nottingham",
                       f"jukedeck's cleaned ABC ({ABC_CLEANED_TUNES[name]} tunes); the melody MIDI files were made from these.")
    yield derived("nottingham/SHA256SUMS.txt",
                  ["nottingham/ABC_original/", "nottingham/ABC_cleaned/", "nottingham/MIDI_melody/"], "nottingham",
                  "sha256 of the 28 ABC files and of " + MIDI_NOTE + ".")
    yield derived("nottingham/melody_notes.json", ["nottingham/MIDI_melody/"], "nottingham",
                  "{\"tunes\": {name: [[onset_s, dur_s, midi_pitch], ...]}} for all 1,034 tunes, parsed from " + MIDI_NOTE + ".")
    yield derived("nottingham/melody_pitch_0.4s.csv", ["nottingham/MIDI_melody/"], "nottingham",
                  "the paper's representation: columns tune,length,sequence; one value every 0.4 s from t = 0, "
                  "MIDI pitch - 20 (piano key 1..88), 0 = rest, the latest-starting note wins; from " + MIDI_NOTE + ".")

    organ_pickles = {"music_folk_short": "5,000 int64 numpy arrays of length 36 (note/hold tokens)",
                     "music_folk_veryshort": "1,000 int64 numpy arrays of length 36",
                     "music_random": "5,000 length-36 arrays of uniform random notes 0..47 (a control set)"}
    for name, what in organ_pickles.items():
        yield upstream(f"organ_music/original/{name}.pkl", ORGAN, f"data/{name}.pkl", "organ_music",
                       f"Python-3 pickle: {what}; the form ORGAN's released code loads.")
    yield upstream("organ_music/original/music_large.txt", ORGAN, "data/music_large.txt", "organ_music",
                   "Header 'Total songs: 1037', then the 1,037 NMD tunes in ABC; ORGAN's 2017 music runs trained on it.")
    yield upstream("organ_music/original/music_small.txt", ORGAN, "data/music_small.txt", "organ_music",
                   "Header 'Total Songs: 340', then the first 80 ABC tunes of the NMD jigs file.")
    for name in organ_pickles:
        yield derived(f"organ_music/{name}.csv", [f"organ_music/original/{name}.pkl"], "organ_music",
                      "the pickle's sequences as text (python3 + numpy): one per line, 36 space-separated integers.")

    yield upstream("texygen/image_coco.txt", TEXYGEN, "data/image_coco.txt", "texygen",
                   "Texygen's MS-COCO caption training set: 10,000 lines, no final newline.")
    yield upstream("texygen/testdata/test_coco.txt", TEXYGEN, "data/testdata/test_coco.txt", "texygen",
                   "Texygen's MS-COCO caption test set (BLEU references): 10,000 lines, no final newline.")
    yield upstream("texygen/testdata/test_emnlp.txt", TEXYGEN, "data/testdata/test_emnlp.txt", "texygen",
                   "Texygen's EMNLP2017 WMT News test set: 10,000 tokenised sentences.")


def check_against_source(mirror, entry):
    """Stops unless SOURCE.md (or SHA256SUMS.txt for the ABC files) records this file's hash and size."""
    dataset = entry["path"].split("/")[0]
    source = open(os.path.join(mirror, dataset, "SOURCE.md"), encoding="utf-8").read()
    if "/ABC_" in entry["path"]:
        sums = open(os.path.join(mirror, "nottingham", "SHA256SUMS.txt"), encoding="utf-8").read().split("\n")
        relative = entry["path"][len("nottingham/"):]
        if f"{entry['sha256']}  {relative}" not in sums:
            sys.exit(f"{entry['path']}: sha256 {entry['sha256']} not in nottingham/SHA256SUMS.txt")
        return
    if entry["sha256"] not in source:
        sys.exit(f"{entry['path']}: sha256 {entry['sha256']} is not the one {dataset}/SOURCE.md records")
    # SOURCE.md gives SHA256SUMS.txt's hash but not its size.
    if entry["path"] != "nottingham/SHA256SUMS.txt" and f"{entry['size']:,}" not in source:
        sys.exit(f"{entry['path']}: size {entry['size']:,} bytes is not the one {dataset}/SOURCE.md records")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    mirror = sys.argv[1]
    files = []
    for entry in entries():
        with open(os.path.join(mirror, entry["path"]), "rb") as f:
            content = f.read()
        entry = {"dataset": entry["path"].split("/")[0], "path": entry["path"], "url": entry["url"],
                 "sha256": hashlib.sha256(content).hexdigest(), "size": len(content), "license": entry["license"],
                 "derivedFrom": entry["derivedFrom"], "note": entry["note"]}
        check_against_source(mirror, entry)
        files.append(entry)
    # SOURCE.md gives the ABC folders as totals only.
    for folder, total in [("ABC_original", 452499), ("ABC_cleaned", 446020)]:
        size = sum(e["size"] for e in files if f"/{folder}/" in e["path"])
        if size != total:
            sys.exit(f"nottingham/{folder}: {size:,} bytes in all, SOURCE.md says {total:,}")
    paths = {e["path"] for e in files}
    for e in files:
        for d in e["derivedFrom"]:
            if not d.endswith("/") and d not in paths:
                sys.exit(f"{e['path']}: derivedFrom {d} is not a catalog entry")
    catalog = {
        "format": 1,
        "about": "Every dataset file the SeqGan.Research kit uses: the public source (raw file of the original "
                 "repository at a pinned commit), size and sha256. Paths are laid out like shared/data; "
                 "`seqgan data fetch` fills data/cache/ from the URLs or from a mirror folder. Entries with a null "
                 "url are mirror-only files the kit maintainers derived; derivedFrom names their inputs (a path "
                 "ending in / is a folder not catalogued file by file). Written by scripts/make_data_catalog.py.",
        "files": files,
    }
    json.dump(catalog, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


main()

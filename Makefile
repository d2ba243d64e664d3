# Convenience targets; README gives the two commands that matter.
.PHONY: bootstrap build test info bench bench-python bench-bleu bleu-cases

bootstrap:
	scripts/bootstrap.sh

build: bootstrap
	dotnet build -c Release SeqGan.Research.slnx

test:
	scripts/test.sh

info: bootstrap
	dotnet run --project SeqGan.Research.Cli -c Release -- info

bench: bootstrap
	dotnet run --project SeqGan.Research.Cli -c Release -- bench --runs 5

bench-python:
	scripts/bootstrap.sh --python && /usr/bin/python3 scripts/bench_python_reference.py 5

# NLTK vs SeqGan.Research.Metrics on Texygen's BLEU-4 (200 hypotheses x 2,000 references); same data, same score
bench-bleu:
	scripts/bootstrap.sh --python && /usr/bin/python3 scripts/bench_bleu_nltk.py /tmp/bleu-bench && \
	  dotnet run scripts/bench_bleu.cs -c Release -- /tmp/bleu-bench

# Regenerate the NLTK values the BLEU tests compare against
bleu-cases:
	scripts/bootstrap.sh --python && \
	  /usr/bin/python3 scripts/make_bleu_reference_cases.py > tests/SeqGan.Research.Tests/Metrics/bleu_reference_cases.json

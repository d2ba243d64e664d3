# Convenience targets; README gives the two commands that matter.
.PHONY: bootstrap build test info bench bench-python

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

#!/usr/bin/env bash
# The full benchmark suite, as run for docs/benchmark-results.md and docs/benchmark-results.svg:
# installs what it needs where it is missing (Debian), builds the jars, and runs `all`.
#
#   benchmarks/run-benchmarks.sh            # the real run: several minutes on a 2-core machine
#   benchmarks/run-benchmarks.sh --quick    # a smoke test: about two minutes, numbers are not results
#
# Any option of `java -jar benchmarks/target/benchmarks.jar all` may follow (--rounds, --seconds, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

install_packages() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "run-benchmarks.sh: please install $* (needs apt-get to do it itself)" >&2
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

missing=()
command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# http-load's load generator.
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  install_packages "${missing[@]}"
fi

# Always built: numbers measured on stale jars would be worse than none, and an up-to-date build is quick.
mvn -B -q -DskipTests package

exec java -jar benchmarks/target/benchmarks.jar all "$@"

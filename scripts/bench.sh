#!/usr/bin/env bash
# Runs the JMH benchmarks (examples/src/main/java/dev/canarykit/examples/bench) with the GC profiler.
# Usage: scripts/bench.sh [JMH args...]   e.g. scripts/bench.sh StepBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl examples -am
cp_file=examples/target/bench.classpath
mvn -B -q -pl examples dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=compile
exec java -cp "examples/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main -prof gc "$@"

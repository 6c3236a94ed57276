#!/usr/bin/env bash
# Runs the JMH benchmarks (examples/src/main/java/dev/canarykit/examples/bench) with the GC profiler.
# Usage: scripts/bench.sh [JMH args...]   e.g. scripts/bench.sh StepBenchmark
# Builds the reactor's jars and reads examples' class path from it; nothing is installed in the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=examples/target/bench.classpath
mvn -B -q package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true -pl examples -am \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=compile
exec java -cp "examples/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main -prof gc "$@"

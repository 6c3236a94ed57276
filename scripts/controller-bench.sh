#!/usr/bin/env bash
# The controller's take-over and idle-tick cost on the in-process mock API server (ControllerBench).
# Usage: scripts/controller-bench.sh takeover <canaries> <repeats> | idle <canaries> <seconds>
# Builds the reactor's jars and reads examples' class path from it; nothing is installed in the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=examples/target/bench.classpath
mvn -B -q package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true -pl examples -am \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=compile
exec java -Xmx2g -cp "examples/target/classes:$(cat "$cp_file")" dev.canarykit.examples.bench.ControllerBench "$@"

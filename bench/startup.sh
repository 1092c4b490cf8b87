#!/usr/bin/env bash
# Start-up to ready (docs/benchmarks.md, "Start-up"): launches the packaged application RUNS
# times, each on a fresh embedded database, and measures the time from launching the JVM until
# /q/health/ready answers 200 (content validated, model loaded or trained, database migrated).
#
#   bench/startup.sh            # 5 runs; RUNS=10 bench/startup.sh for more
#
# Environment: RUNS (5), PORT (18090), JAVA_OPTS (extra JVM flags).
# Needs: a built application (./mvnw package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-18090}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

times=()
for run in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d)
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -Dquarkus.profile=prod -Dquarkus.http.port="$PORT" \
    -Dhelpline.storage.data-dir="$DATA" -jar "$JAR" > "$DATA/app.log" 2>&1 &
  APP=$!
  until curl -sf -o /dev/null "localhost:$PORT/q/health/ready"; do
    kill -0 $APP 2>/dev/null || { cat "$DATA/app.log"; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  model=$(grep -o 'model [a-z (),]* in [0-9]* ms' "$DATA/app.log" | head -1)
  echo "run $run: ready after $ms ms ($model)"
  kill $APP; wait $APP 2>/dev/null || true
  rm -rf "$DATA"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "== median $(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p") ms," \
  "min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms over $RUNS runs"

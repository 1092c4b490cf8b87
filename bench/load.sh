#!/usr/bin/env bash
# Load test of POST /api/v1/chat against loopback with wrk (docs/benchmarks.md, "Load").
#
#   bench/load.sh                 # embedded H2 (the default setting)
#   bench/load.sh postgresql      # PostgreSQL at HELPLINE_DATABASE_URL (default 127.0.0.1:5432/helpline)
#
# Environment: DURATION (default 60s), WARMUP (30s), CONNECTIONS (32), THREADS (= CONNECTIONS),
# TRIVIAL (yes; "no" skips the ceiling run), RATE_LIMITS (off; "on" keeps them, at capacities no
# run reaches: on PostgreSQL the shared buckets, so the run shows what they cost),
# JAVA_OPTS (extra JVM flags, after the launcher's own
# so they can override them, e.g. -XX:StartFlightRecording=filename=target/chat.jfr,settings=profile).
# The application runs as the README launches it: target/quarkus-app/helpline (its small-footprint
# flags: a 64 MiB heap, the serial collector).
# Needs: wrk (Debian package), a built application (./mvnw package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-embedded}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-32}
# One wrk thread per connection: bench/chat.lua keeps one conversation per thread.
THREADS=${THREADS:-$CONNECTIONS}
PORT=${PORT:-18080}
LAUNCHER=target/quarkus-app/helpline
[ -x "$LAUNCHER" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }

# Messages: the development and safety sets, one per line, JSON-safe.
cat src/test/resources/development/*.txt src/test/resources/safety/*.txt \
  | grep -v '^#' | grep -v '^[[:space:]]*$' | tr -d '\r"\\' > bench/messages.txt

LIMITS=-Dhelpline.rate-limit.enabled=false
if [ "${RATE_LIMITS:-off}" = on ]; then
  LIMITS="-Dhelpline.rate-limit.per-conversation=1000000 \
    -Dhelpline.rate-limit.per-client-address=1000000 -Dhelpline.rate-limit.per-sender=1000000"
fi

DATA=$(mktemp -d)
PROFILE=prod
[ "$DB" = postgresql ] && PROFILE=prod,postgresql
JAVA_OPTS="${JAVA_OPTS:-} -Dquarkus.profile=$PROFILE -Dquarkus.http.port=$PORT \
  -Dhelpline.storage.data-dir=$DATA $LIMITS" \
  "$LAUNCHER" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do
  kill -0 $APP 2>/dev/null || { cat "$DATA/app.log"; exit 1; }
  sleep 0.5
done
echo "== ready; database: $DB; pid $APP"

URL="http://127.0.0.1:$PORT"
echo "== warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/chat.lua "$URL" > /dev/null
memory() {
  echo "== $1: resident memory $(( $(awk '/VmRSS/ {print $2}' /proc/$APP/status) / 1024 )) MiB," \
    "threads $(awk '/Threads/ {print $2}' /proc/$APP/status)"
}
memory "after warm-up"
if [ "${TRIVIAL:-yes}" != no ]; then
  echo "== trivial endpoint (GET /q/health/live), $DURATION"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/trivial.lua \
    "$URL/q/health/live" | grep -E 'Requests/sec|errors|p50|Non-2xx'
fi
echo "== chat turns (POST /api/v1/chat, stored), $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/chat.lua "$URL" \
  | grep -E 'Requests/sec|errors|p50|Non-2xx'
memory "at the end"

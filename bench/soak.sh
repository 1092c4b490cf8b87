#!/usr/bin/env bash
# Soak (docs/soak-and-faults.md): the packaged application (prod profile, embedded H2 under
# target/soak/) under CONVERSATIONS concurrent web chat conversations for DURATION, with
# varied messages from intents/ (org.helpline.support.ChatLoad, from the test classes).
# Afterwards, with the application stopped, every acknowledged turn (HTTP 200) must be in the
# database exactly once and in order (org.helpline.support.TranscriptCheck), no request may
# have failed, and resident memory and thread count at the end must be within 10% of those
# after the warm-up (no more than 10% above: a shrinking pool is no leak). Exits 0 only when
# every check passes.
#
#   bench/soak.sh                # 10 minutes, 200 conversations
#   bench/soak.sh 60s            # the CI version
#   bench/soak.sh 30m 400
#
# Environment: PORT (18081), WARMUP seconds (a fifth of the run, at least 20), MAX_PAUSE_MS
# between one conversation's turns (1000), JAVA_OPTS for the application (a fixed 256 MiB heap).
# Needs: a built application and test classes (./mvnw package -DskipTests, or verify).
set -uo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-10m}
CONVERSATIONS=${2:-200}
PORT=${PORT:-18081}
MAX_PAUSE_MS=${MAX_PAUSE_MS:-1000}
# A fixed, pre-touched heap, as a server is run: resident memory then measures what grows
# outside the heap (threads, metaspace, code, buffers); the heap's live set after a full
# collection is reported beside it.
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}

case "$DURATION" in
  *h) SECONDS_TOTAL=$(( ${DURATION%h} * 3600 )) ;;
  *m) SECONDS_TOTAL=$(( ${DURATION%m} * 60 )) ;;
  *s) SECONDS_TOTAL=${DURATION%s} ;;
  *) SECONDS_TOTAL=$DURATION ;;
esac
WARMUP=${WARMUP:-$(( SECONDS_TOTAL / 5 > 20 ? SECONDS_TOTAL / 5 : 20 ))}
if [ "$SECONDS_TOTAL" -lt $(( WARMUP + 10 )) ]; then
  echo "DURATION must be at least warm-up ($WARMUP s) + 10 s" >&2
  exit 2
fi

JAR=target/quarkus-app/quarkus-run.jar
H2=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1)
if [ ! -f "$JAR" ] || [ -z "$H2" ] || [ ! -f target/test-classes/org/helpline/support/ChatLoad.class ]; then
  echo "build first: ./mvnw package -DskipTests" >&2
  exit 2
fi
CP="target/test-classes:$H2"
OUT=target/soak
rm -rf "$OUT"
mkdir -p "$OUT/data"

# Rate limits off: every conversation comes from this one address. Two malloc arenas, as
# usual for a JVM in a container: otherwise each busy thread may get its own, and resident
# memory creeps up for reasons that are not the application's.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# shellcheck disable=SC2086
java $JAVA_OPTS -Dquarkus.profile=prod -Dquarkus.http.port="$PORT" \
  -Dhelpline.storage.data-dir="$PWD/$OUT/data" -Dhelpline.rate-limit.enabled=false \
  -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP=$!
stop_app() {
  if kill -0 "$APP" 2>/dev/null; then
    kill "$APP"
    wait "$APP" 2>/dev/null
  fi
  return 0
}
trap stop_app EXIT

for _ in $(seq 1 600); do
  curl -sf -o /dev/null "localhost:$PORT/q/health/ready" && break
  kill -0 "$APP" 2>/dev/null || { echo "the application exited:" >&2; tail -20 "$OUT/app.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "localhost:$PORT/q/health/ready" || { echo "not ready after 60 s" >&2; exit 1; }

# Threads: the request worker pool (executor-thread-N) grows and shrinks with the requests in
# flight, up to its configured bound (quarkus.thread-pool.max-threads); it is reported, and
# every other thread is checked, since a leak there has no bound.
sample() { # prints "RSS_KIB OTHER_THREADS POOL_THREADS" of the application
  local pool
  pool=$(cat /proc/"$APP"/task/*/comm 2>/dev/null | grep -c '^executor-thre')
  awk -v pool="$pool" '/^VmRSS:/ {rss=$2} /^Threads:/ {threads=$2}
    END {print rss, threads - pool, pool}' "/proc/$APP/status"
}
live_heap() { # the heap in use right after a full collection, in MiB (information only)
  jcmd "$APP" GC.run > /dev/null 2>&1
  jcmd "$APP" GC.heap_info 2>/dev/null | awk '/used/ && !/Metaspace|class space/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); sum += v } }
    END { printf "%d", sum / 1024 }'
}

echo "soak: $CONVERSATIONS conversations for $SECONDS_TOTAL s (warm-up $WARMUP s) on port $PORT"
java -cp "$CP" org.helpline.support.ChatLoad "http://127.0.0.1:$PORT" "$CONVERSATIONS" \
  "$SECONDS_TOTAL" "$OUT/acks.tsv" "$MAX_PAUSE_MS" > "$OUT/load.log" 2>&1 &
LOAD=$!
sleep "$WARMUP"
read -r RSS_WARM THREADS_WARM POOL_WARM < <(sample)
HEAP_WARM=$(live_heap)
sleep $(( SECONDS_TOTAL - WARMUP - 3 ))
read -r RSS_END THREADS_END POOL_END < <(sample)
HEAP_END=$(live_heap)
wait "$LOAD"
LOAD_STATUS=$?
cat "$OUT/load.log"

stop_app
java -cp "$CP" org.helpline.support.TranscriptCheck "$OUT/data" "$OUT/acks.tsv" \
  > "$OUT/check.log" 2>&1
CHECK_STATUS=$?
cat "$OUT/check.log"

# A leak shows as growth: the end may be at most 10% above the figure after warm-up. Less is
# fine: after the start-up burst, idle worker threads time out and the pool shrinks.
within() { # within WARM END: END <= WARM + 10%
  awk -v a="$1" -v b="$2" 'BEGIN { exit !((b - a) * 10 <= a) }'
}
FAILED=0
report() { # report OK|FAIL what
  echo "$1 $2"
  [ "$1" = OK ] || FAILED=1
}
[ "$LOAD_STATUS" -eq 0 ] && report OK "no request failed" || report FAIL "requests failed (see above)"
[ "$CHECK_STATUS" -eq 0 ] && report OK "every acknowledged turn stored exactly once, in order" \
  || report FAIL "transcripts do not match the acknowledged turns (see above)"
within "$RSS_WARM" "$RSS_END" && s=OK || s=FAIL
report "$s" "resident memory: $(( RSS_WARM / 1024 )) MiB after warm-up, $(( RSS_END / 1024 )) MiB at the end"
within "$THREADS_WARM" "$THREADS_END" && s=OK || s=FAIL
report "$s" "threads outside the worker pool: $THREADS_WARM after warm-up, $THREADS_END at the end"
echo "info worker pool threads: $POOL_WARM after warm-up, $POOL_END at the end"

echo "info live heap after a full collection: $HEAP_WARM MiB after warm-up, $HEAP_END MiB at the end"

if [ "$FAILED" -eq 0 ]; then
  echo "soak passed"
  exit 0
fi
echo "soak FAILED"
exit 1

#!/usr/bin/env bash
# The nurse chat benchmark (issue 17): how long a nurse's message takes to reach the person's
# open stream, on one instance (embedded H2) and across two instances sharing PostgreSQL; and
# the resident memory 200 open live chats cost one instance. Not a test: figures, with the
# command, go to docs/benchmarks.md ("Nurse chat").
#
#   ./mvnw -q -B package -DskipTests
#   bench/nurse-chat.sh                 # one instance on H2
#   HELPLINE_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_chat' \
#     HELPLINE_DATABASE_USER=postgres bench/nurse-chat.sh postgresql   # and across two
#
# Both instances run the README's launcher (target/quarkus-app/helpline, 64 MiB heap) on this
# machine, with the content copied and the line open every day so the hour does not matter.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-embedded}
MESSAGES=${MESSAGES:-200}
STREAMS=${STREAMS:-200}
LAUNCHER=target/quarkus-app/helpline
[ -x "$LAUNCHER" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/test-classes:$(cat target/bench.classpath)"
tool() { java -cp "$CP" org.helpline.bench.NurseChatDelivery "$@"; }

OUT=target/nurse-chat-bench
rm -rf "$OUT"
mkdir -p "$OUT/data"
PASSWORD=$(tool prepare "$OUT" | tail -1)
PROFILE=prod
[ "$DB" = postgresql ] && PROFILE=prod,postgresql
APPS=()
trap 'for p in "${APPS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null' EXIT

launch() { # port name
  JAVA_OPTS="${JAVA_OPTS:-} -Dquarkus.profile=$PROFILE -Dquarkus.http.port=$1 \
    -Dhelpline.storage.data-dir=$PWD/$OUT/data -Dhelpline.rate-limit.enabled=false \
    -Dhelpline.content.dir=$PWD/$OUT/content -Dhelpline.staff.users-file=$PWD/$OUT/staff.txt" \
    "$LAUNCHER" > "$OUT/$2.log" 2>&1 &
  APPS+=($!)
  until curl -sf "localhost:$1/q/health/ready" >/dev/null; do sleep 0.2; done
}
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }

launch 18101 a
A=${APPS[0]}
echo "== one instance ($DB): $MESSAGES messages"
tool latency http://127.0.0.1:18101 http://127.0.0.1:18101 "$PASSWORD" "$MESSAGES"

if [ "$DB" = postgresql ]; then
  launch 18102 b
  echo "== across two instances (nurse on B, person on A): $MESSAGES messages"
  tool latency http://127.0.0.1:18101 http://127.0.0.1:18102 "$PASSWORD" "$MESSAGES"
fi

echo "== $STREAMS open live chats on one instance"
sleep 5
BEFORE=$(rss "$A")
tool streams http://127.0.0.1:18101 "$PASSWORD" "$STREAMS" 40 &
HOLD=$!
sleep 30
DURING=$(rss "$A")
wait $HOLD
echo "resident memory of the instance: $BEFORE MiB before, $DURING MiB with $STREAMS streams open" \
  "($((DURING - BEFORE)) MiB more)"

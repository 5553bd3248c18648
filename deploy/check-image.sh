#!/usr/bin/env bash
# Checks a built image as two cluster nodes over the PostgreSQL at 127.0.0.1:5432: both start as the
# unprivileged user and pass their health check, share one seal key, and when the owning node is
# killed the other takes the open conversations over.
#   deploy/check-image.sh [image]          (default accessline:ci; needs docker and host networking)
set -euo pipefail
image="${1:-accessline:ci}"
db="accessline_image_check_$$"
names=(accessline-check-1 accessline-check-2)
cleanup() {
  docker rm -f "${names[@]}" >/dev/null 2>&1 || true
  docker volume rm accessline-check-shared accessline-check-1 accessline-check-2 >/dev/null 2>&1 || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db" >/dev/null 2>&1 || true
}
trap cleanup EXIT
createdb -h 127.0.0.1 -U postgres "$db"

start() { # node number
  docker run -d --name "accessline-check-$1" --network host \
    -v accessline-check-shared:/var/lib/accessline-shared -v "accessline-check-$1:/var/lib/accessline" \
    -e ACCESSLINE_STORE_URL="postgresql://postgres@127.0.0.1:5432/$db" -e ACCESSLINE_NODE_ID="check-$1" \
    -e ACCESSLINE_HTTP_PORT="1879$1" -e ACCESSLINE_CLUSTER_ENABLED=true -e ACCESSLINE_CLUSTER_NAME="image-check-$$" \
    -e ACCESSLINE_CLUSTER_MEMBERS=127.0.0.1:5791,127.0.0.1:5792 -e ACCESSLINE_CLUSTER_PORT="579$1" \
    -e ACCESSLINE_CLUSTER_HEARTBEAT_SECONDS=1 -e ACCESSLINE_CLUSTER_MEMBER_TIMEOUT_SECONDS=5 \
    -e ACCESSLINE_SEAL_KEY_FILE=/var/lib/accessline-shared/seal.key "$image" >/dev/null
}
healthy() { # node number; waits for docker's own health check
  for _ in $(seq 1 90); do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "accessline-check-$1")" = healthy ] && return 0
    sleep 2
  done
  docker logs "accessline-check-$1" 2>&1 | tail -20
  echo "node $1 never became healthy"; return 1
}
owns() { # node number; waits for its log to say it owns the open conversations
  for _ in $(seq 1 60); do
    docker logs "accessline-check-$1" 2>&1 | grep -q "node check-$1 owns the open conversations" && return 0
    sleep 1
  done
  echo "node $1 never took the open conversations"; return 1
}

start 1; healthy 1; owns 1
start 2; healthy 2
[ "$(docker exec accessline-check-1 id -un)" = accessline ] || { echo "the gateway runs as $(docker exec accessline-check-1 id -un)"; exit 1; }
docker kill accessline-check-1 >/dev/null
owns 2
curl -fsS http://127.0.0.1:18792/health >/dev/null
echo "Image checked: two nodes healthy as user accessline; node 2 took over after node 1 was killed"

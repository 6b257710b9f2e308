#!/bin/sh
# Measures Clientele's start-up: seconds from launching to the first page served (the sign-in
# page answering 200), for a first start (empty data directory: the embedded database is
# initialised) and for later starts, with the launcher (./clientele, class-data archive) and
# with the plain jar. Usage: bench/startup.sh [runs]   (default 3; prints one line per start)
set -e
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
./clientele --prepare   # builds and prepares the archive if needed

measure() { # label, home, command...
  label=$1; home=$2; shift 2
  start=$(date +%s%N)
  CLIENTELE_HOME=$home PORT=$port "$@" >/tmp/clientele-startup.log 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" 2>/dev/null | grep -q 200; do
    if ! kill -0 $pid 2>/dev/null; then echo "$label: did not start (see /tmp/clientele-startup.log)"; return 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  echo "$label: $(( (end - start) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true
}

for i in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  measure "launcher, first start" "$home" ./clientele
  measure "launcher, later start" "$home" ./clientele
  measure "plain jar, later start" "$home" java -jar target/clientele.jar
  rm -rf "$home"
done

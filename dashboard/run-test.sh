#!/usr/bin/env bash
# The dashboard's browser test, end to end: Debian's chromium (installed with apt when missing),
# playwright-core from package-lock.json, a fresh `./newsstream local` on free ports with the seeds,
# then dashboard.test.mjs against it. The app is always stopped, pass or fail.
#
#   dashboard/run-test.sh                            what CI runs
#   SCREENSHOT=docs/dashboard.png dashboard/run-test.sh   also refresh the README screenshot
#   DASHBOARD_URL=http://localhost:8080/ dashboard/run-test.sh   test an app that is already running
#
# Environment: READY_TIMEOUT (seconds to wait for the app, default 900: the first run builds the
# project), KEEP_DATA=1 to keep the app's data directory and log for a look afterwards.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
READY_TIMEOUT="${READY_TIMEOUT:-900}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { echo "dashboard-test: $*" >&2; }

if [ ! -x "$CHROMIUM" ]; then
  log "installing chromium with apt"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null || { log "Node.js 20 or newer is required (node not found)"; exit 2; }

cd "$HERE"
npm ci --no-audit --no-fund --loglevel=error

# Relative paths in SCREENSHOT are taken from where the script was called.
if [ -n "${SCREENSHOT:-}" ] && [[ "$SCREENSHOT" != /* ]]; then SCREENSHOT="$OLDPWD/$SCREENSHOT"; fi
export SCREENSHOT CHROMIUM

if [ -n "${DASHBOARD_URL:-}" ]; then
  node dashboard.test.mjs
  exit
fi

# Four free loopback ports, held together while they are chosen so that none is picked twice.
read -r HTTP_PORT BROKER_PORT CONTROLLER_PORT REGISTRY_PORT < <(node -e '
  const net = require("net"); const servers = [];
  const open = () => new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => { servers.push(s); ok(s.address().port); }); });
  Promise.all([open(), open(), open(), open()]).then((ports) => { console.log(ports.join(" ")); servers.forEach((s) => s.close()); });')

# The app requires a bearer token, so the test also covers the dashboard asking for it.
DASHBOARD_TOKEN="$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')"
export DASHBOARD_TOKEN

DATA_DIR="$(mktemp -d -t newsstream-dashboard-XXXXXX)"
APP_LOG="$DATA_DIR/app.log"
export DASHBOARD_URL="http://localhost:$HTTP_PORT/"

APP_PID=""
stop_app() {
  local status=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$APP_LOG" ]; then
    log "the app's log ends with:"; tail -n 40 "$APP_LOG" >&2
  fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then log "data and log kept in $DATA_DIR"; else rm -rf "$DATA_DIR"; fi
  exit "$status"
}
trap stop_app EXIT
trap 'exit 130' INT TERM

log "starting ./newsstream local on http port $HTTP_PORT (broker $BROKER_PORT, controller $CONTROLLER_PORT, registry $REGISTRY_PORT)"
# setsid: the app gets its own process group, so stopping it also stops a build still running under it.
# From the project root: the launcher builds with the Maven Wrapper there and publishes ./seeds.
cd "$ROOT"
NEWSSTREAM_API_TOKEN="$DASHBOARD_TOKEN" setsid ./newsstream local --data-dir "$DATA_DIR/data" --http-port "$HTTP_PORT" --broker-port "$BROKER_PORT" \
  --controller-port "$CONTROLLER_PORT" --registry-port "$REGISTRY_PORT" >"$APP_LOG" 2>&1 </dev/null &
APP_PID=$!
cd "$HERE"

# Ready when the launcher has counted the seeds and says so, and the API answers.
deadline=$((SECONDS + READY_TIMEOUT))
until grep -q "Serving http://" "$APP_LOG" 2>/dev/null \
      && node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
           "http://localhost:$HTTP_PORT/health/ready"; do
  kill -0 "$APP_PID" 2>/dev/null || { log "the app exited before it was ready"; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { log "the app was not ready within ${READY_TIMEOUT}s"; exit 1; }
  sleep 1
done
log "app ready after ${SECONDS}s at $DASHBOARD_URL"

node dashboard.test.mjs

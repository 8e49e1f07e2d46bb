#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds the Release binaries and starts the visitor kiosk (hallkiosk)
# on the bundled demo hall. Arguments go to hallkiosk, e.g. --windowed 1920x1080 or --lang en.
# Without a display it still shows the product: it starts a private Xvfb, renders the home
# screen, a guide and a search (in Chinese, English and 长辈模式) to PNG files, says where they
# are, and stops the Xvfb it started. Idempotent: the demo hall is seeded from assets/demo once.
#
# The other two roles, against the kiosk's hub on the demo hall (http://127.0.0.1:8470; when no
# kiosk runs, `hallctl serve` on the demo hall for as long as they are open):
#   run-demo.sh counter [ARGS]: the clerk's counter at window W3 (windowed), with the demo clerk
#   C01 / PIN 135790 added once.
#   run-demo.sh board [ARGS]: the hall board; its device token is made once with `hallctl device
#   add` and kept in the demo hall's folder (board-device.token, mode 0600).
# Without a display, each renders pictures of its screens instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
role=kiosk
case "${1:-}" in counter | board) role=$1; shift;; esac

bash platform/deploy/install-deps.sh
bash platform/deploy/configure.sh release
cmake --build --preset release

kiosk=./build/release/kiosk/hallkiosk
hallctl=./build/release/kiosk/hallctl
data=build/release/demo-hall
have_display() { [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; }
if [ "$role" = kiosk ] && have_display; then
  exec "$kiosk" "$@"
fi

# What this script started, stopped by PID when it leaves.
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
# The kiosk's hub, or a hub of our own on the demo hall while the counter or board is open.
ensure_hub() {
  if ! curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:8470/healthz 2>/dev/null; then
    "$hallctl" serve --data "$data" --port 8470 >/dev/null 2>"$data/serve.err" &
    pids+=($!)
    for _ in $(seq 100); do curl -fsS -o /dev/null http://127.0.0.1:8470/healthz 2>/dev/null && break; sleep 0.1; done
    echo "run-demo: no kiosk hub at http://127.0.0.1:8470; serving the demo hall there while the $role is open"
  fi
}
# No display: a private X server for pictures.
start_xvfb() {
  display=":$((300 + RANDOM % 300))"
  Xvfb "$display" -screen 0 1920x1920x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  echo "run-demo: no display here; rendering the $role under a private Xvfb ($display) instead"
}
out=build/release/demo-screens
mkdir -p "$out"
"$hallctl" catalogue list >/dev/null  # seeds the demo hall on first use
# A demo hall seeded by an older checkout has no working-day calendar: give it the bundled one.
if ! "$hallctl" workdays show --data "$data" >/dev/null 2>&1; then
  "$hallctl" workdays import assets/demo/workdays.json --data "$data" >/dev/null
fi

if [ "$role" = counter ]; then
  if ! "$hallctl" staff list --data "$data" | grep -q '^C01\b'; then
    echo 135790 | "$hallctl" staff add --data "$data" --id C01 --name 演示柜员 --role clerk --pin-stdin >/dev/null
  fi
  echo "run-demo: the demo clerk is C01, PIN 135790 (window W3; F1 call next ... F7 pause)"
  if have_display; then
    ensure_hub
    "$kiosk" --role counter --window W3 --windowed 1280x800 "$@"
    exit $?
  fi
  start_xvfb
  shots=()
  for spec in sign-in sample:called sample:serving sample:transfer sample:unreachable sample:locked; do
    for size in 1280x800 800x1280; do
      file="$out/counter-${spec//[^A-Za-z0-9_-]/_}-$size.png"
      if DISPLAY=$display "$kiosk" --role counter --window W3 --windowed "$size" --screen "$spec" \
        --screenshot "$file" "$@" >/dev/null 2>&1; then
        shots+=("$file")
      else
        echo "run-demo: could not render $spec ($size)" >&2
      fi
    done
  done
  echo "run-demo: ${#shots[@]} counter screens are in $(pwd)/$out:"
  printf '  %s\n' "${shots[@]}"
  exit 0
fi

if [ "$role" = board ]; then
  token="$data/board-device.token"
  if [ ! -s "$token" ]; then
    # A new device each time the token file was lost: B1, else B1-2, B1-3 ...
    for id in B1 B1-2 B1-3 B1-4 B1-5; do
      if (umask 077; "$hallctl" device add --data "$data" --id "$id" --role board >"$token.tmp" 2>/dev/null); then
        mv "$token.tmp" "$token"
        echo "run-demo: board device $id registered; its token is in $token"
        break
      fi
    done
    rm -f "$token.tmp"
  fi
  chmod 600 "$token"
  ensure_hub
  board=("$kiosk" --role board --data "$data" --device-token-file "$token")
  if have_display; then
    "${board[@]}" "$@"
    exit $?
  fi
  start_xvfb
  shots=()
  for size in 1920x1080 1080x1920; do
    for lang in zh-CN en; do
      for screen in board sample; do
        file="$out/board-$screen-$size-$lang.png"
        if DISPLAY=$display "${board[@]}" --windowed "$size" --lang "$lang" --screen "$screen" --screenshot "$file" \
          "$@" >/dev/null 2>&1; then
          shots+=("$file")
        else
          echo "run-demo: could not render the board ($screen, $size, $lang)" >&2
        fi
      done
    done
  done
  echo "run-demo: ${#shots[@]} pictures of the board are in $(pwd)/$out:"
  printf '  %s\n' "${shots[@]}"
  exit 0
fi

start_xvfb
guide=$("$hallctl" catalogue list | awk 'NR == 1 { print $1 }')
shots=()
for spec in home "guide:$guide" search:gljt; do
  for mode in zh en large; do
    args=(--windowed 1920x1080)
    case $mode in en) args+=(--lang en);; large) args+=(--large-text);; esac
    file="$out/${spec//[^A-Za-z0-9_-]/_}-$mode.png"
    if DISPLAY=$display "$kiosk" "${args[@]}" --screen "$spec" --screenshot "$file" "$@" >/dev/null 2>&1; then
      shots+=("$file")
    else
      echo "run-demo: could not render $spec ($mode)" >&2
    fi
  done
done
echo "run-demo: ${#shots[@]} screens of the demo hall are in $(pwd)/$out:"
printf '  %s\n' "${shots[@]}"
echo "run-demo: on a machine with a display this command opens the kiosk itself."

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds the Release binaries and starts the visitor kiosk (hallkiosk)
# on the bundled demo hall. Arguments go to hallkiosk, e.g. --windowed 1920x1080 or --lang en.
# Without a display it still shows the product: it starts a private Xvfb, renders the home
# screen, a guide and a search (in Chinese, English and 长辈模式) to PNG files, says where they
# are, and stops the Xvfb it started. Idempotent: the demo hall is seeded from assets/demo once.
#   run-demo.sh counter [ARGS]: the clerk's counter at window W3 (windowed) against the kiosk's hub
#   on the demo hall (started here with `hallctl serve` when none answers on 127.0.0.1:8470), with
#   the demo clerk C01 / PIN 135790 added once; without a display, pictures of the counter.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash platform/deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

kiosk=./build/release/kiosk/hallkiosk
hallctl=./build/release/kiosk/hallctl
counter=false
if [ "${1:-}" = counter ]; then counter=true; shift; fi
has_display() { [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; }

if $counter; then
  data=build/release/demo-hall
  "$hallctl" catalogue list >/dev/null  # seeds the demo hall on first use
  if ! "$hallctl" staff list --data "$data" | grep -q '^C01\b'; then
    echo 135790 | "$hallctl" staff add --data "$data" --id C01 --name 演示柜员 --role clerk --pin-stdin >/dev/null
  fi
  echo "run-demo: the demo clerk is C01, PIN 135790 (window W3; F1 call next ... F7 pause)"
  if has_display; then
    if ! curl -fsS http://127.0.0.1:8470/healthz >/dev/null 2>&1; then
      "$hallctl" serve --data "$data" >/dev/null 2>&1 &
      hub_pid=$!
      trap 'kill "$hub_pid" 2>/dev/null || true' EXIT
      for _ in $(seq 50); do curl -fsS http://127.0.0.1:8470/healthz >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    "$kiosk" --role counter --window W3 --windowed 1280x800 "$@"
    exit $?
  fi
  out=build/release/demo-screens
  mkdir -p "$out"
  display=":$((300 + RANDOM % 300))"
  Xvfb "$display" -screen 0 1920x1920x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  echo "run-demo: no display here; rendering the counter under a private Xvfb ($display) instead"
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

if has_display; then
  exec "$kiosk" "$@"
fi

# No display: a private X server for pictures of the kiosk, stopped by its PID when we leave.
out=build/release/demo-screens
mkdir -p "$out"
display=":$((300 + RANDOM % 300))"
Xvfb "$display" -screen 0 1920x1920x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
echo "run-demo: no display here; rendering the kiosk under a private Xvfb ($display) instead"
guide=$(./build/release/kiosk/hallctl catalogue list | awk 'NR == 1 { print $1 }')
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

#!/usr/bin/env bash
# Installs what is missing, builds the Release binaries and starts the visitor kiosk (hallkiosk)
# on the bundled demo hall. Arguments go to hallkiosk, e.g. --windowed 1920x1080 or --lang en.
# Without a display it says so (and how to get a picture under Xvfb) and lists the demo hall's
# guides as text instead. Idempotent: the demo hall is seeded from assets/demo on first use only.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash platform/deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

kiosk=./build/release/kiosk/hallkiosk
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  exec "$kiosk" "$@"
fi
# No display: hallkiosk explains (exit 1) how to get a picture with --screenshot under Xvfb.
"$kiosk" "$@" || true
echo "run-demo: the demo hall's guides, as text:"
exec ./build/release/kiosk/hallctl catalogue list

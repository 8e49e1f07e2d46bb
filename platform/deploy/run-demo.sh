#!/usr/bin/env bash
# Installs what is missing, builds the Release binaries and shows the bundled demo hall.
# Idempotent: the demo hall's data folder is seeded from assets/demo on first use only.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash platform/deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec ./build/release/kiosk/hallctl catalogue list "$@"

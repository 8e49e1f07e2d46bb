#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The long version of the hub's crash test, run by hand: kill -9 the hub KILLS times (default 1000)
# during issuing and calling, checking every acknowledged ticket after each restart.
#   tests/hub/crash-soak.sh [KILLS] [BUILD_DIR]
set -euo pipefail
kills="${1:-1000}"
build="${2:-$(dirname "$0")/../../build/release}"
HUB_CRASH_KILLS="${kills}" "${build}/tests/hub/hub_tests" "kill -9 during issuing and calling loses no acknowledged ticket and repeats no number"

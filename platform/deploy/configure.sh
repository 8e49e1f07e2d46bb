#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures one CMake preset (release, debug, asan) quietly. A build folder that an older checkout
# made with another generator (Unix Makefiles, before the presets chose Ninja) is configured afresh
# instead of failing with "Does not match the generator used previously".
set -euo pipefail
cd "$(dirname "$0")/../.."
preset=$1
cache="build/${preset}/CMakeCache.txt"
if [ -f "$cache" ] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
  echo "configure: build/${preset} was made by another generator; configuring it afresh"
  rm -rf "build/${preset}/CMakeCache.txt" "build/${preset}/CMakeFiles"
fi
cmake --preset "$preset" >/dev/null

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds, and runs the whole test suite twice: the Release build, then
# the ASan+UBSan build. Idempotent; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash platform/deploy/install-deps.sh

for preset in release asan; do
  echo "== ${preset}: configure and build"
  bash platform/deploy/configure.sh "${preset}"
  cmake --build --preset "${preset}"
  echo "== ${preset}: test"
  # Three at a time on two cores: most tests spend their time waiting on the processes they start
  # (hubs, cupsd, Xvfb, hallctl), and the suite used well under both cores at two.
  ctest --preset "${preset}" -j3
done

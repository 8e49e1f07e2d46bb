#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what hallkiosk needs from Debian 12 (bookworm) main, and only what is missing.
# Idempotent: a second run installs nothing and finishes in about a second.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make ninja-build pkg-config git
  # domain (services/)
  libsqlite3-dev sqlite3 nlohmann-json3-dev libsodium-dev libqrencode-dev tzdata
  pinyin-database   # read at run time by import and sync (search terms); never compiled in
  # GUI (ui/, platform/)
  libimgui-dev libglfw3-dev libgl-dev libfreetype-dev libfontconfig-dev libstb-dev libpng-dev
  libgl1-mesa-dri fonts-noto-cjk fonts-wqy-microhei
  # HTTP (platform/)
  libcpp-httplib-dev
  # slips and printing (platform/print): Cairo + Pango to PDF, CUPS
  libcairo2-dev libpango1.0-dev cups libcups2-dev
  # the board's voice (platform/audio): the espeak-ng program as a child process (GPL-3, so never
  # linked; espeak-ng-data has the cmn voices), ALSA playback
  espeak-ng espeak-ng-data libasound2-dev
  # tests and benchmarks
  catch2 xvfb xauth x11-utils nginx-light curl
  xdotool   # counter_bench signs the real counter in by typing at it under Xvfb
  poppler-utils zbar-tools   # print tests read the PDF back (pdftotext, pdftoppm) and decode its QR
  chromium chromium-driver python3-selenium   # the phone page in a real browser (tests/hub)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: every package is already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: these packages are missing and installing them needs root:" >&2
  echo "  ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"

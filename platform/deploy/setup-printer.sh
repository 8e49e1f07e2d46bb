#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up the hall's receipt (or counter) printer as a CUPS queue and prints a test slip.
#
#   setup-printer.sh everywhere QUEUE URI            a driverless IPP Everywhere printer
#        e.g. setup-printer.sh everywhere kiosk-receipt ipp://192.168.1.40/ipp/print
#   setup-printer.sh ppd QUEUE DEVICE-URI FILE.ppd   a USB ESC/POS printer with its maker's PPD,
#        which must offer page sizes 80 mm (or 58 mm) wide, e.g. 80x200mm / 58x200mm and a custom size
#        e.g. setup-printer.sh ppd kiosk-receipt usb://Printer/POS-80?serial=123 /opt/pos80/pos80.ppd
#   setup-printer.sh list                            the printers CUPS can see (lpinfo -v)
#
# Options (after the arguments): --default (make it the default destination), --width 58|80.
# Then set "printer": "QUEUE" and "slip_width_mm" in the hall's hall.json. Needs root (lpadmin).
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
mode=$1; shift

if [ "$mode" = list ]; then
  lpinfo -v
  exit 0
fi

case "$mode" in
  everywhere) [ $# -ge 2 ] || usage; queue=$1; uri=$2; shift 2; driver=(-m everywhere) ;;
  ppd) [ $# -ge 3 ] || usage; queue=$1; uri=$2; ppd=$3; shift 3
       [ -r "$ppd" ] || { echo "setup-printer: $ppd cannot be read" >&2; exit 1; }
       driver=(-P "$ppd") ;;
  *) usage ;;
esac

make_default=no
width=80
while [ $# -gt 0 ]; do
  case "$1" in
    --default) make_default=yes ;;
    --width) width=${2:?--width needs 58 or 80}; shift ;;
    *) usage ;;
  esac
  shift
done
[ "$width" = 80 ] || [ "$width" = 58 ] || { echo "setup-printer: --width $width: a roll is 58 or 80 mm" >&2; exit 2; }

# retry-current-job: a printer that goes offline or runs out of paper keeps the slip and goes on
# when it is back, instead of aborting it (the kiosk's print queue also retries, and never twice).
lpadmin -p "$queue" -E -v "$uri" "${driver[@]}" \
  -o printer-error-policy=retry-current-job \
  -o media-default="Custom.${width}x200mm"
cupsenable "$queue"
cupsaccept "$queue"
if [ "$make_default" = yes ]; then lpadmin -d "$queue"; fi
lpstat -p "$queue" -l

echo "setup-printer: $queue is set up; printing a test slip"
if command -v hallctl >/dev/null; then
  hallctl print-test --printer "$queue" --width "$width"
else
  echo "setup-printer: hallctl is not on PATH; run: hallctl print-test --printer $queue --width $width"
fi

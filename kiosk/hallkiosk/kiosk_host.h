// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hallkiosk program: wires the hall's data, the platform's window and font, and the kiosk
// screens (ui::KioskApp), then runs the event-driven loop until the window closes, the screenshot
// is written or the benchmark frames are done.
#include "hallkiosk/options.h"

namespace hall::kiosk {

// Returns the process exit code: 0 done, 1 no display or a failure (said on stderr), 2 usage.
int run_kiosk(const KioskOptions& options);

}  // namespace hall::kiosk

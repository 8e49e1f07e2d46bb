// SPDX-License-Identifier: Apache-2.0
#pragma once
// SIGTERM (systemd stopping the kiosk) and SIGINT end the loop at once, through the destructors.
// The signals are blocked in every thread and taken by one thread of their own with sigwait, so
// waking the loop is an ordinary call rather than something a signal handler may not do.
#include <functional>

namespace hall::kiosk {

// Call first in main, before any thread exists (GL drivers start threads of their own).
void block_stop_signals();
// Starts the thread that waits for them; `wake` ends the loop's wait. Once per process.
void watch_stop_signals(std::function<void()> wake);
bool stop_requested();

}  // namespace hall::kiosk

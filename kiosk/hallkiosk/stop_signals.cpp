// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/stop_signals.h"

#include <signal.h>

#include <atomic>
#include <thread>

namespace hall::kiosk {
namespace {

std::atomic<bool> stopping{false};

sigset_t stop_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

void block_stop_signals() {
  const sigset_t set = stop_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void watch_stop_signals(std::function<void()> wake) {
  // Detached: it lives as long as the process, blocked in sigwait, and holds nothing to clean up.
  std::thread([wake = std::move(wake)] {
    const sigset_t set = stop_set();
    int signal = 0;
    while (sigwait(&set, &signal) == 0) {
      stopping = true;
      if (wake) wake();
    }
  }).detach();
}

bool stop_requested() {
  return stopping.load();
}

}  // namespace hall::kiosk

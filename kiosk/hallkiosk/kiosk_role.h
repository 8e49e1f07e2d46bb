// SPDX-License-Identifier: Apache-2.0
#pragma once
// The visitor kiosk as a hosted role: the kiosk screens (ui::KioskApp) over the hall's guide
// store. The store lives on one worker thread; a folder watcher tells it when another process
// (hallctl import, sync) committed, and each new catalogue reaches the screens through the run
// queue, first without and then with its search index, so the UI thread never reads the disk.
#include <memory>

#include "common/error.h"
#include "data_dir.h"
#include "hallkiosk/host.h"

namespace hall::kiosk {

// Loads the hall's data (on the calling thread, before the loop starts) and starts the workers.
std::unique_ptr<HostedRole> make_kiosk_role(const KioskOptions& options, app::DataDir dir, Host& host);

}  // namespace hall::kiosk

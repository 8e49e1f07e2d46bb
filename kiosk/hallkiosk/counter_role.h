// SPDX-License-Identifier: Apache-2.0
#pragma once
// The clerk's counter as a hosted role: ui::CounterApp over a CounterDesk that talks to the hall
// hub at --hub (by default the kiosk's own hub on this machine) for the window --window.
#include <memory>

#include "hallkiosk/host.h"

namespace hall::kiosk {

std::unique_ptr<HostedRole> make_counter_role(const KioskOptions& options, Host& host);

}  // namespace hall::kiosk

// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall board as a hosted role: the board screen (ui::BoardApp) kept up to date by a BoardFeed
// from the hall hub (by default the kiosk's embedded hub at http://127.0.0.1:8470), each call
// spoken by the board's voice (espeak-ng, ALSA). A board without a device token shows and prints
// the command that makes one.
#include <memory>

#include "data_dir.h"
#include "hallkiosk/host.h"

namespace hall::kiosk {

constexpr const char* default_board_hub = "http://127.0.0.1:8470";

std::unique_ptr<HostedRole> make_board_role(const KioskOptions& options, app::DataDir dir, Host& host);

}  // namespace hall::kiosk

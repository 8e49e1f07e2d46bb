// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sample counter states for pictures without a hub (CounterApp::open("sample:…")).
#include <string>

#include <string_view>

#include "counter/counter_port.h"
#include "counter/counter_slips.h"

namespace hall::ui {

// A clerk signed in at `window` with A023 called, its four materials, and a busy morning's figures.
SignedIn sample_signed_in(const std::string& window, Instant now);
// The same with C008 called for a property transfer (不动产转移登记): a long list of materials.
SignedIn sample_long_list(const std::string& window, Instant now);

// The 补打其他号 dialog: the number typed and the hub's answer. `kind` "reprint" (asked for: the
// kiosk prints it), "reprint-unknown" (no such number today), "reprint-refused" (the hub's words).
struct SampleReprint {
  std::string number;
  SlipNote note;
};
SampleReprint sample_reprint(std::string_view kind);

}  // namespace hall::ui

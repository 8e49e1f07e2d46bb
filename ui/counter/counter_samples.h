// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sample counter states for pictures without a hub (CounterApp::open("sample:…")).
#include <string>

#include "counter/counter_port.h"

namespace hall::ui {

// A clerk signed in at `window` with A023 called, its four materials, and a busy morning's figures.
SignedIn sample_signed_in(const std::string& window, Instant now);
// The same with C008 called for a property transfer (不动产转移登记): a long list of materials.
SignedIn sample_long_list(const std::string& window, Instant now);

}  // namespace hall::ui

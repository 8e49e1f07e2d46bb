// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

namespace hall::bench {

// A catalogue of `count` distinct, valid guides with realistic names (street + service + action),
// materials, keywords and FAQ, for measuring import, search and sync at scale.
std::string synthetic_catalogue(int count, int version = 1);

}  // namespace hall::bench

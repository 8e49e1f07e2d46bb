// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

#include "catalogue/guide.h"

namespace hall::cli {

// A guide as plain text for a terminal, in the order a visitor needs it.
std::string guide_as_text(const catalogue::Guide& g);
std::string limit_as_text(const catalogue::TimeLimit& limit);

}  // namespace hall::cli

// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "catalogue/json_reader.h"

namespace hall::test {

using catalogue::Json;

// A complete, valid guide that exercises every key of the format; tests change one thing at a time.
Json valid_guide(const std::string& id = "G-0001", const std::string& name = "高龄津贴申领", int version = 1);

// valid_guide() with every English twin of the README's "Format additions" filled in.
Json english_guide(const std::string& id = "G-0001");

// {"format": "hallkiosk.catalogue/1", "guides": [...]}, serialised.
std::string catalogue_text(const std::vector<Json>& guides);

}  // namespace hall::test

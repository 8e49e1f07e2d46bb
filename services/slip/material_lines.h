// SPDX-License-Identifier: Apache-2.0
#pragma once
// How one material reads on paper: its name and what to bring of it ("原件1份 复印件1份").
#include <string>

#include "catalogue/guide.h"
#include "slip/slip.h"

namespace hall::slip {

std::string material_counts(const catalogue::Material& m, Language language);
std::string material_name(const catalogue::Material& m, Language language);
std::string time_limit_text(const catalogue::TimeLimit& limit, Language language);

}  // namespace hall::slip

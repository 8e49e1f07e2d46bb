// SPDX-License-Identifier: Apache-2.0
#pragma once
// How often each guide was opened at this kiosk, for the 常办 order when hall.json names none.
// Counts per guide id and nothing else: no time, no visitor, no search. Kept in the kiosk's own
// data folder (open_counts.json), never synced or sent anywhere.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/error.h"
#include "hall/hall_config.h"

namespace hall {

using OpenCounts = std::map<std::string, std::int64_t>;

// An absent file is no counts yet; a damaged one is an error naming the file.
Result<OpenCounts> read_open_counts(const std::string& path);
// Written beside and renamed into place, so a power cut leaves the old counts or the new.
Result<void> write_open_counts(const std::string& path, const OpenCounts& counts);

// The order to show guides in, as positions into `pinyin_ordered_ids` (which is in pinyin order):
// the hall's 常办事项 first, as listed; then the rest by how often they were opened, most first;
// ties, and guides never opened, in pinyin order.
std::vector<std::size_t> common_order(const std::vector<std::string>& pinyin_ordered_ids,
                                      const std::vector<std::string>& common_services, const OpenCounts& counts);

}  // namespace hall

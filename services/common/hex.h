// SPDX-License-Identifier: Apache-2.0
#pragma once
// Lower-case hex, as the sync protocol writes keys, signatures and hashes.
#include <optional>
#include <string>
#include <string_view>

namespace hall {

std::string to_hex(std::string_view bytes);
// The bytes, or nullopt when the text is not even-length lower-case hex.
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace hall

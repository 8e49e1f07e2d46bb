// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hall {

// Lower-case hex SHA-256 of the bytes: the name of a guide body wherever it is stored or served.
std::string sha256_hex(std::string_view bytes);

}  // namespace hall

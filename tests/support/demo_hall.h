// SPDX-License-Identifier: Apache-2.0
#pragma once
// The bundled demo hall in the source tree (assets/demo), which many tests read.
#include <string>

namespace hall::test {

inline const std::string demo = std::string(HALL_SOURCE_ASSETS) + "/demo";

}  // namespace hall::test

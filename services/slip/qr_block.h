// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string_view>

#include "common/error.h"
#include "slip/slip.h"

namespace hall::slip {

// Encodes `payload` (a URL) as a QR code, error correction level M, with a 4-module quiet zone.
Result<QrBlock> make_qr_block(std::string_view payload, double side_mm);

}  // namespace hall::slip

// SPDX-License-Identifier: Apache-2.0
#include "slip/qr_block.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace hall::slip {

Result<QrBlock> make_qr_block(std::string_view payload, double side_mm) {
  if (payload.empty()) return fail(ErrorCode::invalid_input, "slip: the QR code needs a URL, got an empty one");
  const std::string text(payload);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                       &QRcode_free);
  if (!code) {
    return fail(ErrorCode::invalid_input, "slip: \"" + text + "\" cannot be encoded as a QR code (too long?)");
  }
  QrBlock qr;
  qr.payload = text;
  qr.modules = code->width;
  qr.side_mm = side_mm;
  const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  qr.dark.reserve(count);
  for (std::size_t i = 0; i < count; ++i) qr.dark.push_back((code->data[i] & 1) != 0);
  return qr;
}

}  // namespace hall::slip

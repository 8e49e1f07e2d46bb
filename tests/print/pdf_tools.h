// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reads a PDF back with independent tools: poppler's pdftotext/pdfinfo/pdftoppm and zbar's zbarimg.
#include <string>

namespace hall::test {

std::string pdf_text(const std::string& pdf_path);  // pdftotext -enc UTF-8
double pdf_page_width_pt(const std::string& pdf_path);
int pdf_pages(const std::string& pdf_path);
// Rasterises page 1 at 300 dpi, grey, and decodes its QR code; "" when none is found.
std::string pdf_qr_text(const std::string& pdf_path, const std::string& work_dir);
void write_bytes(const std::string& path, const std::string& bytes);

}  // namespace hall::test

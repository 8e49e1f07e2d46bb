// SPDX-License-Identifier: Apache-2.0
#include "print/pdf_tools.h"

#include <fstream>
#include <regex>

#include "support/run_process.h"

namespace hall::test {

std::string pdf_text(const std::string& pdf_path) {
  return run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf_path, "-"}).out;
}

double pdf_page_width_pt(const std::string& pdf_path) {
  const auto info = run_process({"/usr/bin/pdfinfo", pdf_path}).out;
  std::smatch m;
  if (!std::regex_search(info, m, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)"))) return 0;
  return std::stod(m[1].str());
}

int pdf_pages(const std::string& pdf_path) {
  const auto info = run_process({"/usr/bin/pdfinfo", pdf_path}).out;
  std::smatch m;
  if (!std::regex_search(info, m, std::regex(R"(Pages:\s+([0-9]+))"))) return 0;
  return std::stoi(m[1].str());
}

std::string pdf_qr_text(const std::string& pdf_path, const std::string& work_dir) {
  const std::string png = work_dir + "/page";
  run_process({"/usr/bin/pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf_path, png});
  auto out = run_process({"/usr/bin/zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png + ".png"}).out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

}  // namespace hall::test

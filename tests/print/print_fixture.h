// SPDX-License-Identifier: Apache-2.0
#pragma once
// A running private cupsd with one receipt queue, the demo hall and its richest guide.
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "catalogue/catalogue_file.h"
#include "hall/hall_config.h"
#include "print/cups_printer.h"
#include "print/cups_server.h"
#include "print/slip_renderer.h"
#include "slip/print_queue.h"
#include "slip/sample_slips.h"
#include "support/temp_dir.h"

namespace hall::test {

struct PrintFixture {
  TempDir dir;
  CupsServer cups{dir.path()};
  std::string queue = "receipt";
  std::string output = dir.file("out/receipt.pdf");
  HallConfig hall = *load_hall_config(HALL_SOURCE_ASSETS "/demo/hall.json");
  catalogue::Guide guide = richest_guide();
  TimeZone zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);

  PrintFixture() {
    cups.start();
    cups.add_file_queue(queue, output);
  }

  print::CupsPrinter printer() const { return print::CupsPrinter(queue, {"127.0.0.1", cups.port()}); }

  slip::Slip ticket(int width_mm = 80, const std::string& number = "A023") const {
    auto t = slip::sample_ticket(guide, hall, Instant{std::chrono::seconds(1796000000)});
    t.number = number;
    t.id = "ticket-" + number;
    return *slip::ticket_slip(t, hall, guide.materials, zone, {width_mm, slip::Language::zh_cn, 8});
  }

  slip::SlipPrintJob job(const slip::Slip& s, const std::string& ticket_id) const {
    auto pdf = print::render_pdf(s);
    return slip::SlipPrintJob{ticket_id, {s.title, pdf->bytes, pdf->media}, {}};
  }

  static catalogue::Guide richest_guide() {
    auto file = catalogue::load_catalogue_file(HALL_SOURCE_ASSETS "/demo/catalogue.json");
    catalogue::Guide best = file->guides.front();
    for (const auto& g : file->guides) {
      if (g.materials.size() > best.materials.size()) best = g;
    }
    return best;
  }
};

// Collects what the print queue reports, for the test thread to read.
struct Outcomes {
  mutable std::mutex mutex;
  std::vector<slip::PrintOutcome> all;
  slip::OutcomeSink sink() {
    return [this](const slip::PrintOutcome& o) {
      std::lock_guard lock(mutex);
      all.push_back(o);
    };
  }
  int count(slip::PrintResult r) const {
    std::lock_guard lock(mutex);
    int n = 0;
    for (const auto& o : all) n += o.result == r ? 1 : 0;
    return n;
  }
  std::string last_reason() const {
    std::lock_guard lock(mutex);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (it->result == slip::PrintResult::failed) return it->reason;
    }
    return {};
  }
};

}  // namespace hall::test

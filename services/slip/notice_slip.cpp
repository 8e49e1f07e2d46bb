// SPDX-License-Identifier: Apache-2.0
#include "slip/notice_slip.h"

#include "slip/material_lines.h"
#include "slip/qr_block.h"
#include "slip/slip_text.h"
#include "slip/ticket_slip.h"

namespace hall::slip {
namespace {

void add_missing(Slip& slip, const std::vector<catalogue::Material>& missing, Language lang) {
  for (std::size_t i = 0; i < missing.size(); ++i) {
    const auto& m = missing[i];
    slip.blocks.push_back(line(std::to_string(i + 1) + ". " + material_name(m, lang), TextSize::normal, Weight::bold));
    slip.blocks.push_back(line("    " + material_counts(m, lang), TextSize::small));
    if (m.certificate && !m.certificate->issued_by.empty()) {
      slip.blocks.push_back(
          line("    " + fill("material.issued_by", lang, {m.certificate->issued_by}), TextSize::small));
    }
    if (!m.notes.empty()) slip.blocks.push_back(line("    " + m.notes, TextSize::small));
  }
}

}  // namespace

Result<Slip> notice_slip(const NoticeRequest& request, const HallConfig& hall, const TimeZone& zone,
                         const NoticeOptions& options) {
  const bool a4 = options.paper == PaperKind::a4;
  if (!a4) {
    if (auto ok = check_roll_width(options.roll_width_mm); !ok) return std::unexpected(ok.error());
  }
  if (request.missing.empty()) {
    return fail(ErrorCode::invalid_input,
                "notice for \"" + request.service_name + "\": no missing material was ticked");
  }
  auto qr = make_qr_block(request.guide_url, a4 ? 35 : 30);
  if (!qr) return std::unexpected(qr.error());
  const Language lang = options.language;
  Slip slip;
  slip.title = "notice " + request.service_name;
  slip.paper = options.paper;
  slip.width_mm = a4 ? 210 : options.roll_width_mm;
  slip.margin_mm = a4 ? 20 : (options.roll_width_mm == 80 ? 4 : 3);
  const std::string& hall_name = lang == Language::en && !hall.name_en.empty() ? hall.name_en : hall.name;
  const std::string window = std::to_string(request.window_number);
  slip.blocks.push_back(line(hall_name, TextSize::normal, Weight::regular, Align::center));
  slip.blocks.push_back(line(std::string(text("notice.title", lang)), TextSize::large, Weight::bold, Align::center));
  slip.blocks.push_back(Rule{});
  slip.blocks.push_back(line(fill("notice.service", lang, {request.service_name}), TextSize::normal, Weight::bold));
  slip.blocks.push_back(line(fill("notice.date", lang, {local_minutes(request.date, zone).substr(0, 10)})));
  slip.blocks.push_back(line(fill("notice.window", lang, {window})));
  slip.blocks.push_back(Gap{2});
  slip.blocks.push_back(line(std::string(text("notice.intro", lang))));
  add_missing(slip, request.missing, lang);
  slip.blocks.push_back(Gap{2});
  slip.blocks.push_back(line(fill("notice.limit", lang, {time_limit_text(request.promised_limit, lang)}),
                             TextSize::normal, Weight::bold));
  slip.blocks.push_back(Gap{2});
  slip.blocks.push_back(std::move(*qr));
  slip.blocks.push_back(line(std::string(text("notice.scan", lang)), TextSize::small, Weight::regular, Align::center));
  slip.blocks.push_back(Rule{});
  slip.blocks.push_back(line(fill("notice.contact", lang, {hall.phone.empty() ? "-" : hall.phone, window}),
                             TextSize::small, Weight::regular, Align::center));
  slip.blocks.push_back(line(std::string(text("notice.footer", lang)), TextSize::small, Weight::bold, Align::center));
  return slip;
}

}  // namespace hall::slip

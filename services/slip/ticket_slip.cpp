// SPDX-License-Identifier: Apache-2.0
#include "slip/ticket_slip.h"

#include "common/rfc3339.h"
#include "notices/promised_due.h"
#include "slip/material_lines.h"
#include "slip/qr_block.h"
#include "slip/slip_text.h"

namespace hall::slip {
namespace {

void add_materials(Slip& slip, const std::vector<catalogue::Material>& materials, const TicketSlipOptions& o) {
  std::vector<const catalogue::Material*> required;
  for (const auto& m : materials) {
    if (m.necessity == catalogue::Necessity::required) required.push_back(&m);
  }
  if (required.empty()) return;
  slip.blocks.push_back(line(std::string(text("ticket.bring", o.language)), TextSize::normal, Weight::bold));
  const bool cut = required.size() > o.max_materials;
  const std::size_t shown = cut ? (o.max_materials > 0 ? o.max_materials - 1 : 0) : required.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& m = *required[i];
    slip.blocks.push_back(
        line(std::to_string(i + 1) + ". " + material_name(m, o.language) + "  " + material_counts(m, o.language),
             TextSize::small));
  }
  if (cut) slip.blocks.push_back(line(std::string(text("ticket.more", o.language)), TextSize::small, Weight::bold));
}

// The promised limit as a date, in the words of the guide screen.
void add_due(Slip& slip, const SlipTicket& ticket, const TimeZone& zone, const TicketSlipOptions& o) {
  if (!o.promised || !o.calendar) return;
  const Date today = zone.local_date(ticket.issued_at);
  const auto due = notices::promised_due(*o.promised, today, *o.calendar);
  if (!due) return;
  if (due->same_day) {
    slip.blocks.push_back(line(std::string(text("ticket.due_same_day", o.language))));
    return;
  }
  const std::string phrase =
      o.language == Language::en ? due_phrase_en(due->due.date, today) : due_phrase_zh(due->due.date, today);
  slip.blocks.push_back(line(fill("ticket.due", o.language, {phrase})));
  if (due->due.estimated) {
    slip.blocks.push_back(
        line(fill("ticket.due_estimated", o.language, {std::to_string(due->unknown_year)}), TextSize::small));
  }
}

}  // namespace

Result<void> check_roll_width(int width_mm) {
  if (width_mm != 80 && width_mm != 58) {
    return fail(ErrorCode::invalid_input,
                "slip width " + std::to_string(width_mm) + " mm: a receipt roll is 80 or 58 mm wide");
  }
  return {};
}

std::string local_minutes(Instant t, const TimeZone& zone) {
  const std::string s = format_rfc3339(t, zone.offset_at(t));  // 2026-12-01T09:05:00+08:00
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

Result<Slip> ticket_slip(const SlipTicket& ticket, const HallConfig& hall,
                         const std::vector<catalogue::Material>& materials, const TimeZone& zone,
                         const TicketSlipOptions& options) {
  if (auto ok = check_roll_width(options.width_mm); !ok) return std::unexpected(ok.error());
  if (ticket.number.empty()) return fail(ErrorCode::invalid_input, "slip: the ticket has no number");
  auto qr = make_qr_block(ticket.status_url, options.width_mm == 80 ? 34 : 30);
  if (!qr) return std::unexpected(qr.error());
  const Language lang = options.language;
  Slip slip;
  slip.title = "ticket " + ticket.number;
  slip.width_mm = options.width_mm;
  slip.margin_mm = options.width_mm == 80 ? 4 : 3;
  const std::string& hall_name = lang == Language::en && !hall.name_en.empty() ? hall.name_en : hall.name;
  slip.blocks.push_back(line(hall_name, TextSize::normal, Weight::bold, Align::center));
  slip.blocks.push_back(line(std::string(text("ticket.title", lang)), TextSize::small, Weight::regular, Align::center));
  slip.blocks.push_back(Rule{});
  slip.blocks.push_back(TextLine{ticket.number, TextSize::huge, Weight::bold, Align::center, false});
  slip.blocks.push_back(line(fill("ticket.service", lang, {ticket.service_name}), TextSize::large, Weight::bold));
  slip.blocks.push_back(line(fill("ticket.group", lang, {ticket.group_name})));
  add_due(slip, ticket, zone, options);
  slip.blocks.push_back(line(fill("ticket.issued_at", lang, {local_minutes(ticket.issued_at, zone)})));
  slip.blocks.push_back(line(fill("ticket.ahead", lang, {std::to_string(ticket.ahead)}), TextSize::large));
  if (ticket.estimated_wait_s && *ticket.estimated_wait_s > 0) {
    const int minutes = (*ticket.estimated_wait_s + 59) / 60;
    slip.blocks.push_back(line(fill("ticket.wait", lang, {std::to_string(minutes)})));
  } else {
    slip.blocks.push_back(line(std::string(text("ticket.wait_none", lang))));
  }
  slip.blocks.push_back(Gap{1});
  slip.blocks.push_back(std::move(*qr));
  slip.blocks.push_back(line(std::string(text("ticket.scan", lang)), TextSize::small, Weight::regular, Align::center));
  slip.blocks.push_back(Rule{});
  add_materials(slip, materials, options);
  slip.blocks.push_back(Rule{});
  if (!hall.phone.empty()) {
    slip.blocks.push_back(
        line(fill("hall.phone", lang, {hall.phone}), TextSize::small, Weight::regular, Align::center));
  }
  slip.blocks.push_back(
      line(std::string(text("ticket.no_personal", lang)), TextSize::small, Weight::regular, Align::center));
  return slip;
}

}  // namespace hall::slip

// SPDX-License-Identifier: Apache-2.0
#include "slip/sample_slips.h"

#include <algorithm>

#include "slip/qr_block.h"
#include "slip/slip_text.h"

namespace hall::slip {

SlipTicket sample_ticket(const catalogue::Guide& guide, const HallConfig& hall, Instant now) {
  SlipTicket t;
  t.id = "sample";
  const auto group = std::find_if(hall.queue_groups.begin(), hall.queue_groups.end(),
                                  [&](const QueueGroup& g) { return g.id == guide.queue_group; });
  const QueueGroup* g = group != hall.queue_groups.end() ? &*group
                        : hall.queue_groups.empty()      ? nullptr
                                                         : &hall.queue_groups.front();
  t.number = (g ? g->letter : std::string("A")) + "023";
  t.group_name = g ? g->name : "";
  t.service_name = guide.name;
  t.issued_at = now;
  t.ahead = 5;
  t.estimated_wait_s = 15 * 60;
  t.status_url = "https://hall.example.gov.cn/t/S4mPlE7q";
  return t;
}

NoticeRequest sample_notice(const catalogue::Guide& guide, const HallConfig& hall, Instant now) {
  NoticeRequest n;
  n.service_name = guide.name;
  n.guide_url = "https://hall.example.gov.cn/g/" + guide.id;
  n.promised_limit = guide.promised_limit;
  n.window_number = hall.windows.empty() ? 1 : hall.windows.front().number;
  n.date = now;
  for (const auto& m : guide.materials) {  // those with an issuer first: they take a trip elsewhere
    if (m.certificate) n.missing.push_back(m);
  }
  for (const auto& m : guide.materials) {
    if (!m.certificate && n.missing.size() < 4) n.missing.push_back(m);
  }
  return n;
}

Slip test_page(const HallConfig& hall, int width_mm, Language language) {
  Slip s;
  s.title = "print test";
  s.width_mm = width_mm;
  s.margin_mm = width_mm >= 80 ? 4 : 3;
  s.blocks.push_back(TextLine{hall.name, TextSize::normal, Weight::bold, Align::center, true});
  s.blocks.push_back(
      TextLine{std::string(text("print.test_title", language)), TextSize::large, Weight::bold, Align::center, true});
  s.blocks.push_back(Rule{});
  s.blocks.push_back(
      TextLine{std::string(text("print.test_body", language)), TextSize::normal, Weight::regular, Align::start, true});
  if (auto qr = make_qr_block("https://hall.example.gov.cn/print-test", 25)) s.blocks.push_back(std::move(*qr));
  s.blocks.push_back(TextLine{std::to_string(width_mm) + " mm", TextSize::small, Weight::regular, Align::center, true});
  return s;
}

}  // namespace hall::slip

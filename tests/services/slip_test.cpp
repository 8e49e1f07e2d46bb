// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "common/rfc3339.h"
#include "hall/hall_config.h"
#include "notices/calendar_file.h"
#include "support/demo_hall.h"
#include "support/temp_dir.h"
#include "slip/notice_slip.h"
#include "slip/qr_block.h"
#include "slip/slip_text.h"
#include "slip/ticket_slip.h"

// Its own namespace: in a unity batch, hall::slip's names (Language) stay out of the speech tests'.
namespace slip_test {

using namespace hall;
using namespace hall::slip;

namespace {

HallConfig sample_hall() {
  HallConfig h;
  h.name = "安居街道便民服务中心";
  h.name_en = "Anju Subdistrict Service Centre";
  h.phone = "0537-2310100";
  return h;
}

catalogue::Material material(std::string name, catalogue::Necessity n = catalogue::Necessity::required) {
  catalogue::Material m;
  m.name = std::move(name);
  m.necessity = n;
  m.form = catalogue::MaterialForm::original_or_copy;
  m.originals = 1;
  m.copies = 2;
  return m;
}

SlipTicket sample_ticket() {
  return SlipTicket{"t-1",
                    "A023",
                    "综合受理",
                    "高龄津贴申领",
                    *parse_rfc3339("2026-12-01T01:05:00Z"),
                    3,
                    600,
                    "http://hall.local/t/abc"};
}

std::string all_text(const Slip& slip) {
  std::string out;
  for (const auto& b : slip.blocks) {
    if (const auto* t = std::get_if<TextLine>(&b)) out += t->text + "\n";
  }
  return out;
}

bool has_line(const Slip& slip, const std::string& text) {
  return all_text(slip).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("every slip text has both languages", "[slip]") {
  const auto keys = text_keys();
  for (auto key : keys) {
    INFO(key);
    CHECK_FALSE(text(key, Language::zh_cn).empty());
    CHECK_FALSE(text(key, Language::en).empty());
    CHECK(std::count(keys.begin(), keys.end(), key) == 1);
  }
  CHECK(fill("no.such.key", Language::zh_cn, {}) == "[no.such.key]");
  CHECK(fill("ticket.ahead", Language::zh_cn, {"3"}) == "前面还有 3 人");
}

TEST_CASE("a QR block holds the modules of its URL with a 4-module quiet zone", "[slip]") {
  const auto qr = make_qr_block("http://hall.local/t/abc", 30);
  REQUIRE(qr);
  CHECK(qr->quiet_zone == 4);
  CHECK(qr->modules >= 21);
  CHECK(qr->dark.size() == static_cast<std::size_t>(qr->modules * qr->modules));
  CHECK(qr->is_dark(0, 0));  // the finder pattern's corner
  CHECK_FALSE(make_qr_block("", 30));
}

TEST_CASE("the ticket slip carries the number, the service, the time in the hall's zone and the QR", "[slip]") {
  const auto zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  const std::vector materials{material("居民身份证"), material("户口簿", catalogue::Necessity::optional)};
  const auto slip = ticket_slip(sample_ticket(), sample_hall(), materials, zone);
  REQUIRE(slip);
  CHECK(slip->width_mm == 80);
  CHECK(has_line(*slip, "A023"));
  CHECK(has_line(*slip, "高龄津贴申领"));
  CHECK(has_line(*slip, "2026-12-01 09:05"));
  CHECK(has_line(*slip, "前面还有 3 人"));
  CHECK(has_line(*slip, "预计等候约 10 分钟"));
  CHECK(has_line(*slip, "居民身份证  原件1份或复印件2份"));
  CHECK_FALSE(has_line(*slip, "户口簿"));  // optional materials stay on the guide
  CHECK(has_line(*slip, "0537-2310100"));
  CHECK(has_line(*slip, "本凭条不含个人信息"));
  const auto qr = std::find_if(slip->blocks.begin(), slip->blocks.end(),
                               [](const Block& b) { return std::holds_alternative<QrBlock>(b); });
  REQUIRE(qr != slip->blocks.end());
  CHECK(std::get<QrBlock>(*qr).payload == "http://hall.local/t/abc");
}

TEST_CASE("a long material list is cut short with a pointer to the QR code", "[slip]") {
  std::vector<catalogue::Material> materials;
  for (int i = 0; i < 30; ++i) materials.push_back(material("材料" + std::to_string(i)));
  const auto slip = ticket_slip(sample_ticket(), sample_hall(), materials, TimeZone::fixed("CST", 8 * 3600));
  REQUIRE(slip);
  CHECK(has_line(*slip, "其余材料请扫码查看"));
  CHECK(has_line(*slip, "材料6 "));
  CHECK_FALSE(has_line(*slip, "材料7 "));
}

TEST_CASE("a slip is 80 or 58 mm wide and can be printed in English", "[slip]") {
  const auto zone = TimeZone::fixed("CST", 8 * 3600);
  TicketSlipOptions options;
  options.width_mm = 58;
  options.language = Language::en;
  const auto slip = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE(slip);
  CHECK(slip->width_mm == 58);
  CHECK(has_line(*slip, "Anju Subdistrict Service Centre"));
  CHECK(has_line(*slip, "3 people ahead of you"));
  options.width_mm = 60;
  const auto refused = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("60 mm") != std::string::npos);
}

TEST_CASE("the ticket slip says the date the service's promised limit comes to, by the hall's calendar", "[slip]") {
  const auto zone = TimeZone::fixed("Asia/Shanghai", 8 * 3600);
  auto calendar = notices::parse_calendar_file(hall::test::read_file(hall::test::demo + "/workdays.json"));
  REQUIRE(calendar);
  TicketSlipOptions options;
  options.calendar = &*calendar;
  // Issued on Tuesday 1 December 2026, 09:05 in the hall: ten working days later is the 15th.
  options.promised = catalogue::TimeLimit{10, catalogue::LimitUnit::working_days};
  auto slip = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE(slip);
  CHECK(has_line(*slip, "今日受理，预计 12月15日前办结\n"));
  CHECK_FALSE(has_line(*slip, "估算"));
  options.language = Language::en;
  slip = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE(slip);
  CHECK(has_line(*slip, "Expected by 15 December if accepted today\n"));

  options.language = Language::zh_cn;
  options.promised = catalogue::TimeLimit{30, catalogue::LimitUnit::working_days};
  slip = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE(slip);
  CHECK(has_line(*slip, "今日受理，预计 2027年1月12日前办结\n"));
  CHECK(has_line(*slip, "（估算：2027年节假日安排尚未公布）"));

  options.promised = catalogue::TimeLimit{0, catalogue::LimitUnit::on_the_spot};
  slip = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE(slip);
  CHECK(has_line(*slip, "即办件：今日受理，当日办结"));

  // Without the hall's calendar, no date at all.
  options.promised = catalogue::TimeLimit{10, catalogue::LimitUnit::working_days};
  options.calendar = nullptr;
  slip = ticket_slip(sample_ticket(), sample_hall(), {}, zone, options);
  REQUIRE(slip);
  CHECK_FALSE(has_line(*slip, "办结"));
  CHECK_FALSE(has_line(*slip, "今日受理"));
}

TEST_CASE("the one-time notice lists every missing material with its issuer and the time limit", "[slip]") {
  auto cert = material("无犯罪记录证明");
  cert.form = catalogue::MaterialForm::original;
  cert.copies = 0;
  cert.certificate = catalogue::Certificate{"", "", "户籍所在地派出所", "", ""};
  NoticeRequest request{"高龄津贴申领",
                        "http://hall.local/g/G-0001",
                        {20, catalogue::LimitUnit::working_days},
                        3,
                        *parse_rfc3339("2026-12-01T01:05:00Z"),
                        {cert, material("户口簿")}};
  const auto notice = notice_slip(request, sample_hall(), TimeZone::fixed("CST", 8 * 3600));
  REQUIRE(notice);
  CHECK(notice->paper == PaperKind::a4);
  CHECK(notice->width_mm == 210);
  CHECK(has_line(*notice, "一次性告知单"));
  CHECK(has_line(*notice, "告知日期：2026-12-01"));
  CHECK(has_line(*notice, "受理窗口：3号窗口"));
  CHECK(has_line(*notice, "1. 无犯罪记录证明"));
  CHECK(has_line(*notice, "原件1份"));
  CHECK(has_line(*notice, "开具单位：户籍所在地派出所"));
  CHECK(has_line(*notice, "2. 户口簿"));
  CHECK(has_line(*notice, "承诺办结时限：20个工作日"));
  CHECK(has_line(*notice, "0537-2310100"));
  request.missing.clear();
  CHECK_FALSE(notice_slip(request, sample_hall(), TimeZone::fixed("CST", 8 * 3600)));
}

TEST_CASE("hall.json names the slip width and the printer", "[slip][hall]") {
  const std::string base = R"({"format": "hallkiosk.hall/1", "name": "H", "address": "A", "default_queue_group": "A",
    "queue_groups": [{"id": "A", "letter": "A", "name": "综合"}],
    "windows": [{"id": "w1", "number": 1, "name": "1号", "queue_groups": ["A"]}])";
  const auto plain = parse_hall_config(base + "}");
  REQUIRE(plain);
  CHECK(plain->slip_width_mm == 80);
  CHECK(plain->printer.empty());
  const auto narrow = parse_hall_config(base + R"(, "slip_width_mm": 58, "printer": "kiosk-receipt"})");
  REQUIRE(narrow);
  CHECK(narrow->slip_width_mm == 58);
  CHECK(narrow->printer == "kiosk-receipt");
  const auto odd = parse_hall_config(base + R"(, "slip_width_mm": 70})");
  REQUIRE_FALSE(odd);
  CHECK(odd.error().message.find("slip_width_mm") != std::string::npos);
}

}  // namespace slip_test

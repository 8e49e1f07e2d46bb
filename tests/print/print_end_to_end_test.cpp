// SPDX-License-Identifier: Apache-2.0
// Slips printed through a real cupsd onto a file queue, then read back as a visitor's paper would be.
#include <catch2/catch.hpp>

#include <thread>

#include "print/pdf_tools.h"
#include "print/print_fixture.h"

using namespace hall;
using namespace hall::test;
using namespace std::chrono_literals;

namespace {

// Submits and waits for job-state completed; the output file then holds the printed PDF.
void print_and_wait(PrintFixture& f, const slip::Slip& s) {
  auto printer = f.printer();
  auto pdf = print::render_pdf(s);
  REQUIRE(pdf);
  auto id = printer.submit({s.title, pdf->bytes, pdf->media}, std::chrono::steady_clock::now() + 2s);
  INFO((id ? "" : id.error().message));
  REQUIRE(id);
  const auto until = std::chrono::steady_clock::now() + 10s;
  auto state = slip::JobState::pending;
  while (std::chrono::steady_clock::now() < until && state != slip::JobState::completed) {
    auto s2 = printer.job_state(*id, std::chrono::steady_clock::now() + 1s);
    REQUIRE(s2);
    state = *s2;
    REQUIRE_FALSE((state == slip::JobState::aborted || state == slip::JobState::canceled));
    std::this_thread::sleep_for(20ms);
  }
  REQUIRE(state == slip::JobState::completed);
}

}  // namespace

TEST_CASE("an 80 mm ticket slip prints with its number, Chinese service name and a QR code that scans", "[print]") {
  PrintFixture f;
  print_and_wait(f, f.ticket(80, "A023"));
  const auto text = pdf_text(f.output);
  CHECK(text.find("A023") != std::string::npos);
  CHECK(text.find(f.guide.name) != std::string::npos);
  CHECK(text.find("本凭条不含个人信息") != std::string::npos);
  CHECK(pdf_page_width_pt(f.output) == Approx(226.8).margin(1));
  CHECK(pdf_qr_text(f.output, f.dir.path()) == "https://hall.example.gov.cn/t/S4mPlE7q");
}

TEST_CASE("a 58 mm slip prints 58 mm wide and still scans", "[print]") {
  PrintFixture f;
  print_and_wait(f, f.ticket(58, "B105"));
  CHECK(pdf_page_width_pt(f.output) == Approx(164.4).margin(1));
  CHECK(pdf_text(f.output).find("B105") != std::string::npos);
  CHECK(pdf_qr_text(f.output, f.dir.path()) == "https://hall.example.gov.cn/t/S4mPlE7q");
}

TEST_CASE("a guide with 30 materials gives a slip with nothing clipped", "[print]") {
  PrintFixture f;
  std::vector<catalogue::Material> materials;
  for (int i = 1; i <= 30; ++i) {
    catalogue::Material m;
    m.name = "第" + std::to_string(i) + "项证明材料（由有关部门出具的一份名称相当长的书面证明文件）";
    m.originals = 1;
    materials.push_back(m);
  }
  auto t = slip::sample_ticket(f.guide, f.hall, Instant{std::chrono::seconds(1796000000)});
  t.service_name = "一个名称很长很长的事项：城乡居民基本养老保险待遇领取资格认证及相关信息变更登记";
  const auto s = slip::ticket_slip(t, f.hall, materials, f.zone);
  REQUIRE(s);
  print_and_wait(f, *s);
  auto text = pdf_text(f.output);
  std::erase(text, '\n');  // wrapped lines come back on separate lines
  CHECK(text.find("城乡居民基本养老保险待遇领取资格认证及相关信息变更登记") != std::string::npos);
  int listed = 0;
  for (int i = 1; i <= 30; ++i) {
    if (text.find("第" + std::to_string(i) + "项证明材料（由有关部门出具的一份名称相当长的书面证明文件）") !=
        std::string::npos) {
      ++listed;
    }
  }
  CHECK(listed == 7);  // the rest behind "其余材料请扫码查看"
  CHECK(text.find("其余材料请扫码查看") != std::string::npos);
  CHECK(text.find("本凭条不含个人信息") != std::string::npos);  // the last line made it onto the page
  CHECK(pdf_pages(f.output) == 1);
  CHECK(pdf_qr_text(f.output, f.dir.path()) == "https://hall.example.gov.cn/t/S4mPlE7q");
}

TEST_CASE("the one-time notice prints on A4 with every missing material and its issuer", "[print]") {
  PrintFixture f;
  auto request = slip::sample_notice(f.guide, f.hall, Instant{std::chrono::seconds(1796000000)});
  const auto notice = slip::notice_slip(request, f.hall, f.zone);
  REQUIRE(notice);
  print_and_wait(f, *notice);
  const auto text = pdf_text(f.output);
  CHECK(text.find("一次性告知单") != std::string::npos);
  for (const auto& m : request.missing) CHECK(text.find(m.name) != std::string::npos);
  CHECK(pdf_page_width_pt(f.output) == Approx(595.3).margin(1));
  CHECK(pdf_qr_text(f.output, f.dir.path()) == request.guide_url);
}

TEST_CASE("the print queue prints a slip once and reports it printed", "[print]") {
  PrintFixture f;
  auto printer = f.printer();
  Outcomes outcomes;
  slip::PrintQueue queue(printer, outcomes.sink());
  auto first = f.job(f.ticket(), "ticket-A023");
  const auto started = std::chrono::steady_clock::now();
  CHECK(queue.enqueue(first));
  CHECK(std::chrono::steady_clock::now() - started < 50ms);      // the caller never waits on the printer
  CHECK_FALSE(queue.enqueue(f.job(f.ticket(), "ticket-A023")));  // the same ticket's first slip, again
  REQUIRE(queue.wait_idle(10s));
  CHECK(outcomes.count(slip::PrintResult::printed) == 1);
  CHECK(f.cups.completed_jobs(f.queue) == 1);
  auto reprint = f.job(f.ticket(), "ticket-A023");
  reprint.reprint_by = "clerk-7";
  CHECK(queue.enqueue(reprint));
  REQUIRE(queue.wait_idle(10s));
  CHECK(outcomes.count(slip::PrintResult::reprinted) == 1);
  CHECK(f.cups.completed_jobs(f.queue) == 2);
}

// SPDX-License-Identifier: Apache-2.0
// hallctl central's notice verbs against the real `central serve`: notice-submit with the
// 去标识化 scan's hits, notice-review deciding each hit (refused while one is undecided),
// publish --notice-draft, the 主动公开基本目录 as text, JSON and CSV, and a draft's opinions as
// the phone page left them, listed and exported; then a hall syncs the notices and its hub's
// phone page shows one as reviewed.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/child_process.h"
#include "support/demo_notices.h"
#include "raw_client.h"
#include "support/hallctl.h"
#include "support/temp_dir.h"

namespace central_notice_cli_test {

using hall::test::hallctl;
using Json = nlohmann::ordered_json;

using hall::test::hall_date;

// An announcement with a duty mobile (kept: the office publishes it) and a clerk's e-mail
// (masked), and a draft open for comment whose period is set from today.
std::string extra_notices() {
  const Json announcement = {
      {"id", "N-2026-A90"},
      {"version", 1},
      {"kind", "announcement"},
      {"title", "关于冬季供暖报修的通知"},
      {"issuer", {{"name", "安居街道办事处"}}},
      {"date", hall_date(-2)},
      {"disclosure", "active"},
      {"category", "service"},
      {"domain", "住房保障"},
      {"body",
       {{{"type", "paragraph"}, {"text", "街道值班手机13812345678，全天有人接听。"}},
        {{"type", "paragraph"}, {"text", "经办人邮箱 wangmou@example.com。"}}}}};
  const Json draft = hall::test::draft_around_today("N-2026-D91", -20, 10);
  return Json{{"format", "hallkiosk.notices/1"}, {"notices", Json::array({announcement, draft})}}.dump();
}

TEST_CASE("hallctl central: notices through submit, review with 去标识化, publish, catalogue and comments",
          "[integration][cli][notices]") {
  hall::test::TempDir dir;
  const std::string data = dir.file("central");
  for (const std::string who : {"", "alice", "bob", "carol"}) {
    std::vector<std::string> args = {"keygen", "--out", dir.file((who.empty() ? "publisher" : who) + ".key")};
    if (!who.empty()) args.insert(args.end(), {"--id", who});
    REQUIRE(hallctl(args).exit_code == 0);
  }
  REQUIRE(hallctl({"central", "init", "--data", data, "--publisher-key", dir.file("publisher.key")}).exit_code == 0);
  for (const auto& [id, roles] : {std::pair{"alice", "author"}, {"bob", "reviewer"}, {"carol", "publisher"}}) {
    REQUIRE(hallctl({"central", "add-admin", "--data", data, "--id", id, "--name", id, "--public-key",
                     dir.file(std::string(id) + ".key.pub"), "--roles", roles})
                .exit_code == 0);
  }
  hall::test::ChildProcess serve({HALLCTL_PATH, "central", "serve", "--data", data, "--port", "0"},
                                 dir.file("serve.log"));
  const std::string url = serve.read_line(std::chrono::seconds(10));
  REQUIRE(url.starts_with("http://127.0.0.1:"));
  const auto remote = [&](std::vector<std::string> args, const std::string& who) {
    args.insert(args.begin(), "central");
    args.insert(args.end(), {"--url", url, "--key", dir.file(who + ".key")});
    return hallctl(args);
  };

  // The demo hall's nine notices: nothing personal in them.
  const auto demo = remote({"notice-submit", hall::test::demo + "/notices.json"}, "alice");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  CHECK_THAT(demo.out, Catch::Contains("#1  N-2023-001 v1  policy  pending  by alice"));
  CHECK_THAT(demo.out, Catch::Contains("去标识化: nothing found"));
  hall::test::write_file(dir.file("extra.json"), extra_notices());
  const auto extra = remote({"notice-submit", dir.file("extra.json")}, "alice");
  INFO(extra.err);
  REQUIRE(extra.exit_code == 0);
  CHECK_THAT(extra.out, Catch::Contains("#10  N-2026-A90 v1  announcement  pending  by alice"));
  CHECK_THAT(extra.out, Catch::Contains("hit 1  手机号码  $.body[0].text  13812345678 → 138****5678"));
  CHECK_THAT(extra.out, Catch::Contains("hit 2  电子邮箱  $.body[1].text  wangmou@example.com"));
  CHECK(remote({"notice-submit", hall::test::demo + "/workdays.json"}, "alice").exit_code == 2);  // not notices

  // An author cannot review; a reviewer must decide every hit, and a kept one needs its reason.
  CHECK(remote({"notice-review", "10", "--approve", "--note", "ok"}, "alice").exit_code == 1);
  const auto undecided = remote({"notice-review", "10", "--approve", "--note", "无涉密内容", "--mask", "2"}, "bob");
  CHECK(undecided.exit_code == 2);
  CHECK_THAT(undecided.err, Catch::Contains("138****5678"));
  CHECK(remote({"notice-review", "10", "--approve", "--note", "x", "--keep", "1"}, "bob").exit_code == 2);  // no reason
  CHECK(remote({"notice-review", "10", "--approve", "--note", "x", "--mask", "7"}, "bob").exit_code == 2);  // no hit 7
  const auto reviewed = remote({"notice-review", "10", "--approve", "--note", "无涉密内容", "--keep",
                                "1:街道公开的值班电话", "--mask", "2"},
                               "bob");
  INFO(reviewed.err);
  REQUIRE(reviewed.exit_code == 0);
  CHECK_THAT(reviewed.out, Catch::Contains("reviewed by bob"));
  CHECK_THAT(reviewed.out, Catch::Contains("keep  13812345678  (街道公开的值班电话)"));
  CHECK_THAT(reviewed.out, Catch::Contains("mask  wangmou@example.com → "));

  // Only the one named is published; then the demo's, approved with --mask-all.
  const auto one = remote({"publish", "--notice-draft", "10"}, "carol");
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  CHECK_THAT(one.out, Catch::Contains("notice N-2026-A90"));
  CHECK_THAT(one.out, !Catch::Contains("N-2023-001"));
  for (int id = 1; id <= 11; ++id) {
    if (id == 10) continue;
    const auto r = remote({"notice-review", std::to_string(id), "--approve", "--note", "无涉密内容", "--mask-all"}, "bob");
    INFO(id << ": " << r.err);
    REQUIRE(r.exit_code == 0);
  }
  const auto rest = remote({"publish"}, "carol");
  INFO(rest.err);
  REQUIRE(rest.exit_code == 0);
  CHECK_THAT(rest.out, Catch::Contains("notice N-2023-001") && Catch::Contains("notice N-2026-D91"));
  const auto drafts = remote({"notice-drafts"}, "carol");
  CHECK_THAT(drafts.out, Catch::Contains("published in catalogue version 2"));

  // The public page shows what the review decided.
  httplib::Client http("127.0.0.1", std::stoi(url.substr(std::string("http://127.0.0.1:").size())));
  const auto page = http.Get("/n/N-2026-A90");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK_THAT(page->body, Catch::Contains("13812345678"));
  CHECK_THAT(page->body, !Catch::Contains("wangmou@example.com"));

  // The 主动公开基本目录.
  const auto text = remote({"catalogue"}, "bob");
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("主动公开基本目录  " + hall_date(0) + "  共 11 条"));
  CHECK_THAT(text.out, Catch::Contains("决策公开（"));
  CHECK_THAT(text.out, Catch::Contains("安居街道2023年政务公开工作实施方案"));
  const auto as_json = remote({"catalogue", "--json"}, "bob");
  REQUIRE(as_json.exit_code == 0);
  const Json j = Json::parse(as_json.out);
  CHECK(j["count"] == 11);
  REQUIRE(j["categories"].size() == 5);
  CHECK(j["categories"][0]["category"] == "decision");
  const auto csv = remote({"catalogue", "--csv", "--date", "2027-02-01"}, "bob");
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Catch::StartsWith("\xEF\xBB\xBF类别,领域,种类,标题,文号,发布机构,发布日期,施行日期,失效日期,状态"));
  // The New Year hours notice (in force to 2027-01-05) has lapsed on 1 February 2027.
  CHECK_THAT(csv.out, Catch::Contains("关于2027年元旦期间便民服务中心办公时间的通知,,安居街道办事处,2026-12-01,2026-12-01,2027-01-05,已失效"));
  CHECK(remote({"catalogue", "--date", "tomorrow"}, "bob").exit_code == 2);

  // An opinion left on the open draft's phone page, listed and exported with its contact.
  const auto sent = http.Post("/n/N-2026-D91/comments", "opinion=%E5%BB%BA%E8%AE%AE%E5%8A%A0%E5%BF%AB&contact=139",
                              "application/x-www-form-urlencoded");
  REQUIRE(sent);
  CHECK(sent->status == 201);
  const auto comments = remote({"comments", "N-2026-D91"}, "bob");
  INFO(comments.err);
  REQUIRE(comments.exit_code == 0);
  CHECK_THAT(comments.out, Catch::StartsWith("N-2026-D91: 1 opinion(s)"));
  CHECK_THAT(comments.out, Catch::Contains("联系方式: 139") && Catch::Contains("    建议加快"));
  const auto exported = remote({"comments", "N-2026-D91", "--csv"}, "bob");
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.out, Catch::StartsWith("\xEF\xBB\xBF回执码,收到时间,版本,意见,联系方式,来源\r\n"));
  CHECK_THAT(exported.out, Catch::Contains(",1,建议加快,139,127.0.0.1\r\n"));
  {
    // A body over the form's bound is refused on the request's head, before it is sent or read.
    hall::test::RawClient raw(std::stoi(url.substr(std::string("http://127.0.0.1:").size())));
    REQUIRE(raw.send("POST /n/N-2026-D91/comments HTTP/1.1\r\nHost: x\r\nContent-Type: "
                     "application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\n"));
    CHECK_THAT(raw.read(std::chrono::seconds(5), "\r\n"), Catch::StartsWith("HTTP/1.1 413"));
  }
  CHECK(remote({"comments", "N-2026-D91"}, "bob").out.starts_with("N-2026-D91: 1 opinion(s)"));  // nothing added
  CHECK(remote({"comments", "N-2099-X"}, "bob").exit_code == 1);  // no such notice: 404, a failure not a usage
  CHECK(remote({"comments"}, "bob").exit_code == 2);

  // A hall syncs what was published; its own hub's page for the visitor's phone shows the notice
  // as reviewed (the duty mobile kept, the clerk's e-mail masked).
  const std::string hall_dir = dir.file("hall");
  REQUIRE(hallctl({"sync", "--trust", data + "/publish/keys/1.json", "--data", hall_dir}).exit_code == 0);
  const auto synced = hallctl({"sync", "--once", "--url", url, "--data", hall_dir});
  INFO(synced.err);
  REQUIRE(synced.exit_code == 0);
  const auto listed = hallctl({"notice", "list", "--data", hall_dir});
  INFO(listed.err);
  CHECK_THAT(listed.out, Catch::Contains("关于冬季供暖报修的通知") && Catch::Contains("安居街道2023年政务公开工作实施方案"));
  hall::test::write_file(hall_dir + "/hall.json", hall::test::read_file(hall::test::demo + "/hall.json"));  // set-up's part
  hall::test::ChildProcess hub({HALLCTL_PATH, "serve", "--data", hall_dir, "--port", "0"}, dir.file("hub.log"));
  const std::string hub_line = hub.read_line(std::chrono::seconds(10));
  INFO(hub_line << hall::test::read_file(dir.file("hub.log")));
  REQUIRE(hub_line.starts_with("listening on http://127.0.0.1:"));
  httplib::Client hub_http("127.0.0.1", std::stoi(hub_line.substr(std::string("listening on http://127.0.0.1:").size())));
  const auto at_hall = hub_http.Get("/n/N-2026-A90");
  REQUIRE(at_hall);
  CHECK(at_hall->status == 200);
  CHECK_THAT(at_hall->body, Catch::Contains("13812345678") && Catch::Contains("w***@example.com"));
  CHECK_THAT(at_hall->body, !Catch::Contains("wangmou@example.com"));
  CHECK(hub.stop(std::chrono::seconds(5), SIGTERM) == 0);

  CHECK(serve.stop(std::chrono::seconds(5), SIGTERM) == 0);
  CHECK_THAT(hallctl({"central", "--help"}).out, Catch::Contains("hallctl central catalogue"));
}

}  // namespace central_notice_cli_test

// SPDX-License-Identifier: Apache-2.0
// hallctl's central verbs end to end: keygen, init, add-admin, serve (a child process stopped by
// SIGTERM), submit, review, publish, drafts, status, audit.
#include <signal.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "support/child_process.h"
#include "support/demo_hall.h"
#include "support/hallctl.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using hall::test::hallctl;
using hall::test::valid_guide;

TEST_CASE("hallctl central: init, serve, submit, review, publish, status", "[integration][cli]") {
  hall::test::TempDir dir;
  const std::string data = dir.file("central");
  for (const auto& [who, file] : {std::pair{"", "publisher.key"}, {"alice", "alice.key"}, {"bob", "bob.key"},
                                  {"carol", "carol.key"}}) {
    std::vector<std::string> args = {"keygen", "--out", dir.file(file)};
    if (*who) args.insert(args.end(), {"--id", who});
    const auto r = hallctl(args);
    REQUIRE(r.exit_code == 0);
  }
  struct stat st {};
  REQUIRE(::stat(dir.file("alice.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  REQUIRE(hallctl({"central", "init", "--data", data, "--publisher-key", dir.file("publisher.key")}).exit_code == 0);
  CHECK(hallctl({"central", "init", "--data", data, "--publisher-key", dir.file("publisher.key")}).exit_code == 2);
  for (const auto& [id, roles] : {std::pair{"alice", "author"}, {"bob", "reviewer"}, {"carol", "publisher"}}) {
    const auto r = hallctl({"central", "add-admin", "--data", data, "--id", id, "--name", id, "--public-key",
                            dir.file(std::string(id) + ".key.pub"), "--roles", roles});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  CHECK(hallctl({"central", "add-admin", "--data", data, "--id", "x", "--name", "x", "--public-key",
                 dir.file("alice.key.pub"), "--roles", "janitor"})
            .exit_code == 2);

  // The working-day calendar the 1-working-day publication rule counts with.
  const auto calendar = hallctl({"central", "workdays", "import", hall::test::demo + "/workdays.json", "--data", data});
  INFO(calendar.err);
  CHECK(calendar.exit_code == 0);
  CHECK_THAT(calendar.out, Catch::Contains("working-day calendar imported: 2025 2026"));
  hall::test::write_file(dir.file("bad-workdays.json"),
                         R"({"format": "hallkiosk.workdays/1", "years": [{"year": 2027}]})");
  CHECK(hallctl({"central", "workdays", "import", dir.file("bad-workdays.json"), "--data", data}).exit_code == 2);

  hall::test::ChildProcess serve({HALLCTL_PATH, "central", "serve", "--data", data, "--port", "0"},
                                 dir.file("serve.log"));
  const std::string url = serve.read_line(std::chrono::seconds(10));
  REQUIRE(url.starts_with("http://127.0.0.1:"));
  const auto remote = [&](std::vector<std::string> args, const std::string& key) {
    args.insert(args.begin(), "central");
    args.insert(args.end(), {"--url", url, "--key", dir.file(key)});
    return hallctl(args);
  };

  hall::test::write_file(dir.file("guide.json"), hall::test::catalogue_text({valid_guide("G-1")}));
  const auto submitted = remote({"submit", dir.file("guide.json")}, "alice.key");
  INFO(submitted.err);
  REQUIRE(submitted.exit_code == 0);
  CHECK_THAT(submitted.out, Catch::Contains("#1  G-1 v1  pending  by alice"));
  CHECK_THAT(submitted.out, Catch::Contains("$.name: (none) → \"高龄津贴申领\""));

  const auto own = remote({"review", "1", "--approve", "--note", "ok"}, "alice.key");
  CHECK(own.exit_code == 1);  // alice is not a reviewer: 403
  CHECK_THAT(own.err, Catch::Contains("does not hold the reviewer role"));
  // Nothing approved, but the calendar imported above is not published yet: it goes alone.
  const auto calendar_only = remote({"publish"}, "carol.key");
  CHECK(calendar_only.exit_code == 0);
  CHECK_THAT(calendar_only.out, Catch::Contains("published catalogue version 1: working-day calendar"));
  CHECK(remote({"publish"}, "carol.key").exit_code == 2);  // nothing approved, the calendar unchanged
  const auto reviewed = remote({"review", "1", "--approve", "--note", "无涉密内容"}, "bob.key");
  INFO(reviewed.err);
  REQUIRE(reviewed.exit_code == 0);
  CHECK_THAT(reviewed.out, Catch::Contains("reviewed by bob"));
  // Approved and not yet published: the drafts list says by when (1 working day).
  const auto due = remote({"drafts"}, "carol.key");
  INFO(due.err);
  CHECK_THAT(due.out, Catch::Contains("publish by ") && Catch::Contains("(approved "));
  const auto published = remote({"publish", "--effective-from", "2026-01-01T00:00:00+08:00"}, "carol.key");
  INFO(published.err);
  REQUIRE(published.exit_code == 0);
  CHECK_THAT(published.out, Catch::Contains("published catalogue version 2: G-1@1"));

  const auto status = remote({"status"}, "carol.key");
  CHECK(status.exit_code == 0);
  CHECK_THAT(status.out, Catch::Contains("no kiosk has reported yet"));
  const auto audit = remote({"audit", "--json"}, "bob.key");
  REQUIRE(audit.exit_code == 0);
  CHECK_THAT(audit.out, Catch::Contains("\"action\": \"publish\""));
  const auto drafts = remote({"drafts"}, "bob.key");
  CHECK_THAT(drafts.out, Catch::Contains("published"));
  CHECK(hallctl({"central", "drafts", "--url", url, "--key", dir.file("publisher.key")}).exit_code == 2);  // no id

  CHECK(serve.stop(std::chrono::seconds(5), SIGTERM) == 0);  // a clean stop
  CHECK(hallctl({"central", "--help"}).exit_code == 0);
  CHECK(hallctl({"central", "frobnicate"}).exit_code == 2);
  CHECK_THAT(hallctl({"--help"}).out, Catch::Contains("hallctl central"));
}

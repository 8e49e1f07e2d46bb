// SPDX-License-Identifier: Apache-2.0
#include "hallctl/central_notice_commands.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "central/central_store.h"
#include "hallctl/central_remote.h"

namespace hall::cli {

const char* const central_notice_help = R"(
Notices (政务公开, hallkiosk.notice/1), from an administrator's machine (--url URL --key FILE):
  hallctl central notice-submit FILE   every notice of FILE becomes a draft; the 去标识化 scan lists
                                       what it found (ID, mobile and card numbers, e-mail, deputies)
  hallctl central notice-drafts        every notice draft: state, hits, review
  hallctl central notice-review DRAFT (--approve | --reject REASON) --note TEXT
        [--mask-all] [--mask N[,N...]] [--keep N:REASON]...
        approving decides every hit by its number: masked (张** / 138****1234) or kept with a
        reason (an office's public phone); --mask-all masks each hit not named otherwise
  hallctl central publish --notice-draft ID[,ID...]   publish approved notice drafts (with
                                       --draft, guides alongside; with neither, all approved)
  hallctl central comments NOTICE [--csv]   the opinions left on a draft's phone page, with the
                                       contacts (never published); --csv for a spreadsheet
  hallctl central catalogue [--csv | --json] [--date YYYY-MM-DD]
        the 主动公开基本目录: every published notice by 五公开 category, newest first, with its
        dates and whether it is in force on DATE (default: today in the hall)
)";

namespace {

using Json = nlohmann::ordered_json;

int report(const Error& e) { return say_failure(e); }
int usage(const std::string& message) { return central_usage(message); }

std::string text(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "#4  N-2026-D07 v1  draft  pending  by alice  2026-11-28T08:00:00Z  安居街道…" and its hits.
void print_notice_draft(const Json& d) {
  std::cout << "#" << d["id"].get<std::int64_t>() << "  " << text(d, "notice_id") << " v" << d["version"].get<int>()
            << "  " << text(d, "kind") << "  " << text(d, "state") << "  by " << text(d, "author") << "  "
            << text(d, "submitted_at") << "\n    " << text(d, "title") << "\n";
  if (d["hits"].empty()) std::cout << "    去标识化: nothing found\n";
  for (const auto& h : d["hits"]) {
    std::cout << "    hit " << h["hit"].get<std::size_t>() << "  " << text(h, "kind_zh") << "  " << text(h, "path")
              << "  " << text(h, "found") << " → " << text(h, "mask") << "\n";
  }
  if (d.contains("review")) {
    const auto& r = d["review"];
    std::cout << "    reviewed by " << text(r, "reviewer") << " at " << text(r, "reviewed_at") << ": "
              << text(r, "conclusion");
    if (!text(r, "reason").empty()) std::cout << " — " << text(r, "reason");
    std::cout << "\n    保密审查: " << text(r, "confidentiality_note") << "\n";
    for (const auto& x : r["decisions"]) {
      std::cout << "    " << text(x, "action") << "  " << text(x, "found");
      if (text(x, "action") == "mask") std::cout << " → " << text(x, "mask");
      if (!text(x, "reason").empty()) std::cout << "  (" << text(x, "reason") << ")";
      std::cout << "\n";
    }
  }
  if (d.contains("published_in")) std::cout << "    published in catalogue version " << d["published_in"] << "\n";
}

std::optional<std::int64_t> number(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(s);
}

// --mask 1,3 --keep "2:街道办公开电话" → the API's decisions.
std::expected<Json, std::string> decisions_of(const CommandLine& cl) {
  Json out = Json::array();
  for (const auto& list : cl.values("--mask")) {
    std::size_t from = 0;
    for (;;) {
      const auto comma = list.find(',', from);
      const auto n = number(list.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
      if (!n) return std::unexpected("--mask: expected hit numbers, e.g. 1,3");
      out.push_back({{"hit", *n}, {"action", "mask"}});
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
  }
  for (const auto& k : cl.values("--keep")) {
    const auto colon = k.find(':');
    const auto n = colon == std::string::npos ? std::nullopt : number(k.substr(0, colon));
    if (!n || k.substr(colon + 1).empty()) return std::unexpected("--keep: expected N:REASON, e.g. 2:街道办公开电话");
    out.push_back({{"hit", *n}, {"action", "keep"}, {"reason", k.substr(colon + 1)}});
  }
  return out;
}

std::string url_escape(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

int print_comments(const Json& a) {
  std::cout << text(a, "notice") << ": " << a["count"].get<std::int64_t>() << " opinion(s)\n";
  for (const auto& c : a["comments"]) {
    std::cout << "\n" << text(c, "receipt") << "  " << text(c, "received_at") << "  v" << c["version"].get<int>()
              << "  from " << text(c, "source");
    if (!text(c, "contact").empty()) std::cout << "  联系方式: " << text(c, "contact");
    std::cout << "\n";
    std::string body = text(c, "text");
    for (std::size_t at = 0; at <= body.size();) {
      const auto nl = body.find('\n', at);
      std::cout << "    " << body.substr(at, nl == std::string::npos ? std::string::npos : nl - at) << "\n";
      if (nl == std::string::npos) break;
      at = nl + 1;
    }
  }
  return exit_ok;
}

}  // namespace

bool is_central_notice_verb(const std::string& verb) {
  return verb == "notice-submit" || verb == "notice-drafts" || verb == "notice-review" || verb == "comments" ||
         verb == "catalogue";
}

int run_central_notice_verb(const CommandLine& cl, const std::string& verb) {
  auto remote = remote_of(cl);
  if (!remote) return report(remote.error());
  const bool as_json = cl.flag("--json");
  if (verb == "comments" && cl.words.size() != 3) return usage("central comments needs one NOTICE id");
  const std::string comments = verb == "comments" ? "/api/notices/" + url_escape(cl.words[2]) + "/comments" : "";
  if (verb == "catalogue" || (verb == "comments" && cl.flag("--csv"))) {
    if (cl.flag("--csv") && as_json) return usage("--csv and --json: choose one");
    std::string path;
    if (verb == "catalogue") {
      if (cl.words.size() != 2) return usage("central catalogue takes no FILE");
      path = "/api/notice-catalogue?format=" + std::string(cl.flag("--csv") ? "csv" : as_json ? "json" : "text");
      if (!cl.option("--date").empty()) path += "&date=" + url_escape(cl.option("--date"));
    } else {
      path = comments + "?format=csv";
    }
    auto body = call_text(*remote, "GET", path, "");
    if (!body) return report(body.error());
    std::cout << *body;
    return exit_ok;
  }
  Result<Json> answer = fail(ErrorCode::invalid_input, "");
  if (verb == "notice-submit") {
    if (cl.words.size() != 3) return usage("central notice-submit needs one FILE");
    auto bytes = central::read_whole_file(cl.words[2]);
    if (!bytes) return report(bytes.error());
    answer = call(*remote, "POST", "/api/notice-drafts", *bytes);
  } else if (verb == "notice-drafts") {
    answer = call(*remote, "GET", "/api/notice-drafts", "");
  } else if (verb == "notice-review") {
    if (cl.words.size() != 3 || !number(cl.words[2])) return usage("central notice-review needs one DRAFT id");
    if (cl.flag("--approve") == cl.flag("--reject")) {
      return usage("central notice-review needs --approve or --reject REASON");
    }
    if (cl.option("--note").empty()) {
      return usage("central notice-review needs --note TEXT (the confidentiality-check record)");
    }
    auto decisions = decisions_of(cl);
    if (!decisions) return usage(decisions.error());
    const Json body = {{"conclusion", cl.flag("--approve") ? "approve" : "reject"},
                       {"reason", cl.option("--reject")},
                       {"note", cl.option("--note")},
                       {"mask_all", cl.flag("--mask-all")},
                       {"decisions", std::move(*decisions)}};
    answer = call(*remote, "POST", "/api/notice-drafts/" + cl.words[2] + "/review", body.dump());
  } else {
    answer = call(*remote, "GET", comments, "");
  }
  if (!answer) return report(answer.error());
  if (as_json) {
    std::cout << answer->dump(2) << "\n";
    return exit_ok;
  }
  const Json& a = *answer;
  if (verb == "comments") return print_comments(a);
  if (verb == "notice-review") {
    print_notice_draft(a["notice_draft"]);
    return exit_ok;
  }
  for (const auto& d : a["notice_drafts"]) print_notice_draft(d);
  if (a["notice_drafts"].empty()) std::cout << "no notice drafts\n";
  return exit_ok;
}

}  // namespace hall::cli

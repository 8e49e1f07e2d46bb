// SPDX-License-Identifier: Apache-2.0
#include "hallctl/notice_commands.h"

#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "notices/deidentify.h"
#include "notices/notice_file.h"
#include "notices/notice_labels.h"

namespace hall::cli {

const char* const notice_help = R"(hallctl notice — 政务公开 notices (hallkiosk.notice/1, hallkiosk.notices/1)

Usage:
  hallctl notice validate FILE [--central]  check a notice or directory file; every problem on stderr
                                            as "notice <id>: <JSON path>: <what was expected>"
  hallctl notice scan FILE                  the 去标识化 scan: personal data found in each notice,
                                            with the mask the central store offers
  hallctl notice render --sample ...        the 一次性告知单 slip (hallctl slip --help)

Options:
  --central    validate as the central store keeps it: a notice that is not 主动公开 (with its
               reason) and a proposal reply's list of deputies are allowed; without it the file
               must be fit to publish
  --json       machine-readable output on stdout
)";

namespace {

using Json = nlohmann::ordered_json;
using notices::Destination;

int report(const Error& e) {
  std::cerr << e.message << "\n";
  return exit_code_for(e);
}

int validate(const CommandLine& cl, const std::string& path) {
  const auto destination = cl.flag("--central") ? Destination::central : Destination::published;
  const auto file = notices::load_notice_file(path, destination);
  if (cl.flag("--json")) {
    Json out = {{"file", path}, {"valid", file.has_value()}};
    if (file) {
      out["notices"] = file->notices.size();
    } else {
      out["problems"] = Json::array();
      std::string line;
      std::istringstream lines(file.error().message);
      while (std::getline(lines, line)) out["problems"].push_back(line);
    }
    std::cout << out.dump(2) << "\n";
  }
  if (!file) return report(file.error());
  if (!cl.flag("--json")) std::cout << path << ": valid, " << file->notices.size() << " notice(s)\n";
  return exit_ok;
}

int scan(const CommandLine& cl, const std::string& path) {
  // The scan runs where drafts are: the central store's rules, with each reply's list of deputies.
  const auto file = notices::load_notice_file(path, Destination::central);
  if (!file) return report(file.error());
  Json out = Json::array();
  std::size_t total = 0;
  for (const auto& n : file->notices) {
    const auto reps = n.proposal ? n.proposal->representatives : std::vector<notices::Representative>{};
    for (const auto& h : notices::scan_notice(Json::parse(n.source_json), reps)) {
      ++total;
      if (cl.flag("--json")) {
        out.push_back({{"notice", n.id},
                       {"kind", notices::term(h.kind).code},
                       {"path", h.path},
                       {"offset", h.offset},
                       {"mask", h.mask}});
      } else {
        std::cout << "notice " << n.id << ": " << h.path << " (byte " << h.offset << "): " << notices::term(h.kind).zh
                  << " → " << h.mask << "\n";
      }
    }
  }
  if (cl.flag("--json")) {
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << total << " hit(s) in " << file->notices.size() << " notice(s); each is masked or kept with a reason "
              << "at review\n";
  }
  return exit_ok;
}

int usage(const std::string& problem) {
  std::cerr << "hallctl notice: " << problem << "\n\n" << notice_help;
  return exit_invalid;
}

}  // namespace

bool is_notice_format_verb(const CommandLine& cl) {
  if (cl.words.empty() || cl.words[0] != "notice") return false;
  if (cl.flag("--help")) return true;  // one help for both: it points at the slip's render too
  return cl.words.size() >= 2 && (cl.words[1] == "validate" || cl.words[1] == "scan");
}

int run_notice_command(const CommandLine& cl) {
  const auto& w = cl.words;  // w[0] == "notice"
  if (cl.flag("--help")) {
    std::cout << notice_help;
    return exit_ok;
  }
  if (w.size() != 3) return usage(w[1] + " needs FILE");
  if (cl.flag("--central") && w[1] != "validate") return usage("--central is for validate");
  return w[1] == "validate" ? validate(cl, w[2]) : scan(cl, w[2]);
}

}  // namespace hall::cli

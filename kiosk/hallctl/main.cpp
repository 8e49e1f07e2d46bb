// SPDX-License-Identifier: Apache-2.0
// hallctl: the hall's headless tool. Links hall_services and no GUI library.
#include <exception>
#include <iostream>
#include <string_view>

#include "hallctl/catalogue_commands.h"
#include "hallctl/central_commands.h"
#include "hallctl/command_line.h"
#include "hallctl/notice_commands.h"
#include "hallctl/hall_commands.h"
#include "hallctl/queue_commands.h"
#include "hallctl/serve_command.h"
#include "hallctl/slip_commands.h"
#include "hallctl/sync_commands.h"
#include "hallctl/workdays_commands.h"

namespace {

const char* const help = R"(hallctl — the hall's headless tool (hallkiosk)

Usage: hallctl <area> <verb> [arguments] [options]

  hallctl hall init --data DIR --name NAME --address ADDRESS | --from TEMPLATE   (hallctl hall --help)
  hallctl catalogue validate FILE | import FILE | list | show ID | search QUERY | export
  hallctl notice validate FILE [--central] | scan FILE | import FILE | list [--date D]
                                                            (hallctl notice --help)
  hallctl workdays import FILE | show [--year Y]            the working-day calendar (hallctl workdays --help)
  hallctl keygen --out FILE | hallctl central init | add-admin | rotate-key | serve | submit | drafts
          | review | publish | status | audit        (hallctl central --help)
  hallctl sync --once --url URL | --status | --trust FILE   (hallctl sync --help)
  hallctl serve [--bind ADDR] [--port N]                   the hall hub (hallctl serve --help)
  hallctl queue stats [--date D] | device add|list|revoke | staff add|list|disable|reset-pin | audit
                                                            (hallctl queue --help)
  hallctl slip render --ticket ID|--sample --out FILE.pdf | notice render --ticket ID --missing M1,M2|--sample
          --out FILE.pdf | print-test
          [--printer QUEUE]                          (hallctl slip --help)
  hallctl --help | hallctl catalogue --help

Options:
  --data DIR   the hall's data folder (default: the bundled demo hall)
  --json       machine-readable output on stdout
Exit codes: 0 success, 2 invalid input or usage (each problem on stderr), 1 any other failure.
)";

int run(int argc, char** argv) {
  using namespace hall::cli;
  if (argc > 1 && (std::string_view(argv[1]) == "central" || std::string_view(argv[1]) == "keygen")) {
    return run_central_command(argc, argv);  // the central verbs parse their own options
  }
  if (argc > 1 && std::string_view(argv[1]) == "sync") return run_sync_command(argc, argv);
  if (argc > 1 && std::string_view(argv[1]) == "serve") return run_serve_command(argc, argv);
  if (argc > 1 && is_queue_area(argv[1])) return run_queue_command(argc, argv);
  auto cl = parse_command_line(argc, argv,
                               {"--data", "--out", "--png", "--width", "--roll", "--lang", "--printer", "--date",
                                "--name", "--name-en", "--address", "--address-en", "--zone", "--phone", "--from", "--ticket", "--missing", "--year"},
                               {"--json", "--help", "--sample", "--central"});
  if (!cl) {
    std::cerr << "hallctl: " << cl.error().message << "\n";
    return exit_invalid;
  }
  if (cl->words.empty()) {
    std::cout << help;
    return cl->flag("--help") ? exit_ok : exit_invalid;
  }
  if (cl->words[0] == "catalogue") return run_catalogue_command(*cl);
  if (is_notice_format_verb(*cl)) return run_notice_command(*cl);
  if (cl->words[0] == "workdays") return run_workdays_command(*cl);
  if (cl->words[0] == "hall") return run_hall_command(*cl);
  if (cl->words[0] == "slip" || cl->words[0] == "notice" || cl->words[0] == "print-test") {
    return run_slip_command(*cl);
  }
  std::cerr << "hallctl: unknown area \"" << cl->words[0] << "\"\n\n" << help;
  return exit_invalid;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // A programmer's mistake: say so plainly, no stack trace.
    std::cerr << "hallctl: internal error: " << e.what() << "\n";
    return 1;
  }
}

// SPDX-License-Identifier: Apache-2.0
#include "hallctl/serve_command.h"

#include <csignal>
#include <iostream>

#include <pthread.h>

#include "hallctl/command_line.h"
#include "hub_host/hall_hub.h"

namespace hall::cli {
namespace {

const char* const serve_help = R"(hallctl serve — the hall hub (queue, counters, boards, phone pages)

Usage: hallctl serve [--data DIR] [--bind ADDR] [--port N]

  --data DIR   the hall's data folder: hall.json, queue.db (made when missing), catalogue.db
  --bind ADDR  the address to listen on (default 127.0.0.1; 0.0.0.0 for a hall's network)
  --port N     the port (default 8470; 0 picks a free one)

Prints "listening on http://ADDR:PORT" on stdout once it accepts connections; SIGTERM or Ctrl-C
stops it cleanly. Devices and staff are added with hallctl device add / hallctl staff add.
)";

}  // namespace

int run_serve_command(int argc, char** argv) {
  auto cl = parse_command_line(argc, argv, {"--data", "--bind", "--port"}, {"--help"});
  if (!cl) {
    std::cerr << "hallctl: " << cl.error().message << "\n\n" << serve_help;
    return exit_invalid;
  }
  if (cl->flag("--help")) {
    std::cout << serve_help;
    return exit_ok;
  }
  if (cl->words.size() != 1) {
    std::cerr << "hallctl serve takes no words after it\n\n" << serve_help;
    return exit_invalid;
  }
  app::HubOptions options;
  options.data_dir = cl->option("--data");
  options.bind = cl->option("--bind", "127.0.0.1");
  if (!cl->option("--port").empty()) {
    try {
      std::size_t used = 0;
      options.port = std::stoi(cl->option("--port"), &used);
      if (used != cl->option("--port").size()) throw std::invalid_argument("port");
    } catch (const std::exception&) {
      std::cerr << "hallctl: --port: expected a number\n";
      return exit_invalid;
    }
    if (options.port < 0 || options.port > 65535) {
      std::cerr << "hallctl: --port: expected 0-65535\n";
      return exit_invalid;
    }
  }
  // SIGTERM and SIGINT are taken by sigwait below; blocked before the hub's threads start so none
  // of them is interrupted by one.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto hub = app::HallHub::start(std::move(options));
  if (!hub) return say_failure(hub.error());
  std::cout << "listening on " << (*hub)->url() << "\n" << std::flush;
  int received = 0;
  sigwait(&stop_signals, &received);
  (*hub)->stop();
  std::cerr << "hub stopped\n";
  return exit_ok;
}

}  // namespace hall::cli

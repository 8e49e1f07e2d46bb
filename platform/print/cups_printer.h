// SPDX-License-Identifier: Apache-2.0
#pragma once
// slip::Printer over CUPS: raw IPP requests on a connection of our own (httpConnect2 with a
// timeout, and a timeout callback that gives up at the caller's deadline). libcups' convenience
// calls (cupsCreateJob, cupsPrintFile2) can block for minutes on a server that accepts and never
// answers, and report a missing queue and a stopped server alike; these requests cannot. A call
// returns by its deadline, plus at most the 1 s libcups itself waits for "100 Continue".
#include <string>

#include "slip/printer.h"

namespace hall::print {

struct CupsAddress {
  std::string host;  // "" = libcups' choice (CUPS_SERVER, client.conf, the local socket)
  int port = 0;      // 0 = libcups' choice (IPP_PORT, 631)
};

class CupsPrinter final : public slip::Printer {
 public:
  // `queue`: the CUPS queue's name; "" = the server's default destination.
  explicit CupsPrinter(std::string queue, CupsAddress address = {});

  std::string name() const override;
  Result<int> submit(const slip::PrintDocument& document, slip::Deadline deadline) override;
  Result<slip::JobState> job_state(int job_id, slip::Deadline deadline) override;
  slip::PrinterState state(slip::Deadline deadline) override;

  std::string server() const;  // "127.0.0.1:6310", for messages

 private:
  Result<std::string> queue_name(slip::Deadline deadline);  // resolves the default destination

  std::string queue_;
  CupsAddress address_;
};

}  // namespace hall::print

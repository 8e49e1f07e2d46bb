// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Printer port: what the print queue needs from a receipt or counter printer. platform/print
// implements it over CUPS; tests may implement it in memory. Every call takes a deadline and
// returns by it, whatever the printer or its server does.
#include <chrono>
#include <string>
#include <vector>

#include "common/error.h"

namespace hall::slip {

using Deadline = std::chrono::steady_clock::time_point;

// The most pressing reason a printer cannot print now, for the kiosk's and counter's screens.
enum class PrinterProblem {
  none,
  unreachable,    // the print server does not answer (not running, hung, wrong address)
  no_such_queue,  // the configured queue does not exist
  not_accepting,  // jobs are rejected (cupsreject)
  stopped,        // paused or stopped (cupsdisable)
  offline,
  media_empty,  // out of paper
  media_jam,
  cover_open,
  other,  // some other "-error" reason
};

struct PrinterState {
  std::string printer;  // the queue's name
  bool reachable = false;
  bool exists = false;
  bool accepting = false;
  bool stopped = false;
  std::vector<std::string> reasons;  // IPP printer-state-reasons, "none" left out
  std::string message;               // printer-state-message, or why it could not be asked

  PrinterProblem problem() const;
  bool can_print() const { return problem() == PrinterProblem::none; }
};

// The IPP job states (RFC 8011 §5.3.7).
enum class JobState { pending = 3, held = 4, processing = 5, stopped = 6, canceled = 7, aborted = 8, completed = 9 };

struct PrintDocument {
  std::string title;  // the job's name in the queue
  std::string pdf;    // the bytes
  std::string media;  // "Custom.80x167mm", "iso_a4_210x297mm"
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual std::string name() const = 0;
  // The job's id on the printer's server once it has accepted the document.
  virtual Result<int> submit(const PrintDocument& document, Deadline deadline) = 0;
  virtual Result<JobState> job_state(int job_id, Deadline deadline) = 0;
  // Never an error: an unreachable server is a state (reachable = false, message says why).
  virtual PrinterState state(Deadline deadline) = 0;
};

const char* to_string(PrinterProblem p);
// A word for machines and logs: "ok", "stopped", "media-empty", "unreachable" ... (/healthz).
const char* problem_code(PrinterProblem p);
const char* to_string(JobState s);
bool is_final(JobState s);

}  // namespace hall::slip

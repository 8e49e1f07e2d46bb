// SPDX-License-Identifier: Apache-2.0
#include "slip/printer.h"

#include <algorithm>

namespace hall::slip {
namespace {

bool has_reason(const std::vector<std::string>& reasons, std::string_view prefix) {
  return std::any_of(reasons.begin(), reasons.end(), [&](const std::string& r) { return r.starts_with(prefix); });
}

}  // namespace

PrinterProblem PrinterState::problem() const {
  if (!reachable) return PrinterProblem::unreachable;
  if (!exists) return PrinterProblem::no_such_queue;
  if (has_reason(reasons, "media-empty") || has_reason(reasons, "media-needed")) return PrinterProblem::media_empty;
  if (has_reason(reasons, "media-jam")) return PrinterProblem::media_jam;
  if (has_reason(reasons, "cover-open") || has_reason(reasons, "door-open")) return PrinterProblem::cover_open;
  if (has_reason(reasons, "offline")) return PrinterProblem::offline;
  if (!accepting) return PrinterProblem::not_accepting;
  if (stopped || has_reason(reasons, "paused")) return PrinterProblem::stopped;
  if (std::any_of(reasons.begin(), reasons.end(), [](const std::string& r) { return r.ends_with("-error"); })) {
    return PrinterProblem::other;
  }
  return PrinterProblem::none;
}

const char* to_string(PrinterProblem p) {
  switch (p) {
    case PrinterProblem::none:
      return "ready";
    case PrinterProblem::unreachable:
      return "print server unreachable";
    case PrinterProblem::no_such_queue:
      return "no such printer queue";
    case PrinterProblem::not_accepting:
      return "not accepting jobs";
    case PrinterProblem::stopped:
      return "stopped";
    case PrinterProblem::offline:
      return "offline";
    case PrinterProblem::media_empty:
      return "out of paper";
    case PrinterProblem::media_jam:
      return "paper jam";
    case PrinterProblem::cover_open:
      return "cover open";
    case PrinterProblem::other:
      return "printer error";
  }
  return "?";
}

const char* problem_code(PrinterProblem p) {
  switch (p) {
    case PrinterProblem::none:
      return "ok";
    case PrinterProblem::unreachable:
      return "unreachable";
    case PrinterProblem::no_such_queue:
      return "no-such-queue";
    case PrinterProblem::not_accepting:
      return "not-accepting";
    case PrinterProblem::stopped:
      return "stopped";
    case PrinterProblem::offline:
      return "offline";
    case PrinterProblem::media_empty:
      return "media-empty";
    case PrinterProblem::media_jam:
      return "media-jam";
    case PrinterProblem::cover_open:
      return "cover-open";
    case PrinterProblem::other:
      return "printer-error";
  }
  return "printer-error";
}

const char* to_string(JobState s) {
  switch (s) {
    case JobState::pending:
      return "pending";
    case JobState::held:
      return "held";
    case JobState::processing:
      return "processing";
    case JobState::stopped:
      return "stopped";
    case JobState::canceled:
      return "canceled";
    case JobState::aborted:
      return "aborted";
    case JobState::completed:
      return "completed";
  }
  return "?";
}

bool is_final(JobState s) {
  return s == JobState::canceled || s == JobState::aborted || s == JobState::completed;
}

}  // namespace hall::slip

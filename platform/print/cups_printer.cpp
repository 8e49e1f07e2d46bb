// SPDX-License-Identifier: Apache-2.0
#include "print/cups_printer.h"

#include <array>

#include "print/ipp_exchange.h"

namespace hall::print {
namespace {

IppTarget target_of(const CupsAddress& a) {
  IppTarget t;
  t.host = a.host.empty() ? cupsServer() : a.host;
  t.port = a.port > 0 ? a.port : ippPort();
  t.server = t.host.starts_with("/") ? t.host : t.host + ":" + std::to_string(t.port);
  return t;
}

std::string printer_uri(const IppTarget& t, const std::string& queue) {
  std::array<char, HTTP_MAX_URI> uri{};
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri.data(), static_cast<int>(uri.size()), "ipp", nullptr, "localhost", t.port,
                   "/printers/%s", queue.c_str());
  return uri.data();
}

IppPtr request_for(ipp_op_t op, const IppTarget& t, const std::string& queue) {
  IppPtr request(ippNewRequest(op));
  ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printer_uri(t, queue).c_str());
  ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
  return request;
}

std::vector<std::string> strings_of(ipp_t* response, const char* name) {
  std::vector<std::string> out;
  ipp_attribute_t* attr = ippFindAttribute(response, name, IPP_TAG_ZERO);
  for (int i = 0; attr && i < ippGetCount(attr); ++i) {
    if (const char* s = ippGetString(attr, i, nullptr); s && std::string_view(s) != "none") out.emplace_back(s);
  }
  return out;
}

}  // namespace

CupsPrinter::CupsPrinter(std::string queue, CupsAddress address)
    : queue_(std::move(queue)), address_(std::move(address)) {}

std::string CupsPrinter::name() const {
  return queue_.empty() ? "(default printer)" : queue_;
}

std::string CupsPrinter::server() const {
  return target_of(address_).server;
}

Result<std::string> CupsPrinter::queue_name(slip::Deadline deadline) {
  if (!queue_.empty()) return queue_;
  const IppTarget t = target_of(address_);
  IppPtr request(ippNewRequest(IPP_OP_CUPS_GET_DEFAULT));
  const char* wanted = "printer-name";
  ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr, &wanted);
  auto response = exchange(t, std::move(request), "/", nullptr, deadline);
  if (!response) return std::unexpected(response.error());
  if (auto ok = check_status(response->get(), "the default printer on " + t.server); !ok) {
    return fail(ErrorCode::not_found, "CUPS on " + t.server + " has no default printer: set \"printer\" in hall.json " +
                                          "or run lpadmin -d QUEUE");
  }
  const auto names = strings_of(response->get(), "printer-name");
  if (names.empty()) return fail(ErrorCode::not_found, "CUPS on " + t.server + " has no default printer");
  return names.front();
}

Result<int> CupsPrinter::submit(const slip::PrintDocument& document, slip::Deadline deadline) {
  auto queue = queue_name(deadline);
  if (!queue) return std::unexpected(queue.error());
  const IppTarget t = target_of(address_);
  IppPtr request = request_for(IPP_OP_PRINT_JOB, t, *queue);
  ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nullptr, document.title.c_str());
  ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nullptr, "application/pdf");
  if (!document.media.empty()) {
    ippAddString(request.get(), IPP_TAG_JOB, IPP_TAG_KEYWORD, "media", nullptr, document.media.c_str());
  }
  const std::string what = "printer \"" + *queue + "\" on " + t.server;
  auto response = exchange(t, std::move(request), "/printers/" + *queue, &document.pdf, deadline);
  if (!response) return std::unexpected(response.error());
  if (auto ok = check_status(response->get(), what); !ok) return std::unexpected(ok.error());
  ipp_attribute_t* id = ippFindAttribute(response->get(), "job-id", IPP_TAG_INTEGER);
  if (!id) return fail(ErrorCode::io, what + ": accepted the slip but gave no job-id");
  return ippGetInteger(id, 0);
}

Result<slip::JobState> CupsPrinter::job_state(int job_id, slip::Deadline deadline) {
  auto queue = queue_name(deadline);
  if (!queue) return std::unexpected(queue.error());
  const IppTarget t = target_of(address_);
  IppPtr request = request_for(IPP_OP_GET_JOB_ATTRIBUTES, t, *queue);
  ippAddInteger(request.get(), IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
  const char* wanted = "job-state";
  ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr, &wanted);
  const std::string what = "job " + std::to_string(job_id) + " on printer \"" + *queue + "\" (" + t.server + ")";
  auto response = exchange(t, std::move(request), "/jobs", nullptr, deadline);
  if (!response) return std::unexpected(response.error());
  if (auto ok = check_status(response->get(), what); !ok) return std::unexpected(ok.error());
  ipp_attribute_t* state = ippFindAttribute(response->get(), "job-state", IPP_TAG_ENUM);
  if (!state) return fail(ErrorCode::io, what + ": no job-state in the answer");
  const int value = ippGetInteger(state, 0);
  if (value < 3 || value > 9) return fail(ErrorCode::io, what + ": unknown job-state " + std::to_string(value));
  return static_cast<slip::JobState>(value);
}

slip::PrinterState CupsPrinter::state(slip::Deadline deadline) {
  slip::PrinterState s;
  s.printer = name();
  auto queue = queue_name(deadline);
  if (!queue) {
    s.reachable = queue.error().code != ErrorCode::unavailable;
    s.message = queue.error().message;
    return s;
  }
  s.printer = *queue;
  const IppTarget t = target_of(address_);
  IppPtr request = request_for(IPP_OP_GET_PRINTER_ATTRIBUTES, t, *queue);
  const char* wanted[] = {"printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                          "printer-state-message"};
  ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, wanted);
  auto response = exchange(t, std::move(request), "/printers/" + *queue, nullptr, deadline);
  if (!response) {
    s.message = response.error().message;
    return s;
  }
  s.reachable = true;
  if (auto ok = check_status(response->get(), "printer \"" + *queue + "\" on " + t.server); !ok) {
    s.message = ok.error().message;
    return s;
  }
  s.exists = true;
  ipp_attribute_t* state = ippFindAttribute(response->get(), "printer-state", IPP_TAG_ENUM);
  s.stopped = state && ippGetInteger(state, 0) == IPP_PSTATE_STOPPED;
  ipp_attribute_t* accepting = ippFindAttribute(response->get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
  s.accepting = accepting && ippGetBoolean(accepting, 0);
  s.reasons = strings_of(response->get(), "printer-state-reasons");
  if (const auto m = strings_of(response->get(), "printer-state-message"); !m.empty()) s.message = m.front();
  return s;
}

}  // namespace hall::print

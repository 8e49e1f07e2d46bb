// SPDX-License-Identifier: Apache-2.0
// The SSE reader: the hub's frames read back whole however the network cuts them, ids kept for
// the reconnection, comments and half-read events ignored.
#include <catch2/catch.hpp>

#include <vector>

#include "common/sse.h"
#include "common/sse_reader.h"

using namespace hall::http;

namespace {

std::vector<SseEvent> read_in_pieces(const std::string& bytes, std::size_t piece) {
  SseReader reader;
  std::vector<SseEvent> out;
  for (std::size_t i = 0; i < bytes.size(); i += piece) {
    reader.feed(std::string_view(bytes).substr(i, piece), [&](const SseEvent& e) { out.push_back(e); });
  }
  return out;
}

}  // namespace

TEST_CASE("the hub's frames are read back whole wherever the network cuts them", "[sse]") {
  const std::string stream = "retry: 2000\n" + sse_comment("hallkiosk hub events") +
                             sse_frame({"41", "called", R"({"number":"A023","window":"W3"})"}) +
                             sse_comment("keep-alive") + sse_frame({"42", "recalled", "two\nlines"});
  for (std::size_t piece : {std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(4096)}) {
    INFO("pieces of " << piece << " bytes");
    const auto events = read_in_pieces(stream, piece);
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == "41");
    CHECK(events[0].event == "called");
    CHECK(events[0].data == R"({"number":"A023","window":"W3"})");
    CHECK(events[1].id == "42");
    CHECK(events[1].event == "recalled");
    CHECK(events[1].data == "two\nlines");
  }
}

TEST_CASE("line ends of every kind, a CR LF cut between its two bytes counting once", "[sse]") {
  SseReader reader;
  std::vector<SseEvent> out;
  const auto sink = [&](const SseEvent& e) { out.push_back(e); };
  reader.feed("id: 7\r", sink);
  reader.feed("\nevent: called\rdata: x\r\n\r", sink);
  CHECK(out.size() == 1);
  reader.feed("\ndata: y\n\n", sink);
  REQUIRE(out.size() == 2);
  CHECK(out[0].id == "7");
  CHECK(out[0].event == "called");
  CHECK(out[0].data == "x");
  CHECK(out[1].id == "7");  // the last id stays until another is sent
  CHECK(out[1].event == "message");
  CHECK(reader.last_event_id() == "7");
}

TEST_CASE("a retry field is kept, a comment and an event without data dispatch nothing", "[sse]") {
  SseReader reader;
  std::vector<SseEvent> out;
  reader.feed("retry: 2000\n: keep-alive\n\nid: 9\nevent: called\n\n", [&](const SseEvent& e) { out.push_back(e); });
  CHECK(out.empty());
  CHECK(reader.retry_ms() == 2000);
  CHECK(reader.last_event_id() == "9");
}

TEST_CASE("a connection cut in the middle of an event loses only that half, which a restart forgets",
          "[sse]") {
  SseReader reader;
  std::vector<SseEvent> out;
  const auto sink = [&](const SseEvent& e) { out.push_back(e); };
  reader.feed("id: 5\nevent: called\ndata: {\"number\":\"A0", sink);
  reader.restart();  // the connection dropped; the next one resumes after id 5's predecessor
  reader.feed("id: 5\nevent: called\ndata: {}\n\n", sink);
  REQUIRE(out.size() == 1);
  CHECK(out[0].data == "{}");
}

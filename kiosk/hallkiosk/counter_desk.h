// SPDX-License-Identifier: Apache-2.0
#pragma once
// The counter's port to the hall hub (ui::CounterPort) over HTTP: every request on one worker
// thread, every answer posted to the UI thread through the run queue. The staff session's token
// is the bearer once signed in. An action whose answer was lost (no answer, a cut connection, a
// timeout, a 5xx) is never sent again: the desk re-reads GET /api/v1/sessions/current, which
// names the ticket the window holds, so the counter learns what the hub did and never acts twice.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "common/run_queue.h"
#include "common/worker_pool.h"
#include "counter/counter_port.h"
#include "hallkiosk/hub_link.h"

namespace hall::kiosk {

class CounterDesk final : public ui::CounterPort {
 public:
  // Told on the UI thread whenever the staff session changes: its token after a sign-in, empty after
  // a sign-out or once the hub no longer knows it (a 401). The event follower restarts with it.
  using SessionSink = std::function<void(const std::string& session)>;

  // `link` reaches the hub (HubLink::remote_without_token); `ui` must outlive the desk.
  CounterDesk(std::unique_ptr<HubLink> link, std::string window, RunQueue& ui, SessionSink on_session = {});
  ~CounterDesk() override;

  void sign_in(const ui::CounterSignIn& who, std::function<void(ui::CounterResult<ui::SignedIn>)> reply) override;
  void act(const ui::CounterCommand& command, std::function<void(ui::CounterOutcome)> reply) override;
  void refresh(std::function<void(ui::CounterOutcome)> reply) override;
  void sign_out(std::function<void()> reply) override;

  // Another request as the signed-in clerk (a reprint), in turn with the rest; `on_worker` gets
  // the answer on the desk's worker. False when the desk is stopping or full.
  bool send_as_clerk(http::Request r, std::function<void(Result<http::Response>)> on_worker);

  // Stops the worker: a request in flight finishes, its answer is still posted; no more are taken.
  void stop() { worker_.stop(); }

 private:
  struct Detail;  // worker thread only
  // Worker thread: after each request, posts the session to on_session if it changed.
  void report_session();

  std::unique_ptr<Detail> detail_;
  SessionSink on_session_;
  RunQueue& ui_;
  WorkerPool worker_{1};  // one request at a time, in order
};

}  // namespace hall::kiosk

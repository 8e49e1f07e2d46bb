// SPDX-License-Identifier: Apache-2.0
#include "speech/announcer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "speech/chime.h"

namespace hall::speech {
namespace {

void append(Pcm& to, const Pcm& from) {
  to.samples.insert(to.samples.end(), from.samples.begin(), from.samples.end());
}

void append_silence(Pcm& to, std::chrono::milliseconds d) {
  to.samples.resize(to.samples.size() + static_cast<std::size_t>(d.count() * to.sample_rate / 1000), 0);
}

}  // namespace

Announcer::Announcer(Synthesizer& synthesizer, Speaker& speaker, SpeechOutcomeSink sink, AnnouncerOptions options)
    : synthesizer_(synthesizer),
      speaker_(speaker),
      sink_(std::move(sink)),
      options_(std::move(options)),
      queue_(options_.queue),
      worker_([this](std::stop_token stop) { run(stop); }) {}

Announcer::~Announcer() {
  worker_.request_stop();
  changed_.notify_all();
}

void Announcer::announce(CallAnnouncement call) {
  {
    std::lock_guard lock(mutex_);
    const CallAnnouncement copy = call;
    const Offered offered = queue_.offer(std::move(call));
    if (offered.admission == Admission::replayed) unreported_.push_back({copy, SpokenResult::replayed, "", {}});
    if (offered.replaced) unreported_.push_back({*offered.replaced, SpokenResult::replaced, "", {}});
    if (offered.dropped) {
      unreported_.push_back({*offered.dropped, SpokenResult::dropped, "more calls waiting than the queue holds", {}});
    }
  }
  changed_.notify_all();
}

AnnouncerStatus Announcer::status() const {
  std::lock_guard lock(mutex_);
  return {queue_.waiting(), speaking_, spoken_, queue_.dropped_total(), speaker_problem_};
}

bool Announcer::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout,
                           [&] { return queue_.waiting() == 0 && !speaking_ && !reporting_ && unreported_.empty(); });
}

void Announcer::run(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    changed_.wait(lock, stop, [&] { return queue_.waiting() > 0 || !unreported_.empty(); });
    if (stop.stop_requested()) return;
    if (!unreported_.empty()) {
      SpeechOutcome outcome = std::move(unreported_.front());
      unreported_.pop_front();
      reporting_ = true;
      lock.unlock();
      report(outcome);
      lock.lock();
      reporting_ = false;
      changed_.notify_all();
      continue;
    }
    std::optional<CallAnnouncement> call = queue_.next();
    speaking_ = true;
    lock.unlock();
    const SpeechOutcome outcome = speak(*call, stop);
    if (stop.stop_requested()) return;  // cut short by the destructor: the owner's sink may be gone
    report(outcome);
    lock.lock();
    speaking_ = false;
    if (outcome.result == SpokenResult::spoken) ++spoken_;
    if (outcome.result == SpokenResult::failed_playback) {
      speaker_problem_ = outcome.reason;
    } else if (outcome.result == SpokenResult::spoken || outcome.result == SpokenResult::failed_synthesis) {
      speaker_problem_.clear();
    }
    changed_.notify_all();
  }
}

const Pcm& Announcer::chime_at(int sample_rate) {
  if (!chime_ || chime_->sample_rate != sample_rate) chime_ = make_chime(sample_rate);
  return *chime_;
}

// One sound for the chime and every language, so the device is opened once and nothing can slip
// in between them.
SpeechOutcome Announcer::speak(const CallAnnouncement& call, std::stop_token stop) {
  SpeechOutcome outcome{call, SpokenResult::spoken, "", {}};
  std::vector<Pcm> voices;
  for (Language language : options_.languages) {
    auto pcm = synthesizer_.synthesize(spoken_call(call, language), language);
    if (!pcm) {
      outcome.result = SpokenResult::failed_synthesis;
      outcome.reason = pcm.error().message;
      voices.clear();
      break;
    }
    if (pcm->sample_rate != synthesizer_.sample_rate()) {
      outcome.result = SpokenResult::failed_synthesis;
      outcome.reason = "the voice gave " + std::to_string(pcm->sample_rate) + " Hz, not the " +
                       std::to_string(synthesizer_.sample_rate()) + " Hz it announced";
      voices.clear();
      break;
    }
    voices.push_back(std::move(*pcm));
  }
  Pcm sound;
  sound.sample_rate = synthesizer_.sample_rate();
  if (options_.chime || voices.empty()) append(sound, chime_at(sound.sample_rate));
  for (int time = 0; time < std::max(options_.times, 1); ++time) {
    for (std::size_t i = 0; i < voices.size(); ++i) {
      if (time > 0 || i > 0) append_silence(sound, options_.between_languages);
      append(sound, voices[i]);
    }
  }
  outcome.sound = sound.duration();
  if (auto played = speaker_.play(sound, stop); !played) {
    outcome.result = SpokenResult::failed_playback;
    outcome.reason = played.error().message;
  }
  return outcome;
}

void Announcer::report(const SpeechOutcome& outcome) {
  if (sink_) sink_(outcome);
}

const char* to_string(SpokenResult r) {
  switch (r) {
    case SpokenResult::spoken:
      return "spoken";
    case SpokenResult::replaced:
      return "replaced";
    case SpokenResult::replayed:
      return "replayed";
    case SpokenResult::dropped:
      return "dropped";
    case SpokenResult::failed_synthesis:
      return "failed_synthesis";
    case SpokenResult::failed_playback:
      return "failed_playback";
  }
  return "?";
}

}  // namespace hall::speech

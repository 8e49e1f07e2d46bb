// SPDX-License-Identifier: Apache-2.0
#include "audio/espeak_synthesizer.h"

#include <espeak-ng/espeak_ng.h>

#include <mutex>

namespace hall::audio {
namespace {

// The process's one engine: started on first use, guarded by one lock for every call into it.
struct Engine {
  std::mutex mutex;
  bool started = false;
  espeak_ng_STATUS start_status = ENS_OK;
  int sample_rate = 0;
};

Engine& engine() {
  static Engine e;
  return e;
}

std::string message_of(espeak_ng_STATUS status) {
  char text[256] = {};
  espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
  return text;
}

// espeak-ng hands the samples over in pieces during espeak_ng_Synthesize (synchronous mode); the
// utterance's own buffer comes back as the event's user_data.
int collect(short* samples, int count, espeak_EVENT* events) {
  if (samples == nullptr || count <= 0 || events == nullptr) return 0;
  auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
  if (out != nullptr) out->insert(out->end(), samples, samples + count);
  return 0;  // go on
}

// Under the engine's lock.
Result<int> start_engine() {
  Engine& e = engine();
  if (!e.started) {
    e.started = true;
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    e.start_status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (e.start_status == ENS_OK) e.start_status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (e.start_status == ENS_OK) {
      espeak_SetSynthCallback(collect);
      e.sample_rate = espeak_ng_GetSampleRate();
    }
  }
  if (e.start_status != ENS_OK) {
    return fail(ErrorCode::unavailable,
                "espeak-ng: cannot start: " + message_of(e.start_status) + " (is Debian's espeak-ng-data installed?)");
  }
  return e.sample_rate;
}

// Under the engine's lock.
Result<void> select(const std::string& voice, int rate) {
  if (const auto s = espeak_ng_SetVoiceByName(voice.c_str()); s != ENS_OK) {
    return fail(ErrorCode::not_found, "espeak-ng: voice \"" + voice + "\": " + message_of(s));
  }
  if (const auto s = espeak_ng_SetParameter(espeakRATE, rate, 0); s != ENS_OK) {
    return fail(ErrorCode::invalid_input, "espeak-ng: rate " + std::to_string(rate) + ": " + message_of(s));
  }
  return {};
}

}  // namespace

EspeakSynthesizer::EspeakSynthesizer(EspeakOptions options, std::string zh_voice, int sample_rate)
    : options_(std::move(options)), zh_voice_(std::move(zh_voice)), sample_rate_(sample_rate) {}

Result<std::unique_ptr<EspeakSynthesizer>> EspeakSynthesizer::open(EspeakOptions options) {
  std::lock_guard lock(engine().mutex);
  const auto rate = start_engine();
  if (!rate) return std::unexpected(rate.error());
  std::string zh = options.zh_voice;
  if (!select(zh, options.rate)) zh = options.zh_fallback;
  if (auto r = select(zh, options.rate); !r) {
    return fail(ErrorCode::not_found, r.error().message + " (no Mandarin voice: espeak-ng-data provides cmn)");
  }
  if (auto r = select(options.en_voice, options.rate); !r) return std::unexpected(r.error());
  return std::unique_ptr<EspeakSynthesizer>(new EspeakSynthesizer(std::move(options), std::move(zh), *rate));
}

const std::string& EspeakSynthesizer::voice(speech::Language language) const {
  return language == speech::Language::en ? options_.en_voice : zh_voice_;
}

Result<speech::Pcm> EspeakSynthesizer::synthesize(std::string_view text, speech::Language language) {
  const std::string utterance(text);  // espeak-ng reads up to a terminating zero
  speech::Pcm pcm;
  pcm.sample_rate = sample_rate_;
  {
    std::lock_guard lock(engine().mutex);
    if (auto r = select(voice(language), options_.rate); !r) return std::unexpected(r.error());
    const auto s = espeak_ng_Synthesize(utterance.c_str(), utterance.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                        nullptr, &pcm.samples);
    if (s != ENS_OK) return fail(ErrorCode::unavailable, "espeak-ng: \"" + utterance + "\": " + message_of(s));
  }
  if (pcm.samples.empty()) return fail(ErrorCode::invalid_input, "espeak-ng: \"" + utterance + "\": no sound came out");
  return pcm;
}

Result<std::string> EspeakSynthesizer::phonemes(std::string_view text, speech::Language language) {
  const std::string utterance(text);
  std::lock_guard lock(engine().mutex);
  if (auto r = select(voice(language), options_.rate); !r) return std::unexpected(r.error());
  std::string out;
  const void* rest = utterance.c_str();
  while (rest != nullptr) {
    const char* clause = espeak_TextToPhonemes(&rest, espeakCHARS_UTF8, 0);
    if (clause == nullptr) break;
    if (!out.empty()) out += " | ";
    out += clause;
  }
  return out;
}

}  // namespace hall::audio

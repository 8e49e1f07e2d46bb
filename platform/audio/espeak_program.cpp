// SPDX-License-Identifier: Apache-2.0
#include "audio/espeak_program.h"

#include <sstream>

#include "audio/program_run.h"
#include "audio/wav_pcm.h"

namespace hall::audio {
namespace {

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Whether `--voices=NAME`'s table names the voice itself: as its language, its file's name or one
// of its other languages. espeak-ng lists near matches too ("no" for "no-such-voice").
bool lists_voice(const std::string& table, const std::string& name) {
  const std::string wanted = lower(name);
  std::istringstream lines(table);
  std::string line;
  std::getline(lines, line);  // the heading
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string priority, language, gender, voice_name, file;
    fields >> priority >> language >> gender >> voice_name >> file;
    const std::string base = file.substr(file.rfind('/') + 1);
    if (lower(language) == wanted || lower(base) == wanted) return true;
    if (lower(line).find("(" + wanted + " ") != std::string::npos) return true;
  }
  return false;
}

Result<void> check_voice(const EspeakOptions& o, const std::string& voice) {
  auto listed = run_program({o.program, "--voices=" + voice}, o.deadline);
  if (!listed) return std::unexpected(listed.error());
  if (listed->exit_code != 0) {
    return fail(ErrorCode::unavailable, o.program + " --voices: exit " + std::to_string(listed->exit_code) + ": " +
                                            listed->err);
  }
  if (!lists_voice(listed->out, voice)) {
    return fail(ErrorCode::not_found, "espeak-ng: voice \"" + voice + "\" is not installed");
  }
  return {};
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

EspeakProgram::EspeakProgram(EspeakOptions options, std::string zh_voice, int sample_rate)
    : options_(std::move(options)), zh_voice_(std::move(zh_voice)), sample_rate_(sample_rate) {}

Result<std::unique_ptr<EspeakProgram>> EspeakProgram::open(EspeakOptions options) {
  auto started = run_program({options.program, "--version"}, options.deadline);
  if (!started) {
    return fail(ErrorCode::unavailable,
                started.error().message + " (the board's voice is the espeak-ng program: apt-get install espeak-ng)");
  }
  std::string zh = options.zh_voice;
  if (!check_voice(options, zh)) zh = options.zh_fallback;
  if (auto r = check_voice(options, zh); !r) {
    return fail(r.error().code, r.error().message + " (no Mandarin voice: espeak-ng-data provides cmn)");
  }
  const auto en = check_voice(options, options.en_voice);
  if (!en && options.en_required) return std::unexpected(en.error());
  std::unique_ptr<EspeakProgram> voice(new EspeakProgram(std::move(options), std::move(zh), 0));
  voice->has_en_ = en.has_value();
  // The rate is the one of what the program writes; a short word tells it.
  auto probe = voice->synthesize("一", speech::Language::zh_cn);
  if (!probe) return std::unexpected(probe.error());
  voice->sample_rate_ = probe->sample_rate;
  return voice;
}

const std::string& EspeakProgram::voice(speech::Language language) const {
  return language == speech::Language::en ? options_.en_voice : zh_voice_;
}

Result<speech::Pcm> EspeakProgram::synthesize(std::string_view text, speech::Language language) {
  const std::string utterance(text);
  if (!speaks(language)) return fail(ErrorCode::not_found, "espeak-ng: voice \"" + options_.en_voice + "\" is not installed");
  auto ran = run_program(
      {options_.program, "-v", voice(language), "-s", std::to_string(options_.rate), "--stdout", "--", utterance},
      options_.deadline);
  if (!ran) return std::unexpected(Error{ran.error().code, "espeak-ng: \"" + utterance + "\": " + ran.error().message});
  if (ran->exit_code != 0) {
    return fail(ErrorCode::unavailable, "espeak-ng: \"" + utterance + "\": exit " + std::to_string(ran->exit_code) +
                                            ": " + trimmed(ran->err));
  }
  auto pcm = pcm_from_wav(ran->out);
  if (!pcm) return fail(ErrorCode::invalid_input, "espeak-ng: \"" + utterance + "\": " + pcm.error().message);
  if (pcm->samples.empty()) return fail(ErrorCode::invalid_input, "espeak-ng: \"" + utterance + "\": no sound came out");
  if (sample_rate_ != 0 && pcm->sample_rate != sample_rate_) {
    return fail(ErrorCode::invalid_input, "espeak-ng: \"" + utterance + "\": " + std::to_string(pcm->sample_rate) +
                                              " Hz, not the " + std::to_string(sample_rate_) + " Hz of the first call");
  }
  return pcm;
}

Result<std::string> EspeakProgram::phonemes(std::string_view text, speech::Language language) const {
  auto ran = run_program({options_.program, "-v", voice(language), "-q", "-x", "--", std::string(text)},
                         options_.deadline);
  if (!ran) return std::unexpected(ran.error());
  if (ran->exit_code != 0) return fail(ErrorCode::unavailable, "espeak-ng -x: " + trimmed(ran->err));
  return trimmed(ran->out);
}

}  // namespace hall::audio

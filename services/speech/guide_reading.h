// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the kiosk's 朗读 button reads of a guide, for a visitor who cannot read small print or
// cannot read at all: the service's name, what to bring (each required material with how many
// originals and copies), and where and when to go. Not the whole guide: a minute of speech is the
// most a visitor standing at a kiosk follows, and the rest (fees, law, FAQ) is for the screen.
//
// One sentence per item, so a reading can stop between sentences (and the speaker within one).
// Figures a synthesiser misreads are written out first: "9:00-12:00" becomes "9点至12点" (espeak-ng
// reads "9:00" as 九零零), and counts are said as a person says them (复印件两份).
#include <string>
#include <vector>

#include "catalogue/guide.h"
#include "speech/speech_text.h"

namespace hall::speech {

// The sentences in the order they are read; never empty for a guide with a name. English uses the
// guide's *_en texts where it has them and the Chinese where it does not.
std::vector<std::string> guide_sentences(const catalogue::Guide& guide, Language language);

// How many of something, as said: 1 → "一份", 2 → "两份", 12 → "十二份"; en: "1 original",
// "2 copies". `what`: originals or copies.
enum class Copies { originals, copies };
std::string spoken_count(int n, Copies what, Language language);

// Clock times made readable: "9:00-12:00" → "9点至12点", "13:30" → "13点30分"; en: "9:00-12:00"
// → "9 to 12", "13:30" → "13 30". Everything else is kept as it is.
std::string spoken_hours(std::string_view hours, Language language);

}  // namespace hall::speech

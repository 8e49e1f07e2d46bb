// SPDX-License-Identifier: Apache-2.0
#pragma once
// 去标识化: before a reviewer may approve a notice, the central store finds the personal data the
// plan says must not be published (五(二): 公开时要去标识化处理) and the reviewer decides, hit by
// hit, to mask it or to keep it with a recorded reason (an office's public phone). Pure: text in,
// hits out; the review record is the list of hits with their decisions.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "notices/notice.h"
#include "notices/notice_labels.h"
#include "notices/notice_parser.h"

namespace hall::notices {

enum class HitKind {
  resident_id,             // 18-digit 居民身份证号码 with a valid ISO 7064 MOD 11-2 check character
  mobile,                  // 11-digit mobile number 1[3-9]…, not part of a longer number
  bank_card,               // 16–19 digits passing the Luhn check
  email,                   // local@domain.tld
  representative_name,     // a 人大代表/政协委员 the author listed with a proposal reply
  representative_contact,  // one of their contacts, as listed
};
const std::vector<Term<HitKind>>& hit_kinds();
inline const Term<HitKind>& term(HitKind k) {
  return term_of(hit_kinds(), k);
}

struct Hit {
  HitKind kind = HitKind::mobile;
  std::string path;        // the JSON path of the string it is in ("$" for bare text)
  std::size_t offset = 0;  // byte offset in that string
  std::string found;       // the bytes found
  std::string mask;        // what the store offers in their place
};

// Hits in one string, in order, never overlapping (a listed contact wins over the number it is,
// an e-mail over the digits in it, an ID over a card number).
std::vector<Hit> scan_text(std::string_view text, const std::vector<Representative>& representatives,
                           const std::string& path = "$");

// Every string value of a notice object (keys are not scanned; the representatives list itself is
// skipped, it is what the scan looks for), in document order.
std::vector<Hit> scan_notice(const Json& notice, const std::vector<Representative>& representatives);

// The masks the store offers: 张** (first character kept), 138****1234, 3701**********1234, a card's
// first and last four, z***@example.com.
std::string mask_for(HitKind kind, std::string_view found);

enum class ReviewAction { mask, keep };
struct Decision {
  ReviewAction action = ReviewAction::mask;
  std::string reason;  // required to keep
};
struct ReviewedHit {
  Hit hit;
  Decision decision;
};

// Applies a reviewer's decisions to the notice and returns what may be published: every hit the
// scan finds now is masked or kept, and the representatives list is dropped. Refused, naming
// each one, when a hit has no decision, a kept hit has no reason, or a decision is for a hit the
// scan no longer finds (the text changed after the review).
Result<Json> apply_review(const Json& notice, const std::vector<Representative>& representatives,
                          const std::vector<ReviewedHit>& review);

// The check digit rules, for the tests and for the store's hints.
bool resident_id_valid(std::string_view id18);
bool luhn_valid(std::string_view digits);

}  // namespace hall::notices

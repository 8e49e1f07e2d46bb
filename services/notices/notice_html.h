// SPDX-License-Identifier: Apache-2.0
#pragma once
// A notice's public page for the visitor's own phone (/n/<id>, behind the kiosk's QR code): plain
// HTML in large type that follows the phone's text size, Chinese first, readable on an old phone
// browser with no script and no login. A decision draft in its comment period carries the
// comment form where the server takes comments (the central store); elsewhere (the hall's hub) it
// says where to comment instead.
#include <optional>
#include <string>
#include <vector>

#include "common/html_text.h"
#include "common/working_calendar.h"
#include "notices/notice.h"

namespace hall::notices {

using http::PageLanguage;

// What became of an opinion just sent, for the page to say.
enum class CommentOutcome { none, received, not_open, empty, too_long, contact_too_long, too_many, bad_form, unavailable };

struct NoticeLink {
  std::string id;
  Text title;
};

struct NoticePage {
  PageLanguage lang = PageLanguage::zh;
  Date today;                         // the hall's date: days left, open or closed
  bool takes_comments = false;        // this server takes the form (POST /n/<id>/comments)
  std::string comment_elsewhere;      // where to comment when it does not (an address), may be empty
  std::vector<NoticeLink> readings;   // a policy's 解读 published beside it
  std::optional<NoticeLink> policy;   // an interpretation's policy, when it is published
  std::vector<NoticeLink> guides;     // the linked guides in effect, by name (the id is a guide's)
  CommentOutcome outcome = CommentOutcome::none;
  std::string receipt;                // outcome received: the code the visitor keeps
  std::string typed_text, typed_contact;  // a refused opinion comes back in the form, not lost
  std::size_t max_text = 2000, max_contact = 100;
};

std::string notice_page_html(const Notice& n, const NoticePage& page);

// The page for an id that is not a published notice: says so, in the same look.
std::string notice_missing_html(PageLanguage lang);

}  // namespace hall::notices

// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_html.h"

#include <algorithm>

#include "notices/notice_labels.h"

namespace hall::notices {
namespace {

using http::html_escape;

struct Words {
  const char* lang;
  const char* issuer, *doc_no, *date, *effective, *expires, *summary;
  const char* period, *days_left, *last_day, *not_yet, *closed;  // "%d" days
  const char* your_opinion, *opinion_help, *contact, *contact_help, *send;
  const char* received, *keep_receipt, *not_open, *empty, *too_long, *contact_too_long, *too_many, *bad_form,
      *unavailable;
  const char* comment_there, *comment_channels, *basis;
  const char* adoption, *received_count, *adopted_count, *not_adopted, *why;  // "%d"
  const char* readings, *policy_of, *original, *held_on, *place, *agenda, *decisions, *measure, *responsible,
      *progress, *due;
  const char* proposal_no, *power_type, *power_code, *accountability;
  const char* other_language, *other_code, *missing, *missing_help, *title;
};

const Words zh_words{"zh-CN", "发布机构", "文号", "发布日期", "施行日期", "失效日期", "内容摘要",
               "征求意见时间", "还有 %d 天截止", "今天是最后一天", "尚未开始征求意见", "征求意见已结束",
               "您的意见", "最多 %d 字。请不要填写身份证号、银行卡号等个人信息。", "联系方式（选填）",
               "只用于向您了解情况，不会公开。", "提交意见",
               "您的意见已收到，谢谢！", "回执码（请记下，向街道询问您的意见时报此码）：", "现在不在征求意见时间内，意见未提交。",
               "请先写下您的意见。", "意见超过了 %d 字，请删减后再提交。", "联系方式太长了，请只留一个电话或地址。",
               "提交太频繁了，请过一会儿再试。", "提交的内容无法识别，请重新填写。", "暂时无法提交，请稍后再试。",
               "在线提交意见：", "其他提交意见的方式", "决策依据",
               "意见采纳情况", "共收到意见 %d 条", "采纳 %d 条", "未予采纳的意见及理由", "理由：",
               "政策解读", "所解读的政策", "查看原文（PDF）", "会议时间", "地点", "会议议程", "会议决定", "工作事项",
               "责任单位", "进展", "完成时限",
               "编号", "权力类型", "事项编码", "追责情形",
               "English", "en", "没有找到这条公开信息", "它可能已失效或尚未发布。", "政务公开"};

const Words en_words{"en", "Issued by", "Document No.", "Date", "In force from", "No longer in force from", "Summary",
               "Comment period", "%d days left", "Today is the last day", "Comments have not opened yet",
               "The comment period has ended",
               "Your opinion", "Up to %d characters. Please do not write ID, bank card or other personal numbers.",
               "How to reach you (optional)", "Only for asking you about it; never published.", "Send",
               "Your opinion was received. Thank you!", "Receipt code (give it when you ask the street office about your opinion): ",
               "Comments are not being taken now; nothing was sent.", "Please write your opinion first.",
               "The opinion is over %d characters; please shorten it.", "The contact is too long: one phone number or address, please.",
               "Too many opinions from here just now; please try again later.", "The form could not be read; please fill it in again.",
               "It cannot be sent just now; please try again later.",
               "Comment online: ", "Other ways to comment", "Basis of the decision",
               "What became of the comments", "%d opinions received", "%d adopted", "Opinions not adopted, and why",
               "Why: ",
               "Interpretation", "The policy it explains", "The original (PDF)", "Held on", "Place", "Agenda", "Decisions",
               "Steps", "Responsible", "Progress", "Due",
               "Number", "Type of power", "Code", "Accountability",
               "中文", "zh", "No such notice", "It may have expired or not been published yet.", "Open government"};

std::string with_number(const char* pattern, long n) {
  std::string s = pattern;
  if (const auto at = s.find("%d"); at != std::string::npos) s.replace(at, 2, std::to_string(n));
  return s;
}

// English where the notice has it, else the Chinese (the page never shows an empty line).
const std::string& pick(const Text& t, bool en) { return en && !t.en.empty() ? t.en : t.zh; }
std::string esc(const Text& t, bool en) { return html_escape(pick(t, en)); }

std::string day(Date d, bool en) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  const int y = static_cast<int>(d.year());
  const unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
  if (en) return std::to_string(dd) + " " + months[m - 1] + " " + std::to_string(y);
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(dd) + "日";
}

std::string row(const char* label, const std::string& value_html) {
  return "<tr><th>" + html_escape(label) + "</th><td>" + value_html + "</td></tr>";
}

std::string body_blocks(const std::vector<Block>& blocks, bool en) {
  std::string h;
  for (const auto& b : blocks) {
    switch (b.type) {
      case BlockType::heading: {
        const int level = std::clamp(b.level, 1, 3) + 1;
        h += "<h" + std::to_string(level) + ">" + esc(b.text, en) + "</h" + std::to_string(level) + ">";
        break;
      }
      case BlockType::paragraph: h += "<p>" + esc(b.text, en) + "</p>"; break;
      case BlockType::list: {
        h += b.numbered ? "<ol>" : "<ul>";
        for (const auto& item : b.items) h += "<li>" + esc(item, en) + "</li>";
        h += b.numbered ? "</ol>" : "</ul>";
        break;
      }
      case BlockType::table: {
        // A wide table scrolls by itself, inside its box: the page never scrolls sideways.
        h += "<div class=\"table\"><table><tr>";
        for (const auto& c : b.columns) h += "<th>" + esc(c, en) + "</th>";
        h += "</tr>";
        for (const auto& r : b.rows) {
          h += "<tr>";
          for (const auto& c : r) h += "<td>" + esc(c, en) + "</td>";
          h += "</tr>";
        }
        h += "</table></div>";
        break;
      }
    }
  }
  return h;
}

std::string basis_list(const std::vector<Basis>& basis) {
  std::string h = "<ul>";
  for (const auto& b : basis) {
    std::string line = b.title;
    if (!b.doc_no.empty()) line += "（" + b.doc_no + "）";
    if (!b.clause.empty()) line += " " + b.clause;
    h += "<li>" + html_escape(line) + "</li>";
  }
  return h + "</ul>";
}

std::string outcome_text(const Words& w, const NoticePage& p) {
  switch (p.outcome) {
    case CommentOutcome::none: return {};
    case CommentOutcome::received:
      return "<div class=\"ok\" id=\"received\"><p>" + html_escape(w.received) + "</p><p>" + html_escape(w.keep_receipt) +
             "<strong class=\"receipt\" id=\"receipt\">" + html_escape(p.receipt) + "</strong></p></div>";
    case CommentOutcome::not_open: return "<p class=\"refused\" id=\"refused\">" + html_escape(w.not_open) + "</p>";
    case CommentOutcome::empty: return "<p class=\"refused\" id=\"refused\">" + html_escape(w.empty) + "</p>";
    case CommentOutcome::too_long:
      return "<p class=\"refused\" id=\"refused\">" + html_escape(with_number(w.too_long, static_cast<long>(p.max_text))) + "</p>";
    case CommentOutcome::contact_too_long:
      return "<p class=\"refused\" id=\"refused\">" + html_escape(w.contact_too_long) + "</p>";
    case CommentOutcome::too_many: return "<p class=\"refused\" id=\"refused\">" + html_escape(w.too_many) + "</p>";
    case CommentOutcome::bad_form: return "<p class=\"refused\" id=\"refused\">" + html_escape(w.bad_form) + "</p>";
    case CommentOutcome::unavailable: return "<p class=\"refused\" id=\"refused\">" + html_escape(w.unavailable) + "</p>";
  }
  return {};
}

std::string lang_query(bool en) { return en ? "?lang=en" : ""; }

std::string draft_part(const Notice& n, const NoticePage& p, const Words& w, bool en) {
  const DraftPart& d = *n.draft;
  std::string h = "<section class=\"period\" id=\"period\"><h2>" + html_escape(w.period) + "</h2><p>" +
                  "<span class=\"nw\">" + html_escape(day(d.comment_from, en)) + "</span>" + (en ? " – " : " 至 ") +
                  "<span class=\"nw\">" + html_escape(day(d.comment_to, en)) + "</span></p>";
  const bool open = n.open_for_comment(p.today);
  if (open) {
    const int left = n.comment_days_left(p.today);
    h += "<p class=\"left\" id=\"left\">" + html_escape(left <= 1 ? w.last_day : with_number(w.days_left, left)) + "</p>";
  } else {
    h += "<p class=\"left\" id=\"left\">" + html_escape(p.today < d.comment_from ? w.not_yet : w.closed) + "</p>";
  }
  h += outcome_text(w, p);
  if (open && p.takes_comments && p.outcome != CommentOutcome::received) {
    h += "<form method=\"post\" action=\"/n/" + html_escape(n.id) + "/comments" + lang_query(en) +
         "\" accept-charset=\"utf-8\"><label for=\"opinion\">" + html_escape(w.your_opinion) +
         "</label><p class=\"help\">" + html_escape(with_number(w.opinion_help, static_cast<long>(p.max_text))) +
         "</p><textarea id=\"opinion\" name=\"opinion\" rows=\"8\" maxlength=\"" + std::to_string(p.max_text) + "\">" +
         html_escape(p.typed_text) + "</textarea><label for=\"contact\">" + html_escape(w.contact) +
         "</label><p class=\"help\">" + html_escape(w.contact_help) +
         "</p><input type=\"text\" id=\"contact\" name=\"contact\" maxlength=\"" + std::to_string(p.max_contact) +
         "\" value=\"" + html_escape(p.typed_contact) + "\"><button class=\"wide\" type=\"submit\" id=\"send\">" +
         html_escape(w.send) + "</button></form>";
  } else if (open && !p.comment_elsewhere.empty()) {
    h += "<p>" + html_escape(w.comment_there) + "<a href=\"" + html_escape(p.comment_elsewhere) + "\">" +
         html_escape(p.comment_elsewhere) + "</a></p>";
  }
  if (open && !d.channels.empty()) {
    h += "<h3>" + html_escape(w.comment_channels) + "</h3><ul>";
    for (const auto& c : d.channels) h += "<li>" + esc(c, en) + "</li>";
    h += "</ul>";
  }
  h += "</section>";
  if (!d.basis.empty()) h += "<h2>" + html_escape(w.basis) + "</h2>" + basis_list(d.basis);
  if (d.adoption) {
    const AdoptionReport& a = *d.adoption;
    h += "<section class=\"adoption\" id=\"adoption\"><h2>" + html_escape(w.adoption) + "</h2><p>" +
         html_escape(day(a.published, en)) + "</p><p class=\"counts\">" +
         html_escape(with_number(w.received_count, a.received)) + (en ? ", " : "，") +
         html_escape(with_number(w.adopted_count, a.adopted)) + "</p><p>" + esc(a.summary, en) + "</p>";
    if (!a.not_adopted.empty()) {
      h += "<h3>" + html_escape(w.not_adopted) + "</h3><ol>";
      for (const auto& na : a.not_adopted) {
        h += "<li><p>" + esc(na.opinion, en) + "</p><p class=\"why\">" + html_escape(w.why) + esc(na.reason, en) + "</p></li>";
      }
      h += "</ol>";
    }
    h += "</section>";
  }
  return h;
}

std::string kind_parts(const Notice& n, const Words& w, bool en) {
  std::string h;
  if (n.meeting) {
    const MeetingPart& m = *n.meeting;
    h += "<table class=\"facts\">" + row(w.held_on, html_escape(day(m.held_on, en)));
    if (!pick(m.place, en).empty()) h += row(w.place, esc(m.place, en));
    h += "</table>";
    const auto list = [&](const char* title, const std::vector<Text>& items) {
      if (items.empty()) return;
      h += "<h2>" + html_escape(title) + "</h2><ol>";
      for (const auto& i : items) h += "<li>" + esc(i, en) + "</li>";
      h += "</ol>";
    };
    list(w.agenda, m.agenda);
    list(w.decisions, m.decisions);
  }
  if (n.implementation) {
    const ImplementationPart& m = *n.implementation;
    h += "<h2>" + html_escape(w.measure) + "</h2><p>" + esc(m.measure, en) + "</p><ol class=\"steps\">";
    for (const auto& s : m.steps) {
      const auto& status = term(s.status);
      h += "<li><p><strong>" + esc(s.title, en) + "</strong> <span class=\"status\">" +
           html_escape(en ? status.en : status.zh) + "</span></p>";
      if (!pick(s.responsible, en).empty()) h += "<p>" + html_escape(w.responsible) + (en ? ": " : "：") + esc(s.responsible, en) + "</p>";
      if (s.due) h += "<p>" + html_escape(w.due) + (en ? ": " : "：") + html_escape(day(*s.due, en)) + "</p>";
      if (!pick(s.progress, en).empty()) h += "<p>" + html_escape(w.progress) + (en ? ": " : "：") + esc(s.progress, en) + "</p>";
      h += "</li>";
    }
    h += "</ol>";
  }
  for (const auto& pw : n.powers) {
    h += "<section class=\"power\"><h2>" + esc(pw.name, en) + "</h2><table class=\"facts\">" +
         row(w.power_type, html_escape(pw.power_type));
    if (!pw.code.empty()) h += row(w.power_code, html_escape(pw.code));
    if (!pick(pw.responsible, en).empty()) h += row(w.responsible, esc(pw.responsible, en));
    if (!pick(pw.accountability, en).empty()) h += row(w.accountability, esc(pw.accountability, en));
    h += "</table>";
    if (!pw.basis.empty()) h += basis_list(pw.basis);
    h += "</section>";
  }
  return h;
}

// One column in large type that follows the phone's own text size (rem, no fixed heights); no
// script; high contrast; long words and addresses wrap instead of widening the page.
std::string frame(const Words& w, const std::string& title, const std::string& body, const std::string& other_href) {
  return "<!DOCTYPE html><html lang=\"" + std::string(w.lang) +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
         html_escape(title) +
         "</title><style>"
         "body{margin:0;font-family:sans-serif;background:#f4f1ea;color:#1a1a1a;font-size:1.15rem;line-height:1.6}"
         "main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:break-word;word-wrap:break-word}"
         ".kind{display:inline-block;background:#8b1a1a;color:#fff;padding:.1rem .6rem;border-radius:.3rem;margin:0}"
         "h1{font-size:1.6rem;line-height:1.35;margin:.5rem 0}h2{font-size:1.35rem;margin:1.3rem 0 .4rem}"
         "h3{font-size:1.2rem;margin:1rem 0 .3rem}h4{font-size:1.1rem;margin:.8rem 0 .3rem}"
         "table.facts{border-collapse:collapse;margin:.4rem 0}table.facts th{text-align:left;color:#444;font-weight:normal;"
         "padding:.15rem .8rem .15rem 0;vertical-align:top;white-space:nowrap}table.facts td{padding:.15rem 0}"
         ".table{overflow-x:auto;margin:.5rem 0}.table table{border-collapse:collapse}"
         ".table th,.table td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top}.table th{background:#e6e0d2}"
         ".summary{background:#fff;border-left:.3rem solid #8b1a1a;padding:.5rem .8rem}"
         ".period{background:#fff6d6;border:2px solid #b8860b;border-radius:.5rem;padding:.3rem .9rem;margin:1rem 0}"
         ".left{font-size:1.3rem;font-weight:bold;color:#8b1a1a}"
         ".adoption{background:#fff;border:2px solid #0b5d1e;border-radius:.5rem;padding:.3rem .9rem;margin:1rem 0}"
         ".counts{font-size:1.25rem;font-weight:bold}.why{color:#333}"
         "label{display:block;font-weight:bold;margin-top:.8rem}.help{color:#444;margin:.1rem 0 .3rem;font-size:1rem}"
         "textarea,input{box-sizing:border-box;width:100%;font-size:1.15rem;padding:.5rem;border:2px solid #666;border-radius:.3rem}"
         "button.wide{display:block;width:100%;font-size:1.3rem;padding:.7rem;margin:.8rem 0;border-radius:.4rem;"
         "border:2px solid #8b1a1a;background:#8b1a1a;color:#fff}"
         ".ok{background:#e3f4e6;border:2px solid #0b5d1e;border-radius:.4rem;padding:.2rem .8rem}"
         ".receipt{font-size:1.6rem;letter-spacing:.15em;font-family:monospace}"
         ".refused{background:#fde3e3;border:2px solid #8b1a1a;border-radius:.4rem;padding:.5rem .8rem;font-weight:bold}"
         "a{color:#0b4c8c}.nw{white-space:nowrap}footer{color:#555;font-size:1rem;margin-top:1.5rem}"
         "</style></head><body><main>" +
         body + "<footer><p><a href=\"" + html_escape(other_href) + "\">" + html_escape(w.other_language) +
         "</a></p></footer></main></body></html>";
}

}  // namespace

std::string notice_page_html(const Notice& n, const NoticePage& p) {
  const bool en = p.lang == PageLanguage::en;
  const Words& w = en ? en_words : zh_words;
  const auto& kind = term(n.kind);
  std::string h = "<p class=\"kind\">" + html_escape(en ? kind.en : kind.zh) + "</p><h1 id=\"title\">" + esc(n.title, en) + "</h1>";
  h += "<table class=\"facts\">";
  h += row(w.issuer, html_escape(en && !n.issuer.name_en.empty() ? n.issuer.name_en : n.issuer.name));
  if (!n.doc_no.empty()) h += row(w.doc_no, "<span id=\"doc-no\">" + html_escape(n.doc_no) + "</span>");
  if (n.proposal) h += row(w.proposal_no, html_escape(n.proposal->number));
  h += row(w.date, html_escape(day(n.date, en)));
  if (n.effective_from) h += row(w.effective, html_escape(day(*n.effective_from, en)));
  if (n.expires_on) h += row(w.expires, html_escape(day(*n.expires_on, en)));
  h += "</table>";
  for (const auto& r : p.readings) {
    h += "<p><a href=\"/n/" + html_escape(r.id) + lang_query(en) + "\">" + html_escape(w.readings) + (en ? ": " : "：") +
         esc(r.title, en) + "</a></p>";
  }
  if (p.policy) {
    h += "<p><a href=\"/n/" + html_escape(p.policy->id) + lang_query(en) + "\">" + html_escape(w.policy_of) +
         (en ? ": " : "：") + esc(p.policy->title, en) + "</a></p>";
  }
  if (!p.guides.empty()) {
    // Named, not linked: a guide has no phone page; the visitor takes the name to the hall.
    h += "<p id=\"guides\">" + std::string(en ? "Related services: " : "相关办事事项：");
    for (std::size_t i = 0; i < p.guides.size(); ++i) {
      if (i) h += en ? "; " : "；";
      h += esc(p.guides[i].title, en);
    }
    h += "</p>";
  }
  if (n.draft) h += draft_part(n, p, w, en);
  if (!pick(n.summary, en).empty()) {
    h += "<div class=\"summary\"><p>" + esc(n.summary, en) + "</p></div>";
  }
  h += body_blocks(n.body, en);
  h += kind_parts(n, w, en);
  if (!n.original_url.empty()) {
    h += "<p><a href=\"" + html_escape(n.original_url) + "\">" + html_escape(w.original) + "</a></p>";
  }
  return frame(w, pick(n.title, en), h, "/n/" + n.id + (en ? "?lang=zh" : "?lang=en"));
}

std::string notice_missing_html(PageLanguage lang) {
  const Words& w = lang == PageLanguage::en ? en_words : zh_words;
  return frame(w, w.title,
               "<h1>" + html_escape(w.missing) + "</h1><p>" + html_escape(w.missing_help) + "</p>",
               std::string("?lang=") + w.other_code);
}

}  // namespace hall::notices

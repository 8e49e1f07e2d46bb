// SPDX-License-Identifier: Apache-2.0
#include "hub/phone_page.h"

#include <nlohmann/json.hpp>

namespace hall::hub {
namespace {

using Json = nlohmann::ordered_json;

std::string escape(std::string_view s) { return http::html_escape(s); }

struct Words {
  const char* lang;
  const char* title;
  const char* your_number;
  const char* waiting, *called, *serving, *done, *no_show, *cancelled;
  const char* ahead_none, *ahead_one, *ahead_many;  // "%d" stands for the count
  const char* wait_about, *wait_unknown;            // "%d" minutes
  const char* go_to;                                // "%s" the window
  const char* bring, *original, *copy, *optional;
  const char* rate_prompt, *rated, *levels[5];
  const char* reactivate, *no_show_help;
  const char* updates, *other_language, *other_lang_code, *missing, *missing_help;
};

const Words zh_words{"zh-CN", "排队进度", "您的号码",
                     "等候中", "请到窗口办理", "办理中", "已办结", "已过号", "已取消",
                     "前面没有人了，请留意叫号", "前面还有 1 人", "前面还有 %d 人",
                     "预计等候约 %d 分钟", "等候时间暂时无法估计",
                     "请到 %s",
                     "请带好", "原件", "复印件", "（如有）",
                     "请为本次服务评价（好差评）", "谢谢您的评价！",
                     {"非常不满意", "不满意", "基本满意", "满意", "非常满意"},
                     "我回来了，重新排队", "过号后在规定时间内可以重新排队。",
                     "本页会自动更新，不用刷新。", "English", "en",
                     "没有找到这张号", "二维码可能已过期（号码只在当天有效），请到取号机重新取号。"};

const Words en_words{"en", "Queue status", "Your number",
                     "Waiting", "Please go to the window", "Being served", "Done", "Missed", "Cancelled",
                     "You are next: watch the board", "1 person ahead of you", "%d people ahead of you",
                     "About %d minutes to wait", "The wait cannot be estimated yet",
                     "Please go to %s",
                     "Please bring", "original", "copy", " (if any)",
                     "Please rate our service", "Thank you for your rating!",
                     {"Very dissatisfied", "Dissatisfied", "Fair", "Satisfied", "Very satisfied"},
                     "I am back: queue again", "A missed number can queue again for a short time.",
                     "This page updates itself.", "中文", "zh",
                     "No such ticket", "The code may have expired (numbers last one day). Please take a new number at the kiosk."};

std::string with_number(const char* pattern, long n) {
  std::string s = pattern;
  const auto at = s.find("%d");
  if (at != std::string::npos) s.replace(at, 2, std::to_string(n));
  return s;
}

std::string with_text(const char* pattern, const std::string& text) {
  std::string s = pattern;
  const auto at = s.find("%s");
  if (at != std::string::npos) s.replace(at, 2, text);
  return s;
}

std::string state_label(const Words& w, const std::string& state) {
  if (state == "waiting") return w.waiting;
  if (state == "called") return w.called;
  if (state == "serving") return w.serving;
  if (state == "done") return w.done;
  if (state == "no_show") return w.no_show;
  return w.cancelled;
}

std::string text_of(const Json& j, const char* key, bool en) {
  const std::string en_key = std::string(key) + "_en";
  if (en && j.contains(en_key) && j[en_key].is_string() && !j[en_key].get<std::string>().empty()) {
    return j[en_key].get<std::string>();
  }
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string window_label(const Json& t, bool en) {
  std::string name = text_of(t, "window_name", en);
  if (t.contains("window_number") && t["window_number"].is_number_integer() && t["window_number"].get<int>() > 0) {
    const std::string n = std::to_string(t["window_number"].get<int>());
    const std::string numbered = en ? "window " + n : n + " 号窗口";
    // A name that carries the number already ("1号综合受理窗口", "Window 1") says it all.
    if (!name.empty() && name.find(n) != std::string::npos) return name;
    return name.empty() ? numbered : numbered + (en ? " (" + name + ")" : "（" + name + "）");
  }
  return name.empty() ? t.value("window", "") : name;
}

std::string main_part(const Json& t, std::string_view token, const Words& w, bool en) {
  const std::string state = t.value("state", "");
  std::string h;
  h += "<p class=\"label\">" + escape(w.your_number) + "</p>";
  h += "<p class=\"number\" id=\"number\">" + escape(t.value("number", "")) + "</p>";
  h += "<p class=\"state state-" + escape(state) + "\" id=\"state\">" + escape(state_label(w, state)) + "</p>";
  if (const auto guide = t.find("guide"); guide != t.end() && guide->is_object()) {
    h += "<p class=\"guide\">" + escape(text_of(*guide, "name", en)) + "</p>";
  }
  if (state == "called" || state == "serving") {
    h += "<p class=\"window\" id=\"window\">" + escape(with_text(w.go_to, window_label(t, en))) + "</p>";
  }
  if (state == "waiting") {
    const long ahead = t.value("ahead", 0L);
    const char* pattern = ahead == 0 ? w.ahead_none : ahead == 1 ? w.ahead_one : w.ahead_many;
    h += "<p class=\"ahead\" id=\"ahead\">" + escape(with_number(pattern, ahead)) + "</p>";
    if (t.contains("estimated_wait_s") && t["estimated_wait_s"].is_number()) {
      const long minutes = std::max(1L, (t["estimated_wait_s"].get<long>() + 59) / 60);
      h += "<p class=\"wait\">" + escape(with_number(w.wait_about, minutes)) + "</p>";
    } else {
      h += "<p class=\"wait\">" + escape(w.wait_unknown) + "</p>";
    }
  }
  if (state == "no_show") {
    h += "<p class=\"help\">" + escape(w.no_show_help) + "</p>";
    h += "<form method=\"post\" action=\"/t/" + escape(token) + "/reactivate\"><button class=\"wide\" type=\"submit\">" +
         escape(w.reactivate) + "</button></form>";
  }
  if (state == "done") {
    if (t.value("rated", false)) {
      h += "<p class=\"help\" id=\"rated\">" + escape(w.rated) + "</p>";
    } else {
      h += "<form method=\"post\" action=\"/t/" + escape(token) + "/rating\" id=\"rating\"><p class=\"label\">" +
           escape(w.rate_prompt) + "</p>";
      for (int level = 5; level >= 1; --level) {
        h += "<button class=\"wide\" type=\"submit\" name=\"level\" value=\"" + std::to_string(level) + "\">" +
             escape(w.levels[level - 1]) + "</button>";
      }
      h += "</form>";
    }
  }
  const auto materials = t.find("materials");
  if (materials != t.end() && materials->is_array() && !materials->empty() && state != "done" && state != "cancelled") {
    h += "<h2>" + escape(w.bring) + "</h2><ul class=\"materials\">";
    for (const auto& m : *materials) {
      std::string line = escape(text_of(m, "name", en));
      std::string counts;
      const auto count = [&](const char* key, const char* word) {
        if (m.contains(key) && m[key].is_number_integer() && m[key].get<int>() > 0) {
          const int n = m[key].get<int>();
          if (!counts.empty()) counts += en ? ", " : "，";
          counts += en ? std::to_string(n) + " " + word + (n > 1 ? "s" : "") : std::string(word) + " " + std::to_string(n) + " 份";
        }
      };
      count("originals", w.original);
      count("copies", w.copy);
      if (!counts.empty()) line += "<span class=\"counts\">" + escape(counts) + "</span>";
      if (m.contains("required") && m["required"].is_boolean() && !m["required"].get<bool>()) line += escape(w.optional);
      h += "<li>" + line + "</li>";
    }
    h += "</ul>";
  }
  return h;
}

// The page's frame: large type that follows the phone's own text size (rem, no fixed heights), one
// column, high contrast; the script is ES5 with XMLHttpRequest for old browsers.
std::string frame(const Words& w, const std::string& body, std::string_view token, const std::string& other_href) {
  std::string h = "<!DOCTYPE html><html lang=\"" + std::string(w.lang) +
                  "\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<title>" +
                  escape(w.title) +
                  "</title>"
                  "<noscript><meta http-equiv=\"refresh\" content=\"20\"></noscript>"
                  "<style>"
                  "body{margin:0;font-family:sans-serif;background:#f4f1ea;color:#1a1a1a;font-size:1.1rem;line-height:1.5}"
                  "main{max-width:32rem;margin:0 auto;padding:1rem}"
                  ".label{margin:.5rem 0 0;color:#444}"
                  // The number stays whole on one line: large system text scales it down to the screen's width
                  // (min() where the browser has it; an old one keeps 4.5rem).
                  ".number{font-size:4.5rem;font-size:min(4.5rem,24vw);font-weight:bold;margin:0;letter-spacing:.05em;"
                  "color:#8b1a1a;white-space:nowrap}"
                  ".state{font-size:1.6rem;font-weight:bold;margin:.2rem 0}"
                  ".state-called,.state-serving{color:#0b5d1e}"
                  ".window{font-size:2rem;font-weight:bold;background:#ffe58a;border:3px solid #b8860b;"
                  "border-radius:.5rem;padding:.5rem .8rem;margin:.6rem 0}"
                  ".ahead{font-size:1.4rem;margin:.3rem 0}.wait{margin:.2rem 0}.guide{font-size:1.2rem;margin:.3rem 0}"
                  "h2{font-size:1.3rem;margin:1.2rem 0 .3rem}"
                  ".materials{padding-left:1.4rem;margin:0}.materials li{margin:.35rem 0}"
                  ".counts{display:inline-block;margin-left:.5rem;color:#444}"
                  ".help{color:#333}"
                  "button.wide{display:block;width:100%;font-size:1.3rem;padding:.7rem;margin:.4rem 0;border-radius:.4rem;"
                  "border:2px solid #8b1a1a;background:#fff;color:#1a1a1a}"
                  "footer{color:#555;font-size:.95rem;margin-top:1.5rem}footer a{color:#0b4c8c}"
                  "</style></head><body><main><div id=\"main\">" +
                  body + "</div><footer><p>" + escape(w.updates) + "</p><p><a href=\"" + escape(other_href) + "\">" +
                  escape(w.other_language) + "</a></p></footer></main>";
  if (!token.empty()) {
    h += "<script>(function(){var last=null,token='" + std::string(token) + "',lang='" +
         (std::string(w.lang) == "en" ? "en" : "zh") +
         "';"
         "function get(u,cb){var x=new XMLHttpRequest();x.open('GET',u,true);"
         "x.onreadystatechange=function(){if(x.readyState===4&&x.status===200)cb(x.responseText);};x.send(null);}"
         "function poll(){get('/api/v1/tickets/'+token,function(t){if(last!==null&&t!==last){"
         "get('/t/'+token+'?part=main&lang='+lang,function(h){document.getElementById('main').innerHTML=h;});}"
         "last=t;});}"
         "poll();setInterval(poll,4000);})();</script>";
  }
  h += "</body></html>";
  return h;
}

}  // namespace

std::string phone_page_html(std::string_view ticket_json, std::string_view token, PageLanguage lang) {
  const Words& w = lang == PageLanguage::en ? en_words : zh_words;
  const Json t = Json::parse(ticket_json, nullptr, false);
  const std::string body = t.is_object() ? main_part(t, token, w, lang == PageLanguage::en) : "";
  return frame(w, body, token, "/t/" + std::string(token) + "?lang=" + w.other_lang_code);
}

std::string phone_main_html(std::string_view ticket_json, std::string_view token, PageLanguage lang) {
  const Words& w = lang == PageLanguage::en ? en_words : zh_words;
  const Json t = Json::parse(ticket_json, nullptr, false);
  return t.is_object() ? main_part(t, token, w, lang == PageLanguage::en) : "";
}

std::string phone_missing_html(PageLanguage lang) {
  const Words& w = lang == PageLanguage::en ? en_words : zh_words;
  return frame(w, "<p class=\"state\">" + escape(w.missing) + "</p><p class=\"help\">" + escape(w.missing_help) + "</p>",
               "", std::string("?lang=") + w.other_lang_code);
}

}  // namespace hall::hub

// SPDX-License-Identifier: Apache-2.0
#include "synthetic_notices.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "common/clock.h"
#include "notices/notice_file.h"
#include "notices/notice_store.h"
#include "synthetic_catalogue.h"

// Its own namespace: the synthetic catalogue's names share this target's unity batch.
namespace hall::bench::notice_gen {
namespace {

using Json = nlohmann::ordered_json;
using std::chrono::days;
using std::chrono::sys_days;

const char* const places[] = {"安居", "南张", "唐口", "长沟", "喻屯", "李营", "金城", "古槐", "越河", "仙营",
                              "济阳", "阜桥", "观音阁", "许庄", "柳行", "南苑", "北湖", "石桥", "接庄", "王因"};
const char* const subjects[] = {"高龄津贴发放",   "最低生活保障",   "临时救助",     "残疾人两项补贴", "城乡居民养老保险",
                                "老旧小区改造",   "加装电梯",       "居家养老服务", "困境儿童保障",   "退役军人优待",
                                "就业创业扶持",   "公共租赁住房",   "垃圾分类",     "冬季供暖保障",   "农村危房改造",
                                "医疗救助",       "社区便民服务点", "法律援助",     "流动人口服务",   "无障碍环境建设"};
const char* const domains[] = {"社会救助", "养老服务", "残疾人服务", "住房保障", "就业创业",
                               "城市管理", "退役军人", "医疗保障",   "政务服务", "政务公开"};
const char* const categories[] = {"decision", "execution", "management", "service", "result"};
const char* const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八"};
const char* const policy_forms[] = {"关于进一步做好{s}工作的实施意见", "{s}管理办法", "关于加强{s}工作的通知",
                                    "{s}工作实施细则", "关于印发《{s}工作方案》的通知"};
const char* const doc_kinds[] = {"办发", "政发", "办字", "发"};
const char* const announcement_forms[] = {"关于{p}街道便民服务中心{s}窗口调整办公时间的通知",
                                          "关于开展{s}年度审核的公告", "关于{s}资金发放情况的公示",
                                          "关于{p}街道{s}集中受理的通知"};
// Sentences of the kind notices are made of; a body is some of them, from one line to a page.
const char* const sentences[] = {
    "为认真贯彻落实《中华人民共和国政府信息公开条例》相关规定，结合我街道{s}工作实际，特制定本文件。",
    "涉及群众切身利益、需要社会广泛知晓的事项，除依法应当保密的外，及时通过政府网站、便民服务中心和本机公开。",
    "街道各社区要明确专人负责{s}工作，建立台账，做到底数清、情况明，每季度向街道报送一次工作进展。",
    "符合条件的居民可持本人居民身份证和户口簿到{p}街道便民服务中心综合受理窗口申请，也可委托家属代办。",
    "审核结果在社区公示栏和政府网站公示7日，公示期间有异议的，可向街道社会事务办反映。",
    "对行动不便的老年人、残疾人，社区工作人员提供上门服务，相关材料可事后补交。",
    "资金实行社会化发放，按月打入申请人本人社会保障卡银行账户，不得以现金形式发放。",
    "本文件自印发之日起施行，由街道党政办公室负责解释。",
    "请各社区高度重视，加强组织领导，确保各项措施落到实处，切实增强群众获得感。",
    "如有疑问，请在工作日上午9:00至下午5:00拨打0537-2310100咨询，或拨打12345政务服务便民热线。",
    "街道将{s}工作纳入年度综合考核，对工作不力、群众反映强烈的，依规依纪严肃问责。",
    "推行“一窗受理、集成服务”，同一事项不再要求群众重复提交已经提供过的材料。"};

std::string fill(std::string form, int n) {
  const auto put = [&](const std::string& key, const std::string& value) {
    for (auto at = form.find(key); at != std::string::npos; at = form.find(key, at + value.size())) {
      form.replace(at, key.size(), value);
    }
  };
  // Shifted every twenty: a kind takes fixed places in each twenty, and every kind has every subject.
  put("{s}", subjects[(n + n / 20) % std::size(subjects)]);
  put("{p}", places[(n / 3) % std::size(places)]);
  return form;
}

std::string iso(sys_days d) { return format_iso_date(Date{d}); }

Json paragraph(const std::string& text) { return Json{{"type", "paragraph"}, {"text", text}}; }

// From a one-paragraph notice to one of some forty blocks: headings, paragraphs, a list, a table.
Json body(int n) {
  Json b = Json::array();
  const int sections = 1 + (n * 7) % 8;  // 1..8
  for (int s = 0; s < sections; ++s) {
    if (sections > 1) {
      b.push_back({{"type", "heading"}, {"level", 1}, {"text", std::string(numerals[s]) + "、" + fill("{s}工作要求", n + s)}});
    }
    const int lines = 1 + (n + s) % 4;
    for (int l = 0; l < lines; ++l) b.push_back(paragraph(fill(sentences[(n + s * 5 + l * 3) % std::size(sentences)], n + l)));
  }
  if (n % 3 == 0) {
    b.push_back({{"type", "list"},
                 {"numbered", true},
                 {"items", {"居民身份证原件", "户口簿原件", fill("{s}申请表（窗口领取或网上下载）", n)}}});
  }
  if (n % 5 == 0) {
    b.push_back({{"type", "table"},
                 {"columns", {"年龄段", "每月标准"}},
                 {"rows", Json::array({Json::array({"80-89周岁", "100元"}), Json::array({"90-99周岁", "200元"}),
                                      Json::array({"100周岁及以上", "500元"})})}});
  }
  return b;
}

Json base(const std::string& id, const char* kind, const std::string& title, const std::string& issuer, sys_days date,
          const char* category, int n) {
  return Json{{"id", id},
              {"version", 1 + n % 3},
              {"kind", kind},
              {"title", title},
              {"summary", fill("本文件涉及{p}街道{s}工作，现予公开。", n)},
              {"issuer", {{"name", issuer}}},
              {"date", iso(date)},
              {"disclosure", "active"},
              {"category", category},
              {"domain", domains[n % std::size(domains)]},
              {"body", body(n)}};
}

std::string padded(const char* prefix, int n) {
  char id[32];
  std::snprintf(id, sizeof id, "%s-%05d", prefix, n);
  return id;
}

}  // namespace

std::string notices(int count, Date today_date) {
  const sys_days today{today_date};
  Json all = Json::array();
  // What share of the notices each kind takes, in twentieths: policies and 通知公告 most.
  std::string last_policy;
  for (int n = 0; n < count; ++n) {
    const std::string place = places[(n / 3) % std::size(places)];
    const std::string issuer = place + "街道办事处";
    // Older the further into the set, over four years; open drafts are recent.
    const sys_days date = today - days(3 + (n * 37) % 1400);
    const int year = static_cast<int>(Date{date}.year());
    switch (n % 20) {
      case 0: case 1: case 2: case 3: case 4: {  // 政策文件, with its 文号
        const std::string id = padded("SN-P", n);
        Json j = base(id, "policy", place + "街道" + fill(policy_forms[n % std::size(policy_forms)], n), issuer, date,
                      categories[n % 3], n);
        j["doc_no"] = place + doc_kinds[n % std::size(doc_kinds)] + "〔" + std::to_string(year) + "〕" +
                      std::to_string(1 + n % 97) + "号";
        j["effective_from"] = iso(date);
        all.push_back(std::move(j));
        last_policy = id;
        break;
      }
      case 5: case 6: {  // 政策解读 of the last policy
        if (last_policy.empty()) break;
        Json j = base(padded("SN-J", n), "interpretation", "一图读懂：" + fill("{s}", n - 5) + "政策怎么申请、找谁办",
                      place + "街道党政办公室", date, "management", n);
        j["interprets"] = last_policy;
        all.push_back(std::move(j));
        break;
      }
      case 7: case 8: case 9: case 10: case 11: {  // 通知公告
        all.push_back(base(padded("SN-A", n), "announcement", fill(announcement_forms[n % std::size(announcement_forms)], n),
                           issuer, date, "service", n));
        break;
      }
      case 12: case 13: {  // 重大决策预公开: one open today, one closed with its adoption report
        const bool open = n % 40 == 12;
        const sys_days from = open ? today - days(5 + n % 7) : std::min(date, today - days(60));
        Json j = base(padded("SN-D", n), "draft", place + "街道" + fill("{s}补助办法（征求意见稿）", n), issuer, from,
                      "decision", n);
        Json d = {{"basis", {{{"title", "重大行政决策程序暂行条例"}, {"clause", "第十四条"}}}},
                  {"comment_from", iso(from)},
                  {"comment_to", iso(from + days(29 + n % 10))},
                  {"channels", {{{"text", "电话：0531-8601 2345"}}, {{"text", "信函：" + place + "街道党政办公室"}}}}};
        if (!open) {
          const int received = 3 + n % 40, adopted = (3 + n % 40) / 2;
          d["adoption"] = {{"published", iso(from + days(45))},
                           {"received", received},
                           {"adopted", adopted},
                           {"summary", "共收到意见" + std::to_string(received) + "条，采纳" + std::to_string(adopted) + "条。"},
                           {"not_adopted",
                            {{{"opinion", "建议提高补助标准"}, {"reason", "超出本年度财政预算安排，下一年度统筹研究。"}}}}};
        }
        j["draft"] = std::move(d);
        all.push_back(std::move(j));
        break;
      }
      case 14: case 15: {  // 会议公开
        Json j = base(padded("SN-M", n), "meeting", place + "街道第" + std::to_string(1 + n % 30) + "次党工委（办事处）会议决定事项",
                      issuer, date, "decision", n);
        j["meeting"] = {{"held_on", iso(date - days(2))},
                        {"place", "街道三楼会议室"},
                        {"agenda", {fill("研究{s}工作", n), fill("研究{s}工作", n + 1)}},
                        {"decisions", {fill("同意{s}工作方案，由街道社会事务办牵头落实。", n)}}};
        all.push_back(std::move(j));
        break;
      }
      case 16: case 17: {  // 执行情况
        Json j = base(padded("SN-E", n), "implementation",
                      fill("{s}", n) + "工作推进情况（" + std::to_string(year) + "年第" + std::to_string(1 + n % 4) + "季度）",
                      issuer, date, "execution", n);
        j["implementation"] = {{"measure", fill("{s}工作", n)},
                               {"steps",
                                {{{"title", "摸底排查"}, {"responsible", "各社区"}, {"progress", "已完成入户摸底。"},
                                  {"status", "done"}, {"due", iso(date)}},
                                 {{"title", "集中办理"}, {"responsible", "便民服务中心"}, {"progress", "正在推进。"},
                                  {"status", "in_progress"}}}}};
        all.push_back(std::move(j));
        break;
      }
      case 18: {  // 建议提案办理结果
        Json j = base(padded("SN-R", n), "proposal_reply", "关于区政协委员《" + fill("关于做好{s}的提案", n) + "》的答复",
                      issuer, date, "result", n);
        j["proposal"] = {{"number", "第" + std::to_string(1 + n % 200) + "号提案"},
                         {"type", n % 2 ? "proposal" : "suggestion"},
                         {"publication", "full"}};
        all.push_back(std::move(j));
        break;
      }
      default: {  // 权责清单
        Json j = base(padded("SN-Q", n), "power_list", place + "街道权责清单（" + fill("{s}", n) + "部分）", issuer, date,
                      "management", n);
        j["powers"] = {{{"name", fill("{s}申请受理", n)},
                        {"power_type", "行政给付"},
                        {"basis", {{{"title", "社会救助暂行办法"}, {"clause", "第十一条"}}}},
                        {"responsible", "街道社会事务办"}}};
        all.push_back(std::move(j));
        break;
      }
    }
  }
  // n % 20 == 5 or 6 with no policy yet is skipped: top up with 通知公告 to `count`.
  for (int n = count; static_cast<int>(all.size()) < count; ++n) {
    all.push_back(base(padded("SN-A", n), "announcement", fill(announcement_forms[n % 4], n), "安居街道办事处",
                       today - days(3 + n % 100), "service", n));
  }
  return Json{{"format", "hallkiosk.notices/1"}, {"notices", std::move(all)}}.dump();
}

}  // namespace hall::bench::notice_gen

namespace hall::bench {

std::string synthetic_notices(int count, Date today) { return notice_gen::notices(count, today); }

Result<SyntheticHall> import_synthetic_hall(const std::string& catalogue_db, int guides, int notices, Date today) {
  SystemClock clock;
  auto store = catalogue::CatalogueStore::open(catalogue_db, clock);
  if (!store) return std::unexpected(store.error());
  SyntheticHall out;
  auto guide_file = catalogue::parse_catalogue(synthetic_catalogue(guides));
  if (!guide_file) return std::unexpected(guide_file.error());
  auto imported = store->import(*guide_file);
  if (!imported) return std::unexpected(imported.error());
  out.guides = imported->added;
  if (notices == 0) return out;
  auto notice_file = notices::parse_notice_file(synthetic_notices(notices, today), notices::Destination::published);
  if (!notice_file) return std::unexpected(notice_file.error());
  auto stored = notices::NoticeStore(store->database(), clock).import(*notice_file);
  if (!stored) return std::unexpected(stored.error());
  out.notices = stored->added;
  return out;
}

}  // namespace hall::bench

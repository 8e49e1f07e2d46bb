// SPDX-License-Identifier: Apache-2.0
#pragma once
// A notice (政务公开信息) in the "hallkiosk.notice/1" format (README, "The notice format"), after
// validation: what a 主动公开基本目录 lists about it, a body the kiosk lays out in large type, and
// the part that only its kind has. `*_en` twins are optional, as in the guides.
#include <optional>
#include <string>
#include <vector>

#include "common/working_calendar.h"

namespace hall::notices {

enum class NoticeKind {
  policy,          // 政策文件, with its 文号
  interpretation,  // 政策解读 of one policy
  announcement,    // 通知公告
  draft,           // 重大决策预公开: a decision draft open for comment, later its adoption report
  meeting,         // 会议公开
  implementation,  // 执行情况 of a key measure
  proposal_reply,  // 建议提案办理结果
  power_list,      // 权责清单
};

// 公开属性. Only `active` (主动公开) ever leaves the central store.
enum class Disclosure { active, on_request, not_public };

// The 五公开 of the directory.
enum class Category { decision, execution, management, service, result };

struct Text {
  std::string zh, en;
};

struct Issuer {
  std::string name, name_en;
  std::string code;  // 统一社会信用代码, may be empty
};

struct Basis {
  std::string title, doc_no, clause;
};

enum class BlockType { heading, paragraph, list, table };

struct Block {
  BlockType type = BlockType::paragraph;
  int level = 1;                        // heading: 1 一、 2 （一） 3 1.
  Text text;                            // heading, paragraph
  bool numbered = false;                // list
  std::vector<Text> items;              // list
  std::vector<Text> columns;            // table header
  std::vector<std::vector<Text>> rows;  // table cells, as many as columns
};

// What became of the comments on a draft (意见收集汇总、采纳情况和未予采纳的理由).
struct NotAdopted {
  Text opinion, reason;
};
struct AdoptionReport {
  Date published;
  int received = 0, adopted = 0;
  Text summary;
  std::vector<NotAdopted> not_adopted;
};
struct DraftPart {
  std::vector<Basis> basis;       // 决策依据
  Date comment_from, comment_to;  // both days included
  std::vector<Text> channels;     // how to comment besides the kiosk (信函, 电话 ...)
  std::optional<AdoptionReport> adoption;
};

struct MeetingPart {
  Date held_on;
  Text place;
  std::vector<Text> agenda, decisions;
};

enum class StepStatus { planned, in_progress, done };
struct MeasureStep {
  Text title, responsible, progress;
  StepStatus status = StepStatus::planned;
  std::optional<Date> due;
};
struct ImplementationPart {
  Text measure;
  std::vector<MeasureStep> steps;
};

enum class ProposalType { suggestion, proposal };  // 人大代表建议 / 政协委员提案
enum class Publication { full, summary };          // 全文公开 / 摘要公开
// A deputy or member named in a proposal: the author lists them with the draft so the
// 去标识化 scan can find them. The list itself never leaves the central store.
struct Representative {
  std::string name;
  std::vector<std::string> contacts;
};
struct ProposalPart {
  std::string number;  // 建议/提案编号
  ProposalType type = ProposalType::suggestion;
  Publication publication = Publication::full;
  std::vector<Representative> representatives;
};

struct PowerEntry {
  Text name;
  std::string power_type;  // 行政许可, 行政处罚, 行政确认, 公共服务 ...
  std::string code;
  std::vector<Basis> basis;
  Text responsible;     // 责任主体 / 承办机构
  Text accountability;  // 追责情形
};

struct Notice {
  std::string id;
  int version = 1;
  NoticeKind kind = NoticeKind::announcement;
  Text title, summary;
  Issuer issuer;
  Date date;  // 发布日期 / 成文日期
  Disclosure disclosure = Disclosure::active;
  Category category = Category::result;
  Text domain;  // 领域: 社会救助, 养老服务 ...
  std::optional<Date> effective_from, expires_on;
  std::vector<std::string> guides;  // ids of related 办事指南
  std::string original_url;         // a PDF original for the phone, if any
  std::vector<Block> body;

  std::string doc_no;      // policy (required), others optional
  std::string interprets;  // interpretation: the policy's id
  std::optional<DraftPart> draft;
  std::optional<MeetingPart> meeting;
  std::optional<ImplementationPart> implementation;
  std::optional<ProposalPart> proposal;
  std::vector<PowerEntry> powers;

  std::string source_json;  // the object as received, unknown keys included

  // A draft is open for comment on `today` from comment_from to comment_to inclusive.
  bool open_for_comment(Date today) const;
  // Days left to comment, `today` included (0 once closed or not a draft).
  int comment_days_left(Date today) const;
};

}  // namespace hall::notices

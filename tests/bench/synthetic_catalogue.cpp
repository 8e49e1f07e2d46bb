// SPDX-License-Identifier: Apache-2.0
#include "synthetic_catalogue.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace hall::bench {
namespace {

using Json = nlohmann::ordered_json;

const char* const services[] = {
    "高龄津贴", "残疾人证", "重度残疾人护理补贴", "困难残疾人生活补贴", "城乡居民养老保险", "城乡居民医疗保险",
    "最低生活保障", "临时救助", "特困人员供养", "生育登记", "退役军人优待证", "就业创业证", "失业登记",
    "长期护理保险", "老年人优待证", "居住证", "医疗救助", "灵活就业社保", "创业担保贷款", "丧葬补助金",
    "独生子女父母奖励", "计划生育特别扶助", "孤儿基本生活费", "公共租赁住房", "银行代发补贴", "义务兵家庭优待金",
    "残疾人辅助器具", "养老服务补贴", "法律援助", "流动人口登记", "户口迁移", "出生医学证明", "就业困难人员认定",
    "职业技能培训补贴", "慈善救助", "困境儿童保障", "精神障碍患者监护补贴", "农村危房改造", "重点优抚对象抚恤",
    "无障碍改造"};
const char* const actions[] = {"申请", "变更", "注销", "补办", "年审"};
const char* const streets[] = {
    "安居", "南张", "唐口", "长沟", "喻屯", "李营", "金城", "古槐", "越河", "仙营", "济阳", "阜桥", "观音阁",
    "许庄", "柳行", "南苑", "北湖", "石桥", "二十里铺", "接庄", "王因", "廿里铺", "东大寺", "西关", "红星",
    "太白", "运河", "琵琶山", "洸河", "任兴", "光明", "龙行", "三里营", "长虹", "黄屯", "杨柳", "嘉祥",
    "汶上", "泗水", "梁山", "微山", "鱼台", "金乡", "曲阜", "邹城", "兖州", "高新", "太白湖", "经开", "北湖新"};
const char* const topics[] = {"社会保障", "医疗保障", "养老服务", "残疾人服务", "退役军人",
                              "户籍",     "婚育",     "就业创业", "社会救助",   "住房"};

Json guide(int n, int version) {
  constexpr int service_count = sizeof services / sizeof *services;
  constexpr int action_count = sizeof actions / sizeof *actions;
  constexpr int street_count = sizeof streets / sizeof *streets;
  const std::string service = services[n % service_count];
  const std::string action = actions[(n / service_count) % action_count];
  const std::string street = streets[(n / (service_count * action_count)) % street_count];
  const int round = n / (service_count * action_count * street_count);
  std::string name = street + "街道" + service + action;
  if (round > 0) name += "（" + std::to_string(round + 1) + "）";
  char id[32];
  std::snprintf(id, sizeof id, "SYN-%06d", n);
  return Json{
      {"id", id},
      {"version", version},
      {"status", "active"},
      {"name", name},
      {"item_type", "公共服务"},
      {"department", {{"name", street + "街道办事处"}}},
      {"targets", {"person"}},
      {"topics", {topics[n % 10], topics[(n / 10) % 10]}},
      {"keywords", {service, street}},
      {"onsite_visits", n % 3},
      {"onsite_reason", "需本人到场核验身份并签字确认"},
      {"case_type", n % 2 ? "promised" : "immediate"},
      {"time_limit",
       {{"statutory", {{"value", 20}, {"unit", "working_days"}}}, {"promised", {{"value", 5}, {"unit", "working_days"}}}}},
      {"legal_basis", {{{"title", "《社会救助暂行办法》"}, {"doc_no", "国务院令第649号"}}}},
      {"conditions", "户籍在" + street + "街道、符合" + service + "条件的居民。版本" + std::to_string(version)},
      {"materials",
       {{{"name", "居民身份证"}, {"necessity", "required"}, {"form", "original"}, {"originals", 1}, {"source", "government"}},
        {{"name", "户口簿"}, {"necessity", "deferrable"}, {"form", "copy"}, {"copies", 1}, {"source", "government"}},
        {{"name", "本人社会保障卡或银行卡"}, {"necessity", "required"}, {"form", "copy"}, {"copies", 1},
         {"source", "applicant"}}}},
      {"steps", {{{"title", "窗口受理"}}, {{"title", "审核"}}, {{"title", "办结"}}}},
      {"fees", Json::array()},
      {"handling", {"window", "online"}},
      {"location", {{"address", street + "街道便民服务中心"}, {"window", "1号综合受理窗口"}, {"hours", "周一至周五 9:00-17:00"}}},
      {"contact_phone", "0537-2310100"},
      {"complaint_phone", "12345"},
      {"faq", {{{"q", service + "需要本人到场吗？"}, {"a", "行动不便的可由家属代办，携带双方身份证。"}}}},
      {"queue_group", "A"}};
}

}  // namespace

std::string synthetic_catalogue(int count, int version) {
  Json c = {{"format", "hallkiosk.catalogue/1"}, {"guides", Json::array()}};
  for (int n = 0; n < count; ++n) c["guides"].push_back(guide(n, version));
  return c.dump();
}

}  // namespace hall::bench

#include "monitoring/checklists.h"

#include <algorithm>
#include <set>

#include "core/clock.h"

namespace innet::monitoring {

const std::vector<std::string>& area_names() {
  static const std::vector<std::string> names = {"capacity_presences", "building",    "meals",
                                                 "cleaning_laundry",   "goods_money", "staff",
                                                 "services",           "finance"};
  return names;
}

const std::vector<std::string>& answer_kinds() {
  static const std::vector<std::string> kinds = {"yes_no", "number", "choice", "text", "photo"};
  return kinds;
}

const std::vector<std::string>& severities() {
  static const std::vector<std::string> names = {"minor", "major", "critical"};
  return names;
}

const std::vector<std::string>& question_languages() {
  static const std::vector<std::string> languages = {"it", "en", "fr", "ar", "uk", "bn"};
  return languages;
}

FieldError ChecklistErrors::rule_not_for_kind(std::string kind) {
  std::string message = "this pass rule does not apply to a " + kind + " item";
  return {"rule_not_for_kind", {{"kind", std::move(kind)}}, std::move(message)};
}

FieldError ChecklistErrors::cannot_fail() {
  return {"cannot_fail", {}, "an item with no pass rule never fails, so it cannot open a finding"};
}

namespace {

bool known(const std::vector<std::string>& vocabulary, const std::string& value) {
  return std::find(vocabulary.begin(), vocabulary.end(), value) != vocabulary.end();
}

std::string item_field(std::size_t i, const char* name) {
  return "items[" + std::to_string(i) + "]." + name;
}

// The refusals of one item, added to `bad` under items[i].<field>.
void check_item(const ChecklistItem& item, std::size_t i, std::set<std::string>& codes,
                Error& bad) {
  auto refuse = [&](const char* field, FieldError why) {
    bad.fields.emplace(item_field(i, field), std::move(why));
  };
  if (item.code.empty()) refuse("code", FieldError::required());
  if (!codes.insert(item.code).second) refuse("code", FieldError::taken());
  if (!known(area_names(), item.area)) refuse("area", FieldError::not_in_list(area_names()));
  if (!known(answer_kinds(), item.answer_kind))
    refuse("answer_kind", FieldError::not_in_list(answer_kinds()));
  if (item.weight < 1) refuse("weight", FieldError::below_minimum(1));
  if (item.weight > 10) refuse("weight", FieldError::above_maximum(10));
  if (!item.question.count("it") || item.question.at("it").empty())
    refuse("question.it", FieldError::required());
  for (const auto& [language, _] : item.question)
    if (!known(question_languages(), language))
      refuse("question", FieldError::not_in_list(question_languages()));

  const std::string& kind = item.answer_kind;
  if (kind == "choice") {
    if (item.choices.size() < 2) refuse("choices", FieldError::too_few_items(2));
    if (std::set<std::string>(item.choices.begin(), item.choices.end()).size() !=
        item.choices.size())
      refuse("choices", FieldError::listed_twice());
    for (const auto& c : item.passing_choices)
      if (!known(item.choices, c)) refuse("passing_choices", FieldError::not_in_list(item.choices));
  } else {
    if (!item.choices.empty()) refuse("choices", ChecklistErrors::rule_not_for_kind(kind));
    if (!item.passing_choices.empty())
      refuse("passing_choices", ChecklistErrors::rule_not_for_kind(kind));
  }
  if (item.expected_yes && kind != "yes_no")
    refuse("expected_yes", ChecklistErrors::rule_not_for_kind(kind));
  if ((item.min_value || item.max_value) && kind != "number")
    refuse(item.min_value ? "min_value" : "max_value", ChecklistErrors::rule_not_for_kind(kind));
  if (item.min_value && item.max_value && *item.min_value > *item.max_value)
    refuse("max_value", FieldError::before_other("min_value"));
  if (item.failure_is_finding) {
    if (!item.scored()) refuse("failure_is_finding", ChecklistErrors::cannot_fail());
    if (!known(severities(), item.default_severity))
      refuse("default_severity", FieldError::not_in_list(severities()));
  }
}

}  // namespace

Status check_version(const NewChecklistVersion& v) {
  Error bad = Error::make(ErrorKind::unprocessable, "invalid_checklist", "invalid checklist");
  if (v.code.empty()) bad.fields.emplace("code", FieldError::required());
  if (v.title.empty()) bad.fields.emplace("title", FieldError::required());
  if (v.items.empty()) bad.fields.emplace("items", FieldError::too_few_items(1));
  std::set<std::string> codes;
  for (std::size_t i = 0; i < v.items.size(); ++i) check_item(v.items[i], i, codes, bad);
  if (!bad.fields.empty()) return bad;
  return Status::success();
}

// --- storage ------------------------------------------------------------------------------------

namespace {

constexpr const char* kVersionColumns = "id, code, version, title, created_by, created_at";
constexpr const char* kItemColumns =
    "id, code, area, answer_kind, choices, expected_yes, passing_choices, min_value, max_value, "
    "weight, failure_is_finding, default_severity, reference";

ChecklistVersion version_from(const db::Row& r) {
  ChecklistVersion v;
  v.id = r.integer(0);
  v.code = r.text(1);
  v.version = r.integer(2);
  v.title = r.text(3);
  v.created_by = r.opt_integer(4);
  v.created_at = r.text(5);
  return v;
}

// Lists of strings are stored as JSON arrays in a text column: they are read and written whole.
std::string list_text(const std::vector<std::string>& list) {
  return nlohmann::json(list).dump();
}

std::vector<std::string> list_from(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return {};
  std::vector<std::string> out;
  for (const auto& s : j)
    if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

std::optional<double> opt_real(const db::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.real(i);
}

ChecklistItem item_from(const db::Row& r) {
  ChecklistItem item;
  item.id = r.integer(0);
  item.code = r.text(1);
  item.area = r.text(2);
  item.answer_kind = r.text(3);
  item.choices = list_from(r.text(4));
  if (!r.is_null(5)) item.expected_yes = r.integer(5) != 0;
  item.passing_choices = list_from(r.text(6));
  item.min_value = opt_real(r, 7);
  item.max_value = opt_real(r, 8);
  item.weight = r.integer(9);
  item.failure_is_finding = r.integer(10) != 0;
  item.default_severity = r.text(11);
  item.reference = r.text(12);
  return item;
}

db::Value optional_real(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

Result<std::vector<ChecklistItem>> items_of(db::Connection& conn, std::int64_t version_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kItemColumns +
                                                   " FROM checklist_items WHERE checklist_id = ? "
                                                   "ORDER BY position",
                                               {version_id}));
  std::vector<ChecklistItem> items;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : rows) {
    index[r.integer(0)] = items.size();
    items.push_back(item_from(r));
  }
  INNET_ASSIGN_OR_RETURN(
      auto texts, conn.query("SELECT t.item_id, t.language, t.question FROM checklist_item_texts t "
                             "JOIN checklist_items i ON i.id = t.item_id WHERE i.checklist_id = ?",
                             {version_id}));
  for (const auto& r : texts) items[index.at(r.integer(0))].question[r.text(1)] = r.text(2);
  return items;
}

}  // namespace

Result<ChecklistVersion> create_version(db::Connection& conn, const NewChecklistVersion& v,
                                        std::optional<std::int64_t> created_by) {
  INNET_TRY(check_version(v));
  INNET_ASSIGN_OR_RETURN(
      auto latest,
      conn.query("SELECT COALESCE(MAX(version), 0) FROM checklists WHERE code = ?", {v.code}));
  const std::int64_t next = latest[0].integer(0) + 1;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("INSERT INTO checklists (code, version, title, created_by, "
                             "created_at) VALUES (?, ?, ?, ?, ?) RETURNING ") +
                     kVersionColumns,
                 {v.code, next, v.title, db::optional_value(created_by), clock::now_iso()}));
  ChecklistVersion stored = version_from(rows[0]);
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    const auto& item = v.items[i];
    std::optional<std::int64_t> expected;
    if (item.expected_yes) expected = *item.expected_yes ? 1 : 0;
    INNET_ASSIGN_OR_RETURN(
        auto inserted,
        conn.query(
            "INSERT INTO checklist_items (checklist_id, position, code, area, answer_kind, "
            "choices, expected_yes, passing_choices, min_value, max_value, weight, "
            "failure_is_finding, default_severity, reference) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {stored.id, static_cast<std::int64_t>(i), item.code, item.area, item.answer_kind,
             list_text(item.choices), db::optional_value(expected), list_text(item.passing_choices),
             optional_real(item.min_value), optional_real(item.max_value), item.weight,
             std::int64_t{item.failure_is_finding ? 1 : 0},
             item.failure_is_finding ? item.default_severity : std::string(), item.reference}));
    ChecklistItem copy = item;
    copy.id = inserted[0].integer(0);
    if (!copy.failure_is_finding) copy.default_severity.clear();
    for (const auto& [language, question] : item.question)
      INNET_TRY(conn.execute(
          "INSERT INTO checklist_item_texts (item_id, language, question) VALUES (?, ?, ?)",
          {copy.id, language, question}));
    stored.items.push_back(std::move(copy));
  }
  return stored;
}

Result<ChecklistVersion> find_version(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kVersionColumns + " FROM checklists WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("checklist");
  ChecklistVersion v = version_from(rows[0]);
  INNET_ASSIGN_OR_RETURN(v.items, items_of(conn, v.id));
  return v;
}

Result<ChecklistItem> find_item(db::Connection& conn, std::int64_t version_id,
                                std::int64_t item_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kItemColumns +
                                                   " FROM checklist_items WHERE id = ? AND "
                                                   "checklist_id = ?",
                                               {item_id, version_id}));
  if (rows.empty()) return Error::not_found("item");
  return item_from(rows[0]);
}

Result<std::vector<ChecklistVersion>> latest_versions(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kVersionColumns +
                                    " FROM checklists c WHERE version = "
                                    "(SELECT MAX(version) FROM checklists l WHERE l.code = c.code) "
                                    "ORDER BY code"));
  std::vector<ChecklistVersion> out;
  for (const auto& r : rows) out.push_back(version_from(r));
  return out;
}

Result<std::vector<ChecklistVersion>> versions_of(db::Connection& conn, const std::string& code) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kVersionColumns +
                                        " FROM checklists WHERE code = ? ORDER BY version DESC",
                                    {code}));
  std::vector<ChecklistVersion> out;
  for (const auto& r : rows) out.push_back(version_from(r));
  return out;
}

// --- JSON and schema ----------------------------------------------------------------------------

const api::ObjectType<ChecklistItem>& checklist_item_type() {
  using I = const ChecklistItem&;
  static const auto type =
      api::ObjectType<ChecklistItem>("ChecklistItem")
          .field("id", &ChecklistItem::id)
          .field("code", &ChecklistItem::code)
          .field("area", &ChecklistItem::area, {.allowed = area_names()})
          .field("answer_kind", &ChecklistItem::answer_kind, {.allowed = answer_kinds()})
          .field("choices", &ChecklistItem::choices)
          .field("expected_yes", &ChecklistItem::expected_yes)
          .field("passing_choices", &ChecklistItem::passing_choices)
          .field("min_value", &ChecklistItem::min_value)
          .field("max_value", &ChecklistItem::max_value)
          .field("scored", [](I i) { return i.scored(); },
                 {.description = "whether the answer passes or fails (else only recorded)"})
          .field("weight", &ChecklistItem::weight)
          .field("failure_is_finding", &ChecklistItem::failure_is_finding)
          .field("default_severity",
                 [](I i) -> std::optional<std::string> {
                   if (!i.failure_is_finding) return std::nullopt;
                   return i.default_severity;
                 },
                 {.allowed = severities()})
          .field("reference", &ChecklistItem::reference)
          .field("question", [](I i) { return nlohmann::json(i.question); },
                 {.description = "the question by language; it (Italian) always present",
                  .schema = {{"type", "object"},
                             {"required", {"it"}},
                             {"additionalProperties", {{"type", "string"}}}}});
  return type;
}

const api::ObjectType<ChecklistVersion>& checklist_summary_type() {
  static const auto type =
      api::ObjectType<ChecklistVersion>("ChecklistSummary")
          .field("id", &ChecklistVersion::id)
          .field("code", &ChecklistVersion::code)
          .field("version", &ChecklistVersion::version)
          .field("title", &ChecklistVersion::title)
          .field("created_by", &ChecklistVersion::created_by,
                 {.description = "null for the versions the product ships"})
          .field("created_at", &ChecklistVersion::created_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<ChecklistVersion>& checklist_version_type() {
  static const auto type = api::ObjectType<ChecklistVersion>(
                               "Checklist", "a version of a checklist, never changed once written")
                               .include(checklist_summary_type(), std::identity{})
                               .field("items", &ChecklistVersion::items, checklist_item_type());
  return type;
}

// --- tables -------------------------------------------------------------------------------------

std::vector<db::Migration> checklist_migrations(db::Engine) {
  const std::string tables = R"sql(
CREATE TABLE checklists (
  id {{pk}},
  code TEXT NOT NULL,
  version BIGINT NOT NULL,
  title TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (code, version)
);
CREATE TABLE checklist_items (
  id {{pk}},
  checklist_id BIGINT NOT NULL REFERENCES checklists (id),
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  area TEXT NOT NULL,
  answer_kind TEXT NOT NULL,
  choices TEXT NOT NULL,
  expected_yes BIGINT,
  passing_choices TEXT NOT NULL,
  min_value DOUBLE PRECISION,
  max_value DOUBLE PRECISION,
  weight BIGINT NOT NULL,
  failure_is_finding BIGINT NOT NULL,
  default_severity TEXT NOT NULL,
  reference TEXT NOT NULL,
  UNIQUE (checklist_id, code),
  UNIQUE (checklist_id, position)
);
CREATE TABLE checklist_item_texts (
  item_id BIGINT NOT NULL REFERENCES checklist_items (id),
  language TEXT NOT NULL,
  question TEXT NOT NULL,
  PRIMARY KEY (item_id, language)
);
)sql";
  return {
      {.version = 1, .name = "monitoring: checklists, their items and questions", .sql = tables},
      {.version = 2,
       .name = "monitoring: the standard checklist, version 1",
       .sql = "",
       .then = [](db::Connection& conn) -> Status {
         INNET_TRY(create_version(conn, standard_checklist(), std::nullopt));
         return Status::success();
       }},
  };
}

}  // namespace innet::monitoring

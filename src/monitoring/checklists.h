// Inspection checklists as versioned data (docs/decisions/0022-monitoring-model.md): a template
// has a code and versions 1, 2, ...; a version is written once, whole, and never changed, so an
// inspection made with it reads the same forever. This file holds the model, the rules a
// version keeps, its storage, and the standard template every installation starts from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::monitoring {

// The areas of an inspection (domain.md): scores are given per area.
const std::vector<std::string>& area_names();
// yes_no, number, choice, text, photo
const std::vector<std::string>& answer_kinds();
// minor, major, critical
const std::vector<std::string>& severities();
// The languages a question may be written in; Italian is required.
const std::vector<std::string>& question_languages();

// The field errors of a checklist version beside those of core/field_error.h (decision 0013).
struct ChecklistErrors {
  // A pass rule (expected_yes, choices, bounds) given to an item of another kind.
  static FieldError rule_not_for_kind(std::string kind);
  // A finding asked of an item with no pass rule, which never fails.
  static FieldError cannot_fail();
};

struct ChecklistItem {
  std::int64_t id = 0;
  std::string code;  // unique in its version, the same across versions for the same question
  std::string area;  // one of area_names()
  std::string answer_kind;
  std::vector<std::string> choices;  // choice items: what may be answered
  // What passes: yes_no -> expected_yes; choice -> passing_choices; number -> min/max (either
  // or both). An item with none of them (text, photo, an unbounded number) is not scored.
  std::optional<bool> expected_yes;
  std::vector<std::string> passing_choices;
  std::optional<double> min_value;
  std::optional<double> max_value;
  std::int64_t weight = 1;                      // 1..10, for the area's score
  bool failure_is_finding = false;              // a failing answer opens a finding
  std::string default_severity;                 // of that finding: one of severities()
  std::string reference;                        // the legal or contract source, may be empty
  std::map<std::string, std::string> question;  // by language; "it" always present

  bool scored() const {
    return expected_yes.has_value() || !passing_choices.empty() || min_value || max_value;
  }
};

struct ChecklistVersion {
  std::int64_t id = 0;
  std::string code;  // e.g. "standard"
  std::int64_t version = 0;
  std::string title;                       // Italian
  std::optional<std::int64_t> created_by;  // null for the ones the product ships
  std::string created_at;
  std::vector<ChecklistItem> items;  // in the order of the form
};

// What a new version is made of: the next version number of `code` is given by storage.
struct NewChecklistVersion {
  std::string code;
  std::string title;
  std::vector<ChecklistItem> items;
};

// The rules of a version, each refusal naming its field (items[3].passing_choices ...): at least
// one item; codes unique; a known area, kind and severity; choices only on choice items, at
// least two, each once; the pass rule fits the kind (expected_yes only on yes_no, passing
// choices among the choices, bounds only on numbers and min <= max); a finding only from an
// item that can fail; an Italian question.
Status check_version(const NewChecklistVersion& v);

// Stores `v` as the next version of its code, in the caller's transaction.
Result<ChecklistVersion> create_version(db::Connection& conn, const NewChecklistVersion& v,
                                        std::optional<std::int64_t> created_by);

// 404 "checklist" when there is none.
Result<ChecklistVersion> find_version(db::Connection& conn, std::int64_t id);

// One item of a version, without its questions (what an answer is checked against); 404 "item"
// when the version has no such item.
Result<ChecklistItem> find_item(db::Connection& conn, std::int64_t version_id,
                                std::int64_t item_id);

// The latest version of each code, without items, by code.
Result<std::vector<ChecklistVersion>> latest_versions(db::Connection& conn);

// Every version of a code, newest first, without items.
Result<std::vector<ChecklistVersion>> versions_of(db::Connection& conn, const std::string& code);

// The template the product ships (code "standard"), built from domain.md's inspection areas.
NewChecklistVersion standard_checklist();
// Its questions in the languages it was not written in (fr, ar, uk, bn), by item code and
// language: added to the shipped version 1 by migration 11 (standard_checklist_texts.cc).
std::map<std::string, std::map<std::string, std::string>> standard_question_translations();
std::vector<db::Migration> translation_migrations(db::Engine engine);

const api::ObjectType<ChecklistItem>& checklist_item_type();
const api::ObjectType<ChecklistVersion>& checklist_version_type();
const api::ObjectType<ChecklistVersion>& checklist_summary_type();

std::vector<db::Migration> checklist_migrations(db::Engine engine);

}  // namespace innet::monitoring

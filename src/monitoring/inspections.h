// Inspections of centres (decision 0022): planned, in progress, completed, report issued. An
// inspection keeps the checklist version it was planned with; its answers are kept as written,
// one row per write, the latest per item being the answer (a replayed write, same idempotency
// key, stores nothing twice). A completed inspection takes no more answers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "monitoring/checklists.h"

namespace innet::monitoring {

// planned, in_progress, completed, report_issued
const std::vector<std::string>& inspection_statuses();

struct Inspection {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::int64_t checklist_id = 0;  // the version used, for ever
  std::string status = "planned";
  bool announced = true;
  std::string planned_date;
  std::vector<std::int64_t> team;  // user ids of the inspectors
  std::optional<std::string> started_at;
  std::optional<std::string> completed_at;
  std::optional<std::string> report_issued_at;
  std::optional<std::string> note;
  std::int64_t created_by = 0;
  std::string created_at;
};

struct NewInspection {
  std::int64_t centre_id = 0;
  std::int64_t checklist_id = 0;
  CivilDay planned_date = kEarliestDay;
  bool announced = true;
  std::vector<std::int64_t> team;
  std::optional<std::string> note;
};

// One answer as written: exactly one of the values, the one the item's kind takes (yes_no ->
// yes, number -> number, choice and text -> text; photo items take none: their photos are
// documents linked to the answer).
struct Answer {
  std::int64_t id = 0;
  std::int64_t inspection_id = 0;
  std::int64_t item_id = 0;
  std::optional<bool> yes;
  std::optional<double> number;
  std::optional<std::string> text;
  std::optional<std::string> note;
  std::string idempotency_key;  // chosen by the page, unique per inspection
  std::int64_t answered_by = 0;
  std::string answered_at;
};

// The field errors of inspections beside those of core/field_error.h (decision 0013).
struct InspectionErrors {
  static FieldError item_not_in_checklist();  // the item is not in the inspection's version
  static FieldError value_for_kind(std::string kind);  // the value does not fit the item's kind
  static FieldError not_an_inspector();                // a team member who does not inspect
  static FieldError wrong_status(std::string status, std::string expected);
};

// Each write takes `now` (ISO-8601 UTC, clock::now_iso() for a request) to stamp what it records:
// the demo data write two years of inspections at the times they happened.

// Plans an inspection, in the caller's transaction. The centre and each team member must exist
// (the routes check the caller may see the centre); the team's members are active inspectors or
// prefecture officers.
Result<Inspection> plan_inspection(db::Connection& conn, const NewInspection& n,
                                   std::int64_t user_id, const std::string& now);

// 404 "inspection" when there is none.
Result<Inspection> find_inspection(db::Connection& conn, std::int64_t id);

// The sort keys of the list: centre (its name), date (planned), status (in the order of
// inspection_statuses()), announced, score (overall; inspections without one first); each with
// '-' first for descending. Default "-date": the newest first.
const std::vector<std::string>& inspection_sort_keys();

struct InspectionFilter {
  std::optional<std::int64_t> centre_id;
  std::optional<std::string> status;
  // Issued reports only: what an operator reads (a planned unannounced visit must not reach
  // the centre it is about, nor an inspection still being written).
  bool issued_only = false;
  std::optional<db::Subquery> centres;  // only inspections of these centres
  std::string query;                    // part of the centre's name
  std::string sort;                     // one of inspection_sort_keys(), '-' for descending
};

// A row of the list: the inspection with its centre's name and its overall score (kept at
// completion; computed from the answers for an inspection in progress; null when planned or
// nothing scored).
struct InspectionSummary {
  Inspection inspection;
  std::string centre_name;
  std::optional<double> overall;
};

// One page of the inspections matching the filter, in the order asked, ties newest first.
Result<db::Page<InspectionSummary>> list_inspections(db::Connection& conn,
                                                     const InspectionFilter& f,
                                                     const Paging& paging);

// planned -> in_progress; 409 wrong_status otherwise.
Result<Inspection> start_inspection(db::Connection& conn, std::int64_t id, const std::string& now);
// in_progress -> completed, opening the findings of its failed items (findings.h); 409
// wrong_status otherwise.
Result<Inspection> complete_inspection(db::Connection& conn, std::int64_t id,
                                       const std::string& now);
// completed -> report_issued: from then on the centre's operator reads it.
Result<Inspection> issue_report(db::Connection& conn, std::int64_t id, const std::string& now);

// Records an answer of an inspection in progress, written at answer.answered_at. A key already used
// for this inspection returns the answer stored with it (a replay after a lost connection) and
// stores nothing.
struct RecordedAnswer {
  Answer answer;
  bool replayed = false;
};
Result<RecordedAnswer> record_answer(db::Connection& conn, const Inspection& inspection,
                                     Answer answer);

// The answer in effect per item (the latest written), in item order of the checklist.
Result<std::vector<Answer>> current_answers(db::Connection& conn, std::int64_t inspection_id);
// The same for several inspections in one statement, by inspection (at most 500 ids).
Result<std::map<std::int64_t, std::vector<Answer>>> current_answers_of(
    db::Connection& conn, const std::vector<std::int64_t>& inspection_ids);

// Whether a scored item's answer passes; nullopt for an item that is not scored.
std::optional<bool> passes(const ChecklistItem& item, const Answer& answer);

struct AreaScore {
  std::string area;
  std::optional<double> score;  // percentage of the weight that passed; null: nothing scored
  std::int64_t answered = 0;    // scored items answered
  std::int64_t failed = 0;
};
struct Scores {
  std::vector<AreaScore> areas;  // in the order of area_names()
  std::optional<double> overall;
};
Scores score(const ChecklistVersion& checklist, const std::vector<Answer>& answers);

const api::ObjectType<Inspection>& inspection_type();
const api::ObjectType<Answer>& answer_type();
const api::ObjectType<Scores>& scores_type();

std::vector<db::Migration> inspection_migrations(db::Engine engine);

}  // namespace innet::monitoring

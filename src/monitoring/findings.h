// Findings of inspections and their follow-up (decision 0023). Completing an inspection opens
// one finding per failed item that counts as a finding, with the item's default severity and a
// deadline from it; until the report is issued the inspector may change the severity, the
// corrective action and the deadline. Then the operator replies, and the inspector verifies:
// closes (a verification note is required) or escalates to the sanction ladder (sanctions.h).
//
//   open -> replied -> verified_closed | escalated;  open -> verified_closed | escalated;
//   escalated -> verified_closed (once the fix is verified after the sanction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "documents/documents.h"

namespace innet::monitoring {

// open, replied, verified_closed, escalated
const std::vector<std::string>& finding_statuses();

// Days the operator has to act on a finding when the inspector sets no deadline: minor 30,
// major 15, critical 7 (decision 0023).
std::int64_t default_deadline_days(const std::string& severity);

struct Finding {
  std::int64_t id = 0;
  std::int64_t inspection_id = 0;
  std::int64_t centre_id = 0;
  std::int64_t item_id = 0;
  std::string item_code;  // copied from the checklist item: lists need no join to read it
  std::string area;
  std::string severity;
  std::optional<std::string> observation;  // the failed answer's note, as the inspector wrote it
  // What the operator must do; null: restore what the item requires (its question).
  std::optional<std::string> corrective_action;
  std::string deadline;  // YYYY-MM-DD
  std::string status = "open";
  std::optional<std::string> reply;
  std::optional<std::int64_t> replied_by;
  std::optional<std::string> replied_at;
  std::optional<std::string> verification_note;
  std::optional<std::int64_t> verified_by;
  std::optional<std::string> verified_at;
  std::string opened_at;
  // Not stored: computed against the day asked (open, deadline before it).
  bool overdue = false;
  std::vector<documents::Document> documents;  // attached to the reply
};

struct FindingErrors {
  static FieldError wrong_status(std::string status, std::vector<std::string> expected);
  static FieldError report_issued();  // a finding of an issued report is not edited
};

// Opens the findings of an inspection that has just been completed (complete_inspection calls
// it in its transaction): one per current answer that fails an item with failure_is_finding.
// `now` is the completion time; the deadlines run from its day.
Status open_findings(db::Connection& conn, std::int64_t inspection_id, const std::string& now);

// 404 "finding" when there is none.
Result<Finding> find_finding(db::Connection& conn, std::int64_t id, CivilDay today);

struct FindingFilter {
  std::optional<std::int64_t> inspection_id;
  std::optional<std::int64_t> centre_id;
  std::optional<std::string> status;
  std::optional<std::string> severity;
  bool overdue_only = false;  // open and past their deadline on `today`
  bool issued_only = false;   // findings of issued reports: what an operator reads
  std::optional<db::Subquery> centres;
  std::string query;  // part of the centre's name (centres::centres_named)
};
// Every finding of the filter, deadline first (the most urgent on top), then id: an inspection's
// (its report, the demo data), a handful of rows.
Result<std::vector<Finding>> list_findings(db::Connection& conn, const FindingFilter& f,
                                           CivilDay today);

// deadline, severity (minor to critical), centre (its name), area (the checklist's order),
// status (the follow-up's order); each ascending, or descending with '-' first.
const std::vector<std::string>& finding_sort_keys();
// One page of the findings of the filter in the order asked (default deadline), ties by deadline
// then id, so that pages do not shuffle between requests: the list every finding of the network
// goes through (GET /api/v1/findings), and its files a page at a time.
Result<db::Page<Finding>> page_findings(db::Connection& conn, const FindingFilter& f,
                                        const std::string& sort, const Paging& paging,
                                        CivilDay today);

// Before the report is issued: the inspector's severity, corrective action and deadline (each
// optional: what is absent stays). 409 report_issued afterwards.
struct FindingChange {
  std::optional<std::string> severity;
  std::optional<std::optional<std::string>> corrective_action;  // set to null: the default
  std::optional<CivilDay> deadline;
};
Result<Finding> change_finding(db::Connection& conn, std::int64_t id, const FindingChange& c,
                               CivilDay today);

// The operator's reply to an open finding of an issued report; 409 wrong_status otherwise.
Result<Finding> reply_to_finding(db::Connection& conn, std::int64_t id, const std::string& reply,
                                 std::int64_t user_id, const std::string& now, CivilDay today);

// The inspector's verification: closes with a note (422 verification_note required without one),
// or escalates (with a note too: why the sanction ladder starts). 409 wrong_status from a closed
// finding, or escalating an escalated one.
Result<Finding> close_finding(db::Connection& conn, std::int64_t id, const std::string& note,
                              std::int64_t user_id, const std::string& now, CivilDay today);
Result<Finding> escalate_finding(db::Connection& conn, std::int64_t id, const std::string& note,
                                 std::int64_t user_id, const std::string& now, CivilDay today);

inline constexpr const char* kFindingOwnerKind = "monitoring.finding";

const api::ObjectType<Finding>& finding_type();

std::vector<db::Migration> finding_migrations(db::Engine engine);

}  // namespace innet::monitoring

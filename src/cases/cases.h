// A person's case (issue 11, point 1; decision 0025): one case per person, kept by the
// organisation that takes the person in charge, with its status history, identity documents,
// the asylum procedure, the legal status, the need for an interpreter and the case workers
// assigned. Model, rules and storage. The case is what later parts of the issue attach to
// (screening flags, referrals and consents name a case_id); `cases.person_id` is the only
// column of the module that names a person, so a merge of two persons has one row to move.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::cases {

const std::vector<std::string>& case_statuses();    // open, active, closed, reopened
const std::vector<std::string>& closure_reasons();  // why a case was closed
// The reasons a user may give; the other one, kMergedReason, is a person merge's (joins.h).
const std::vector<std::string>& closure_reasons_by_hand();
inline constexpr std::string_view kMergedReason = "merged";
const std::vector<std::string>& legal_statuses();      // asylum_applicant ... other
const std::vector<std::string>& document_types();      // permit_of_stay ... other
const std::vector<std::string>& procedure_outcomes();  // the Territorial Commission's decision
const std::vector<std::string>& appeal_outcomes();     // the court's
const std::vector<std::string>& handover_reasons();    // why a case changes organisation

// The vocabulary every module names a vulnerability by (screening's flags, referrals' reasons,
// the guidance pages, the case list's filter): the categories of art. 17 c.1 d.lgs. 142/2015 as
// amended by DL 133/2023 (women added), the pregnant women it gives priority to, and the EUAA's
// LGBTIQ+ category. Kept here, below every module that uses it.
const std::vector<std::string>& vulnerability_categories();
const std::vector<std::string>& vulnerability_severities();  // low, medium, high

// The refusals that only cases make (core/field_error.h keeps the shared ones).
struct CaseErrors {
  static FieldError wrong_status(std::string status, std::vector<std::string> expected);
  static FieldError case_exists(std::int64_t case_id);  // the person has a case already
  static FieldError not_case_worker();  // not an active case worker of the case's organisation
  // A list filter that no module of this server answers (list_filter_answer).
  static FieldError filter_unanswered();
  // A handover to an organisation whose centres do not host the person today, or to the one
  // keeping the case already.
  static FieldError not_hosting();
  static FieldError same_organization();
  // A note's correction that leaves the text as it is.
  static FieldError unchanged();
};

// The asylum procedure, in the order it happens: the application (registered in Vestanet with
// the C3 form), the Territorial Commission's hearing and decision, and an appeal to the court.
struct Procedure {
  std::optional<std::string> c3_reference;
  std::optional<std::string> application_date;
  std::optional<std::string> hearing_date;  // may be ahead: hearings are scheduled
  std::optional<std::string> decision_date;
  std::optional<std::string> outcome;  // one of procedure_outcomes(), with decision_date
  std::optional<std::string> appeal_filed_date;
  std::optional<std::string> appeal_decision_date;
  std::optional<std::string> appeal_outcome;  // one of appeal_outcomes(), with its date
};

struct Case {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t organization_id = 0;  // whose case workers keep it
  std::string status = "open";
  std::optional<std::string> legal_status;       // unknown until recorded
  std::optional<std::string> legal_status_note;  // what "other" is
  bool interpreter_needed = false;
  std::optional<std::string> interpreter_language;  // BCP 47 primary code
  Procedure procedure;
  std::int64_t opened_by = 0;
  std::string opened_at;
  std::string updated_at;
};

// Every change of status, the opening included: the case's history is never rewritten.
struct StatusChange {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string status;
  std::optional<std::string> reason;  // closing: one of closure_reasons()
  std::optional<std::string> note;    // why (required to reopen, and for the reason "other")
  std::int64_t changed_by = 0;
  std::string changed_at;
};

struct IdentityDocument {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string type;                        // one of document_types()
  std::optional<std::string> description;  // what an "other" document is
  std::string number;
  std::optional<std::string> issuer;  // e.g. Questura di Palermo
  std::optional<std::string> issued_on;
  std::optional<std::string> expires_on;
  std::int64_t recorded_by = 0;
  std::string recorded_at;
};

struct Assignment {
  std::int64_t case_id = 0;
  std::int64_t user_id = 0;
  std::int64_t assigned_by = 0;
  std::string assigned_at;
};

// A case handed over from one organisation to another (decision 0025, point 9): the case's
// organisation changes, the old one's case workers come off it (their assignments are kept in
// case_ended_assignments, naming the handover), and the handover stays in the case's history.
struct Handover {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t from_organization_id = 0;
  std::int64_t to_organization_id = 0;
  std::string reason;               // one of handover_reasons()
  std::optional<std::string> note;  // required for the reason "other"
  std::int64_t handed_by = 0;
  std::string handed_at;
};

// An assignment that ended when its case was handed over.
struct EndedAssignment {
  Assignment assignment;
  std::int64_t handover_id = 0;
  std::string ended_at;
};

// Every case, or every case one organisation keeps, in order of id: what the demo data and the
// screening terms walk through (the list below is for people reading pages).
Result<std::vector<Case>> cases_kept_by(db::Connection& conn,
                                        std::optional<std::int64_t> organization_id);

// The cases of an organisation (of every organisation when none) that are not closed, as a
// subquery of one column, `id` (cases_organization finds them): what screening counts the terms
// owed among in one statement, rather than reading every case of the organisation.
db::Subquery open_cases_of(std::optional<std::int64_t> organization_id);

// The case list (GET /api/v1/cases): every filter, the order and the page in SQL, on both
// engines. The persons' names and nationality come from people's derived table
// (people::person_rows), the persons a search or a centre selects from their owners'
// subqueries, the cases a module above cases selects from its answer (list_filter_answer).
struct CaseFilter {
  std::optional<std::int64_t> organization_id;  // an organisation's cases only
  std::optional<std::string> status;
  std::optional<std::string> legal_status;
  std::optional<std::string> nationality;
  std::optional<std::string> words;   // of the person's names (or a whole CUI, codice fiscale)
  std::vector<db::Subquery> persons;  // only the cases of persons in each of these
  std::vector<db::Subquery> cases;    // only the cases in each of these
  std::string sort = "name";          // one of list_sorts(), '-' first for descending
};

// name, status, legal_status, next_expiry, opened_at, updated_at; ties by case (by person for
// the name, which is the same: one case per person).
const std::vector<std::string>& list_sorts();

// A case's row in the list: the case, its earliest document expiry, its person's summary.
struct ListedCase {
  Case c;
  std::optional<std::string> next_expiry;
  std::string family_name;
  std::string given_names;
  std::string nationality;
};

// At national scale the Prefettura's list matches up to 800,000 cases: counting them would cost
// more than the page, so the count stops here (total_capped), as a person search's does
// (people::kSearchCountLimit).
constexpr std::int64_t kListCountLimit = 1000;

struct CasePage {
  std::vector<ListedCase> items;
  std::int64_t total = 0;
  bool total_capped = false;
};

// One page, sorted.
Result<CasePage> list_cases(db::Connection& conn, const CaseFilter& f, const Paging& paging);
// Every matching case, sorted (the list's CSV and XLSX files).
Result<std::vector<ListedCase>> all_listed_cases(db::Connection& conn, const CaseFilter& f);

// The case list's filters that a module above cases answers from its own tables: screening
// answers `vulnerability` (a confirmed category) and `screening` (a screening due or late). Cases
// declares the parameters; the module registers, in its connect hook, before any request, the
// subquery of the case ids a value selects, in one column named case_id ("SELECT case_id FROM
// vulnerability_flags WHERE ..."): a long list is tested case by case (`f.case_id = c.id`), so
// the module's table needs an index that starts with its conditions' columns and case_id.
using CaseSelector = std::function<db::Subquery(const std::string& value, CivilDay today)>;
void answer_list_filter(const std::string& parameter, CaseSelector selector);
// None when no module answers the parameter.
const CaseSelector* list_filter_answer(const std::string& parameter);

// Opens the case of a person (status open, recorded in the history). 409 case_exists when the
// person has one: a closed case is reopened, never opened twice.
Result<Case> open_case(db::Connection& conn, std::int64_t person_id, std::int64_t organization_id,
                       std::int64_t user_id, const std::string& now);
// 404 "case" when there is none.
Result<Case> find_case(db::Connection& conn, std::int64_t id);
// The cases among these ids, by id, in one statement (a list of referrals names many).
Result<std::map<std::int64_t, Case>> find_cases(db::Connection& conn,
                                                const std::vector<std::int64_t>& ids);
Result<std::optional<Case>> case_of_person(db::Connection& conn, std::int64_t person_id);
// The cases of these persons (a family's), by person.
Result<std::vector<Case>> cases_of_persons(db::Connection& conn,
                                           const std::vector<std::int64_t>& person_ids);
// Stores the legal status, the interpreter and the procedure after checking them (`today`: no
// recorded event in the future but a scheduled hearing).
Result<Case> update_case(db::Connection& conn, const Case& c, CivilDay today,
                         const std::string& now);
// open -> active; open, active or reopened -> closed (with a reason); closed -> reopened (with
// a note); reopened -> active. 409 wrong_status otherwise.
// cases.next_expiry is the earliest expiry of the case's documents, kept with every write of
// one (and when a join moves them), so that the list sorts by it from an index.
Status store_next_expiry(db::Connection& conn, std::int64_t case_id);
Result<Case> change_status(db::Connection& conn, std::int64_t case_id, const StatusChange& change,
                           const std::string& now);
Result<std::vector<StatusChange>> status_history(db::Connection& conn, std::int64_t case_id);

Result<IdentityDocument> add_document(db::Connection& conn, const IdentityDocument& d,
                                      CivilDay today);
// A correction of a recorded document (the case's history keeps when it was first recorded).
Result<IdentityDocument> update_document(db::Connection& conn, const IdentityDocument& d,
                                         CivilDay today);
// 404 "document" unless the document is one of the case's.
Result<IdentityDocument> find_document(db::Connection& conn, std::int64_t case_id, std::int64_t id);
// The case's documents, the one that expires first first.
Result<std::vector<IdentityDocument>> documents_of(db::Connection& conn, std::int64_t case_id);

// A document of a case that is not closed, expiring within the days asked (or expired already):
// what a task source turns into "permit expiring" tasks (issue 11 point 5: 60 and 30 days).
struct ExpiringDocument {
  IdentityDocument document;
  std::int64_t person_id = 0;
  std::int64_t organization_id = 0;
  std::int64_t days_left = 0;  // negative when expired
};
// Expiring on or before today + days, soonest first; of one organisation's cases when given.
Result<std::vector<ExpiringDocument>> documents_expiring_within(
    db::Connection& conn, CivilDay today, std::int64_t days,
    std::optional<std::int64_t> organization_id = std::nullopt);

// Assigns a user (the caller checks that the user is a case worker of the case's organisation);
// assigning twice changes nothing.
Status assign_worker(db::Connection& conn, const Assignment& a);
// 404 "assignment" when the user was not assigned.
Status unassign_worker(db::Connection& conn, std::int64_t case_id, std::int64_t user_id);
Result<std::vector<Assignment>> workers_of(db::Connection& conn, std::int64_t case_id);

// Hands a case that is not closed to another organisation, one of `hosting` (whose centres host
// the person today, as reception tells: the caller reads them): 409 case_closed for a closed
// case; 422 on organization_id for the organisation keeping it already (same_organization) or
// one not hosting the person (not_hosting); note_required for the reason "other". Ends the
// assignments of the old organisation's case workers, keeping them.
Result<Handover> hand_over(db::Connection& conn, const Handover& h,
                           const std::vector<std::int64_t>& hosting);
// The case's handovers, oldest first, and the assignments they ended.
Result<std::vector<Handover>> handovers_of(db::Connection& conn, std::int64_t case_id);
Result<std::vector<EndedAssignment>> ended_assignments_of(db::Connection& conn,
                                                          std::int64_t case_id);
// The cases not closed that were handed to the organisation (to every organisation when none)
// and that none of its case workers is assigned to yet: a task of its case workers. With the day
// of the handover, by case.
struct HandedOver {
  std::int64_t case_id = 0;
  std::string handed_at;
};
Result<std::vector<HandedOver>> handed_over_unassigned(db::Connection& conn,
                                                       std::optional<std::int64_t> organization_id);

// The hook people asks who may see a person (people/visibility.h): an organisation sees the
// persons whose cases it keeps.
db::Subquery persons_with_cases_of(std::int64_t organization_id);
// The persons whose cases a user is assigned to keep, as a subquery of one column (person_id):
// what a module above cases filters by when a case worker reads only the records of the people
// they follow (the procedures' files, decision 0040).
db::Subquery persons_with_cases_assigned_to(std::int64_t user_id);
Result<std::vector<std::int64_t>> case_organizations_of(db::Connection& conn,
                                                        std::int64_t person_id);

const api::ObjectType<Procedure>& procedure_type();
const api::ObjectType<IdentityDocument>& identity_document_type();
const api::ObjectType<StatusChange>& status_change_type();
const api::ObjectType<Handover>& handover_type();

// A document's number as duplicates compare it (spaces, hyphens, slashes and dots left out, upper
// case), as an SQL expression over case_documents.number: indexed (migration 2), so that finding
// who else bears a number is a lookup, not a scan, when every recorded document asks it.
inline constexpr const char* kDocumentNumberKey =
    "UPPER(REPLACE(REPLACE(REPLACE(REPLACE(number, ' ', ''), '-', ''), '/', ''), '.', ''))";

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::cases

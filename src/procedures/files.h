// Files (pratiche, issue 13; decision 0040): one instance of a procedure for a person (people's
// id; optionally a sponsor, the family member already in Italy, or an employer), with a protocol
// number unique across files, the steps it went through with their days and who recorded them,
// the documents received against those the procedure requires, the requests for integration that
// suspend its legal clock, and its decision. Every write goes through the rules here, so routes,
// the demo data and tests meet the same ones; the clock is computed (legal_clock.h) and the due
// date it gives kept on the row for the lists' filters and the tasks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"
#include "core/paging.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "procedures/catalogue.h"
#include "procedures/legal_clock.h"

namespace innet::procedures {

// The calendar of the Prefecture of Palermo, where the SUI sits.
const HolidayCalendar& calendar();

// granted, refused, withdrawn (by the applicant), silent_consent (the term ran out on a rule
// that makes silence consent).
const std::vector<std::string>& outcomes();

struct FileStep {
  std::string step;  // the step's code
  std::string entered_on;
  std::optional<std::string> note;
  std::int64_t recorded_by = 0;
};

struct ReceivedDocument {
  std::string document;  // the procedure's document code
  std::string received_on;
  std::int64_t recorded_by = 0;
};

struct Suspension {
  std::int64_t id = 0;
  std::string started_on;
  std::optional<std::string> ended_on;  // none: the integration is still awaited
  std::string reason;
  std::int64_t opened_by = 0;
  std::optional<std::int64_t> closed_by;
};

struct Decision {
  std::string outcome;
  std::string decided_on;
  std::optional<std::string> note;
  std::int64_t decided_by = 0;
};

struct File {
  std::int64_t id = 0;
  std::int64_t procedure_id = 0;
  std::int64_t person_id = 0;
  std::optional<std::int64_t> sponsor_person_id;
  std::optional<std::string> employer;
  std::string protocol_number;
  std::string filed_on;
  std::string status = "open";  // open, closed (decided)
  std::optional<Decision> decision;
  std::int64_t created_by = 0;
  std::string created_at;
  std::string updated_at;
  std::vector<FileStep> steps;  // in order; the last is the current one
  std::vector<ReceivedDocument> documents;
  std::vector<Suspension> suspensions;  // in order
};

// The refusals only files make (core/field_error.h keeps the shared ones).
struct FileErrors {
  static FieldError out_of_order(const std::string& expected);  // not the next step
  static FieldError documents_missing(std::vector<std::string> codes);
  static FieldError closed();  // the file is decided
  static FieldError suspension_open();
  static FieldError suspension_limit(std::int64_t max);
  static FieldError no_suspension();
  static FieldError clock_not_started();
  static FieldError not_last_step(const std::string& last);
  static FieldError procedure_inactive();
  static FieldError no_silent_consent();
};

// The rule of the decision term in force for the file, its clock as of `today`.
Clock clock_of(const File& f, const Procedure& p, CivilDay today);
// The codes of the required documents not yet received.
std::vector<std::string> missing_documents(const File& f, const Procedure& p);
std::int64_t current_position(const File& f, const Procedure& p);

// Opens a file on the procedure's first step, entered on filed_on. 409 unique_violation naming
// protocol_number when another file has it; 422 procedure_inactive.
Result<File> create_file(db::Connection& conn, File f, const Procedure& p, const std::string& now);
// 404 "procedure_file".
Result<File> find_file(db::Connection& conn, std::int64_t id);

// The next step only (422 out_of_order naming "step"), on a day not before the current step's
// nor in the future.
Result<File> advance(db::Connection& conn, File f, const Procedure& p, FileStep step,
                     CivilDay today, const std::string& now);
// One of the procedure's documents, once (409 taken), received not before filing nor after today.
Result<File> record_document(db::Connection& conn, File f, const Procedure& p, ReceivedDocument d,
                             CivilDay today, const std::string& now);
// A request for integration: once the term runs, one at a time, no more than the procedure allows.
Result<File> open_suspension(db::Connection& conn, File f, const Procedure& p, Suspension s,
                             CivilDay today, const std::string& now);
// The integration arrived: the open suspension ends on `ended_on`.
Result<File> close_suspension(db::Connection& conn, File f, const Procedure& p,
                              const std::string& ended_on, std::int64_t by, CivilDay today,
                              const std::string& now);
// On the last step, with every required document in (but for a withdrawal), closing any open
// suspension on the same day.
Result<File> decide(db::Connection& conn, File f, const Procedure& p, Decision d, CivilDay today,
                    const std::string& now);

// The keys of the list's ?sort= (a key ascending, '-key' descending): due_on (the default, files
// without a due date last), filed_on, protocol_number, procedure (its code), step (how far the
// file has gone: its current step's position). Ties by due date, then id.
const std::vector<std::string>& file_sort_keys();
// Whether `sort` is a key of file_sort_keys(), with or without a leading '-'.
bool is_file_sort(const std::string& sort);

struct FileFilter {
  std::optional<std::int64_t> procedure_id;
  std::optional<std::int64_t> person_id;
  std::optional<ClockState> state;
  bool overdue = false;
  std::optional<db::Subquery> persons;  // only files of these persons (a case worker's)
  std::string protocol;                 // one protocol number
  std::string sort;                     // one of file_sort_keys(), '-' first for descending
};
// One page in the filter's order (default: the earliest due first, files without a due date
// last), then by id.
Result<db::Page<File>> list_files(db::Connection& conn, const FileFilter& f, CivilDay today,
                                  const Paging& paging);

// Open files whose term ends within kDueSoonDays or has ended, the earliest first: the SUI
// officers' tasks.
struct DueFile {
  std::int64_t id = 0;
  std::string protocol_number;
  std::string procedure_code;
  std::string due_on;
};
Result<std::int64_t> count_due(db::Connection& conn, CivilDay today, bool overdue_only);
Result<std::vector<DueFile>> due_files(db::Connection& conn, CivilDay today, std::int64_t limit);

// The deadline dashboard: for each procedure with open files among `persons` (all files when
// none), how many are open, past their due date (not suspended), due within kDueSoonDays (not
// suspended), suspended today: the same states as the list's filters. Every file (the
// Prefettura's and the SUI's dashboard) is a sum over procedure_file_counts, rows bounded by
// the open files' due days rather than by their number (decision 0045); a case worker's files are
// read from the files themselves: two statements grouped by procedure, the persons' files by
// procedure_files_person.
struct ProcedureCounts {
  std::int64_t procedure_id = 0;
  std::int64_t open = 0;
  std::int64_t overdue = 0;
  std::int64_t due_soon = 0;
  std::int64_t suspended = 0;
};
Result<std::vector<ProcedureCounts>> count_by_procedure(db::Connection& conn,
                                                        const std::optional<db::Subquery>& persons,
                                                        CivilDay today);

// Procedures migration 9 (decision 0045): procedure_file_counts, the open files by procedure,
// stored due date and stored end of suspension ('' for none in either), kept by triggers on
// procedure_files whoever writes it, and filled from the files already there.
db::Migration counts_migration(db::Engine engine);

// What a file's row keeps of its clock (decision 0040, 5): the due date once any open suspension
// has run its longest, and the day an open suspension stops holding the term.
struct StoredClock {
  std::optional<std::string> due_on;
  std::optional<std::string> suspended_until;
};
StoredClock stored_clock(const File& f, const Procedure& p);

// Many files in few statements, for generated data (`innet seed --scale national`): each file
// whole (its steps, documents, suspensions, decision) as the rules above would have left it, the
// caller's to ensure; the stored clock computed here. Sets each file's id.
Status insert_files(db::Connection& conn, std::vector<File>& files,
                    const std::map<std::int64_t, Procedure>& procedures);

// Recomputes the stored due dates of a procedure's open files (after its rules change).
Status refresh_due_dates(db::Connection& conn, const Procedure& p);

}  // namespace innet::procedures

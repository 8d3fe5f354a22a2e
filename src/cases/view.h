// What the case routes answer: a case as its page shows it (identity, documents, procedure,
// workers, notes as the caller may read them, attachments, family, timeline), built once for the
// read and for every write, and the list's rows. Field-level protection happens here, asked of
// the policy: a sensitive note's narrative is opened only for a caller holding
// "cases.notes.sensitive" over the case's organisation (decision 0025).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api.h"
#include "cases/cases.h"
#include "documents/documents.h"
#include "people/persons.h"

namespace innet::cases {

// The attachments' owner kind (documents/owners.h).
inline constexpr const char* kAttachmentOwnerKind = "case";

struct CentreRef {
  std::int64_t id = 0;
  std::string name;
};

struct OrganizationRef {
  std::int64_t id = 0;
  std::string name;
};

// The organisations whose centres host the person today (their open placements, read through
// reception's interface), by id: the ones a case may be handed to.
Result<std::vector<OrganizationRef>> hosting_today(db::Connection& conn, std::int64_t person_id);

struct NamedChange {
  StatusChange change;
  std::string changed_by_name;
};

struct Worker {
  std::int64_t user_id = 0;
  std::string display_name;
  std::string assigned_at;
};

struct NoteView {
  std::int64_t id = 0;
  std::string sensitivity;
  std::optional<std::string> text;  // null: a sensitive narrative the caller may not read
  bool redacted = false;
  std::string written_by_name;
  std::string written_at;
  std::int64_t corrections = 0;  // how often the text was corrected (its versions: one more)
  std::optional<std::string> corrected_by_name;  // the last correction's
  std::optional<std::string> corrected_at;
};

// A text a note has had, as GET /cases/{id}/notes/{note_id}/versions shows it.
struct NoteVersionView {
  std::int64_t number = 0;
  std::string sensitivity;          // the level the version was written at
  std::optional<std::string> text;  // null: a sensitive narrative the caller may not read
  bool redacted = false;
  std::string written_by_name;
  std::string written_at;
  std::optional<std::string> reason;  // why it replaced the one before
};

struct NoteHistory {
  std::int64_t note_id = 0;
  std::string sensitivity;
  std::vector<NoteVersionView> versions;  // oldest first; the last is the text now
};

struct Relative {
  people::Person person;
  std::optional<std::int64_t> case_id;  // null: none, or one the caller may not read
};

// One thing that happened, newest first on the page. `value` is a vocabulary value the page
// translates (a status, an outcome, a document type, an exit reason, a sensitivity).
struct TimelineEntry {
  std::string at;  // a day, or a time for what the case's own records stamp
  std::string kind;
  std::optional<std::string> value;
  std::optional<std::string> detail;  // a date (a document's expiry), a file name, a name
  std::optional<std::string> centre_name;
  std::optional<std::string> by;
  std::optional<std::string> from_organization;  // a handover's: who kept the case
  std::optional<std::string> to_organization;    // and who keeps it since
};
const std::vector<std::string>& timeline_kinds();

struct CaseDetail {
  Case c;
  people::Person person;
  std::string organization_name;
  std::optional<CentreRef> current_centre;
  std::vector<NamedChange> history;
  std::vector<IdentityDocument> documents;
  std::vector<Worker> workers;
  std::vector<NoteView> notes;
  std::vector<documents::Document> attachments;
  std::vector<Relative> family;
  std::vector<TimelineEntry> timeline;
  // Where the caller may hand the case (cases.handover): the organisations hosting the person
  // today but the one keeping it; empty when the caller may not, or the case is closed.
  std::vector<OrganizationRef> handover_to;
};

// The case when the caller's scope for `action` reaches its organisation; otherwise 404, as for
// a case that does not exist. The read log names the case's person either way.
Result<Case> visible_case(api::Context& ctx, db::Connection& conn, std::int64_t id,
                          const char* action);

// Whether the caller opens the seals of the case's sensitive notes (the policy's field set
// "cases.notes.sensitive" over the case's organisation).
bool reads_sensitive_notes(const api::Context& ctx, const Case& c);

// Every text of the case's note, as this caller may read them; 404 for a note the case has not.
Result<NoteHistory> note_history(api::Context& ctx, db::Connection& conn, const Case& c,
                                 std::int64_t note_id);
const api::ObjectType<NoteHistory>& note_history_type();

// Everything the case page shows, as this caller may see it; records the persons read.
Result<CaseDetail> case_detail(api::Context& ctx, db::Connection& conn, const Case& c);

const api::ObjectType<Case>& case_type();
const api::ObjectType<CaseDetail>& case_detail_type();

}  // namespace innet::cases

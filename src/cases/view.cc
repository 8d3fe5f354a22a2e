#include "cases/view.h"

#include <algorithm>
#include <map>
#include <set>

#include "accounts/accounts.h"
#include "cases/notes.h"
#include "people/visibility.h"
#include "reception/placements/placements.h"
#include "reception/placements/stays.h"

namespace innet::cases {

const std::vector<std::string>& timeline_kinds() {
  static const std::vector<std::string> v = {
      "status",       "document",        "application", "hearing",    "decision",
      "appeal_filed", "appeal_decision", "note",        "attachment", "worker",
      "arrival",      "transfer",        "exit",        "handover",   "note_corrected"};
  return v;
}

Result<Case> visible_case(api::Context& ctx, db::Connection& conn, std::int64_t id,
                          const char* action) {
  auto found = find_case(conn, id);
  if (!found.ok()) return found;
  ctx.record_read(found->person_id);  // shown, or refused: the read log names the person
  if (!ctx.services.policy.allows(*ctx.actor, action, {found->organization_id, 0}))
    return Error::not_found("case");
  return found;
}

Result<std::vector<OrganizationRef>> hosting_today(db::Connection& conn, std::int64_t person_id) {
  INNET_ASSIGN_OR_RETURN(auto places, reception::current_places(conn, {person_id}));
  std::set<std::int64_t> ids;
  for (const auto& place : places) ids.insert(place.operator_id);
  std::vector<OrganizationRef> out;
  for (auto id : ids) {
    INNET_ASSIGN_OR_RETURN(auto org, accounts::find_organization(conn, id));
    out.push_back({id, org.name});
  }
  return out;
}

namespace {

// Display names of users and organisations, each read once.
class UserNames {
 public:
  explicit UserNames(db::Connection& conn) : conn_(conn) {}
  Result<std::string> operator()(std::int64_t id) {
    auto found = names_.find(id);
    if (found != names_.end()) return found->second;
    INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn_, id));
    return names_[id] = user.display_name;
  }
  Result<std::string> organization(std::int64_t id) {
    auto found = organizations_.find(id);
    if (found != organizations_.end()) return found->second;
    INNET_ASSIGN_OR_RETURN(auto org, accounts::find_organization(conn_, id));
    return organizations_[id] = org.name;
  }

 private:
  db::Connection& conn_;
  std::map<std::int64_t, std::string> names_;
  std::map<std::int64_t, std::string> organizations_;
};

void add_procedure(const Procedure& p, std::vector<TimelineEntry>& out) {
  auto add = [&](const std::optional<std::string>& day, const char* kind,
                 const std::optional<std::string>& value,
                 const std::optional<std::string>& detail = std::nullopt) {
    if (day) out.push_back({.at = *day, .kind = kind, .value = value, .detail = detail});
  };
  add(p.application_date, "application", std::nullopt, p.c3_reference);
  add(p.hearing_date, "hearing", std::nullopt);
  add(p.decision_date, "decision", p.outcome);
  add(p.appeal_filed_date, "appeal_filed", std::nullopt);
  add(p.appeal_decision_date, "appeal_decision", p.appeal_outcome);
}

void add_stays(const std::vector<reception::Stay>& stays, std::vector<TimelineEntry>& out) {
  for (const auto& s : stays) {
    const auto& p = s.placement;
    out.push_back({.at = p.start_date,
                   .kind = p.previous_placement_id ? "transfer" : "arrival",
                   .value = p.arrival_from,
                   .centre_name = s.centre_name});
    // A transfer's closing placement is told by the transfer that opened the next one.
    if (p.end_date && p.exit_reason != reception::kTransferredReason)
      out.push_back({.at = *p.end_date,
                     .kind = "exit",
                     .value = p.exit_reason,
                     .centre_name = s.centre_name});
  }
}

}  // namespace

bool reads_sensitive_notes(const api::Context& ctx, const Case& c) {
  return ctx.services.policy.allows(*ctx.actor, "cases.notes.sensitive", {c.organization_id, 0});
}

Result<NoteHistory> note_history(api::Context& ctx, db::Connection& conn, const Case& c,
                                 std::int64_t note_id) {
  INNET_ASSIGN_OR_RETURN(auto note, find_note(conn, c.id, note_id));
  INNET_ASSIGN_OR_RETURN(
      auto versions,
      note_versions(conn, c.id, note_id,
                    reads_sensitive_notes(ctx, c) ? &ctx.services.notes_key : nullptr));
  UserNames names(conn);
  NoteHistory h{.note_id = note.id, .sensitivity = note.sensitivity};
  for (auto& v : versions) {
    INNET_ASSIGN_OR_RETURN(auto by, names(v.written_by));
    const bool redacted = !v.text.has_value();
    h.versions.push_back({v.number, v.sensitivity, std::move(v.text), redacted, by, v.written_at,
                          std::move(v.reason)});
  }
  return h;
}

Result<CaseDetail> case_detail(api::Context& ctx, db::Connection& conn, const Case& c) {
  CaseDetail d{.c = c};
  const auto& policy = ctx.services.policy;
  const auth::RecordOwner owner{c.organization_id, 0};
  UserNames names(conn);
  INNET_ASSIGN_OR_RETURN(d.person, people::find_person(conn, c.person_id));
  ctx.record_read(c.person_id);
  INNET_ASSIGN_OR_RETURN(d.organization_name, names.organization(c.organization_id));
  INNET_ASSIGN_OR_RETURN(auto places, people::current_places_of(conn, {c.person_id}));
  for (const auto& place : places)
    if (policy.allows(*ctx.actor, "centres.read", {place.operator_id, 0}))
      d.current_centre = CentreRef{place.centre_id, place.centre_name};

  auto& timeline = d.timeline;
  INNET_ASSIGN_OR_RETURN(auto history, status_history(conn, c.id));
  for (auto& change : history) {
    INNET_ASSIGN_OR_RETURN(auto by, names(change.changed_by));
    timeline.push_back({.at = change.changed_at,
                        .kind = "status",
                        .value = change.status,
                        .detail = change.reason,
                        .by = by});
    d.history.push_back({std::move(change), by});
  }
  INNET_ASSIGN_OR_RETURN(d.documents, documents_of(conn, c.id));
  for (const auto& doc : d.documents) {
    INNET_ASSIGN_OR_RETURN(auto by, names(doc.recorded_by));
    timeline.push_back({.at = doc.recorded_at,
                        .kind = "document",
                        .value = doc.type,
                        .detail = doc.expires_on,
                        .by = by});
  }
  add_procedure(c.procedure, timeline);
  INNET_ASSIGN_OR_RETURN(auto assignments, workers_of(conn, c.id));
  for (const auto& a : assignments) {
    INNET_ASSIGN_OR_RETURN(auto name, names(a.user_id));
    INNET_ASSIGN_OR_RETURN(auto by, names(a.assigned_by));
    d.workers.push_back({a.user_id, name, a.assigned_at});
    timeline.push_back({.at = a.assigned_at, .kind = "worker", .detail = name, .by = by});
  }
  // Who kept the case before a handover stays in its timeline.
  INNET_ASSIGN_OR_RETURN(auto ended, ended_assignments_of(conn, c.id));
  for (const auto& e : ended) {
    INNET_ASSIGN_OR_RETURN(auto name, names(e.assignment.user_id));
    INNET_ASSIGN_OR_RETURN(auto by, names(e.assignment.assigned_by));
    timeline.push_back(
        {.at = e.assignment.assigned_at, .kind = "worker", .detail = name, .by = by});
  }
  INNET_ASSIGN_OR_RETURN(auto handovers, handovers_of(conn, c.id));
  for (const auto& h : handovers) {
    INNET_ASSIGN_OR_RETURN(auto by, names(h.handed_by));
    INNET_ASSIGN_OR_RETURN(auto from, names.organization(h.from_organization_id));
    INNET_ASSIGN_OR_RETURN(auto to, names.organization(h.to_organization_id));
    timeline.push_back({.at = h.handed_at,
                        .kind = "handover",
                        .value = h.reason,
                        .detail = h.note,
                        .by = by,
                        .from_organization = from,
                        .to_organization = to});
  }
  // Field-level protection: the policy's field set decides whether the seal is opened at all.
  INNET_ASSIGN_OR_RETURN(
      auto notes,
      notes_of(conn, c.id, reads_sensitive_notes(ctx, c) ? &ctx.services.notes_key : nullptr));
  for (auto& n : notes) {
    INNET_ASSIGN_OR_RETURN(auto by, names(n.written_by));
    std::optional<std::string> corrected_by;
    if (n.corrected_by) {
      INNET_ASSIGN_OR_RETURN(corrected_by, names(*n.corrected_by));
    }
    const bool redacted = !n.text.has_value();
    d.notes.push_back({n.id, n.sensitivity, std::move(n.text), redacted, by, n.written_at,
                       n.corrections, std::move(corrected_by), n.corrected_at});
    timeline.push_back({.at = n.written_at, .kind = "note", .value = n.sensitivity, .by = by});
  }
  // A correction shows its reason, never the text, to every reader of the case.
  INNET_ASSIGN_OR_RETURN(auto corrections, note_corrections_of(conn, c.id));
  for (const auto& k : corrections) {
    INNET_ASSIGN_OR_RETURN(auto by, names(k.corrected_by));
    timeline.push_back({.at = k.corrected_at,
                        .kind = "note_corrected",
                        .value = k.sensitivity,
                        .detail = k.reason,
                        .by = by});
  }
  INNET_ASSIGN_OR_RETURN(d.attachments,
                         documents::documents_of(conn, kAttachmentOwnerKind, {c.id}));
  for (const auto& a : d.attachments) {
    INNET_ASSIGN_OR_RETURN(auto by, names(a.linked_by.value_or(a.uploaded_by)));
    timeline.push_back({.at = a.linked_at.value_or(a.uploaded_at),
                        .kind = "attachment",
                        .detail = a.filename,
                        .by = by});
  }

  if (d.person.family_group_id) {
    people::PersonFilter f;
    f.family_group_id = d.person.family_group_id;
    if (policy.scope(ctx.actor->role, "persons.read") != auth::Scope::all)
      f.among = people::persons_linked_to(ctx.actor->organization_id);
    INNET_ASSIGN_OR_RETURN(auto members, people::list_persons(conn, f, {1, 100}));
    std::vector<std::int64_t> ids;
    for (const auto& m : members.items)
      if (m.id != c.person_id) ids.push_back(m.id);
    ctx.record_read(ids);
    INNET_ASSIGN_OR_RETURN(auto their_cases, cases_of_persons(conn, ids));
    std::map<std::int64_t, std::int64_t> case_of;
    for (const auto& other : their_cases)
      if (policy.allows(*ctx.actor, "cases.read", {other.organization_id, 0}))
        case_of[other.person_id] = other.id;
    for (auto& m : members.items) {
      if (m.id == c.person_id) continue;
      auto found = case_of.find(m.id);
      d.family.push_back({std::move(m), found == case_of.end()
                                            ? std::nullopt
                                            : std::optional<std::int64_t>(found->second)});
    }
  }

  INNET_ASSIGN_OR_RETURN(auto stays,
                         reception::visible_stays(ctx, conn, c.person_id, "placements.read"));
  add_stays(stays, timeline);
  if (c.status != "closed" && policy.allows(*ctx.actor, "cases.handover", owner)) {
    INNET_ASSIGN_OR_RETURN(auto hosts, hosting_today(conn, c.person_id));
    for (auto& host : hosts)
      if (host.id != c.organization_id) d.handover_to.push_back(std::move(host));
  }
  // Newest first; what happened at the same moment (a close and a reopen in one second) in the
  // reverse of the order it was recorded; a day sorts after the times stamped on it.
  std::reverse(timeline.begin(), timeline.end());
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.at > b.at; });
  return d;
}

const api::ObjectType<Case>& case_type() {
  static const auto type =
      api::ObjectType<Case>("Case")
          .field("id", &Case::id)
          .field("person_id", &Case::person_id)
          .field("organization_id", &Case::organization_id,
                 {.description = "the organisation whose case workers keep the case"})
          .field("status", &Case::status, {.allowed = case_statuses()})
          .field("legal_status", &Case::legal_status, {.allowed = legal_statuses()})
          .field("legal_status_note", &Case::legal_status_note)
          .field("interpreter_needed", &Case::interpreter_needed)
          .field("interpreter_language", &Case::interpreter_language,
                 {.description = "ISO 639-1 code"})
          .field("procedure", &Case::procedure, procedure_type())
          .field("opened_at", &Case::opened_at, {.format = "date-time"})
          .field("updated_at", &Case::updated_at, {.format = "date-time"});
  return type;
}

namespace {

const api::ObjectType<CentreRef>& centre_ref_type() {
  static const auto type = api::ObjectType<CentreRef>("CaseCentre")
                               .field("id", &CentreRef::id)
                               .field("name", &CentreRef::name);
  return type;
}

const api::ObjectType<NamedChange>& named_change_type() {
  static const auto type =
      api::ObjectType<NamedChange>("CaseHistoryEntry")
          .include(
              status_change_type(), [](const NamedChange& n) -> const auto& { return n.change; })
          .field("changed_by_name", &NamedChange::changed_by_name);
  return type;
}

const api::ObjectType<Worker>& worker_type() {
  static const auto type = api::ObjectType<Worker>("CaseWorker")
                               .field("user_id", &Worker::user_id)
                               .field("display_name", &Worker::display_name)
                               .field("assigned_at", &Worker::assigned_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<NoteView>& note_type() {
  static const auto type =
      api::ObjectType<NoteView>("CaseNote")
          .field("id", &NoteView::id)
          .field("sensitivity", &NoteView::sensitivity, {.allowed = note_sensitivities()})
          .field("text", &NoteView::text,
                 {.description = "null when the caller may not read a sensitive narrative"})
          .field("redacted", &NoteView::redacted)
          .field("written_by_name", &NoteView::written_by_name)
          .field("written_at", &NoteView::written_at, {.format = "date-time"})
          .field("corrections", &NoteView::corrections,
                 {.description = "how often the text was corrected (GET .../versions)"})
          .field("corrected_by_name", &NoteView::corrected_by_name,
                 {.description = "the last correction's author"})
          .field("corrected_at", &NoteView::corrected_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<NoteVersionView>& note_version_type() {
  static const auto type =
      api::ObjectType<NoteVersionView>("CaseNoteVersion")
          .field("number", &NoteVersionView::number, {.description = "1: the text as written"})
          .field("sensitivity", &NoteVersionView::sensitivity,
                 {.description = "the level this text was written at (a correction may change "
                                 "the note's)",
                  .allowed = note_sensitivities()})
          .field("text", &NoteVersionView::text,
                 {.description = "null when the caller may not read a sensitive narrative (every "
                                 "earlier text of a note sensitive now)"})
          .field("redacted", &NoteVersionView::redacted)
          .field("written_by_name", &NoteVersionView::written_by_name)
          .field("written_at", &NoteVersionView::written_at, {.format = "date-time"})
          .field("reason", &NoteVersionView::reason,
                 {.description = "why this text replaced the one before; null for the first"});
  return type;
}

const api::ObjectType<Relative>& relative_type() {
  static const auto type = api::ObjectType<Relative>("CaseRelative")
                               .field("person", &Relative::person, people::person_summary_type())
                               .field("case_id", &Relative::case_id);
  return type;
}

const api::ObjectType<TimelineEntry>& timeline_type() {
  static const auto type = api::ObjectType<TimelineEntry>("CaseTimelineEntry")
                               .field("at", &TimelineEntry::at)
                               .field("kind", &TimelineEntry::kind, {.allowed = timeline_kinds()})
                               .field("value", &TimelineEntry::value)
                               .field("detail", &TimelineEntry::detail)
                               .field("centre_name", &TimelineEntry::centre_name)
                               .field("by", &TimelineEntry::by)
                               .field("from_organization", &TimelineEntry::from_organization,
                                      {.description = "a handover's: who kept the case"})
                               .field("to_organization", &TimelineEntry::to_organization,
                                      {.description = "a handover's: who keeps it since"});
  return type;
}

const api::ObjectType<OrganizationRef>& organization_ref_type() {
  static const auto type = api::ObjectType<OrganizationRef>("CaseOrganization")
                               .field("id", &OrganizationRef::id)
                               .field("name", &OrganizationRef::name);
  return type;
}

}  // namespace

const api::ObjectType<NoteHistory>& note_history_type() {
  static const auto type =
      api::ObjectType<NoteHistory>("CaseNoteHistory")
          .field("note_id", &NoteHistory::note_id)
          .field("sensitivity", &NoteHistory::sensitivity, {.allowed = note_sensitivities()})
          .field("versions", &NoteHistory::versions, note_version_type(),
                 {.description = "oldest first; the last is the note's text now"});
  return type;
}

const api::ObjectType<CaseDetail>& case_detail_type() {
  static const auto type =
      api::ObjectType<CaseDetail>("CaseDetail")
          .include(
              case_type(), [](const CaseDetail& d) -> const auto& { return d.c; })
          .field("person", &CaseDetail::person, people::person_type())
          .field("organization_name", &CaseDetail::organization_name)
          .field("current_centre", &CaseDetail::current_centre, centre_ref_type())
          .field("history", &CaseDetail::history, named_change_type())
          .field("documents", &CaseDetail::documents, identity_document_type())
          .field("workers", &CaseDetail::workers, worker_type())
          .field("notes", &CaseDetail::notes, note_type())
          .field("attachments", &CaseDetail::attachments, documents::document_type())
          .field("family", &CaseDetail::family, relative_type())
          .field("timeline", &CaseDetail::timeline, timeline_type())
          .field("handover_to", &CaseDetail::handover_to, organization_ref_type(),
                 {.description = "the organisations hosting the person today to which the "
                                 "caller may hand the case (POST /cases/{id}/handovers)"});
  return type;
}

}  // namespace innet::cases

#include "procedures/migrations.h"

#include "core/clock.h"
#include "procedures/agreement.h"
#include "procedures/analytics.h"
#include "procedures/catalogue.h"
#include "procedures/contribution.h"
#include "procedures/files.h"
#include "procedures/standard_catalogue.h"

namespace innet::procedures {

std::vector<db::Migration> migrations(db::Engine engine) {
  // Vocabularies (countings, Saturday settings, outcomes, languages) are checked by the model.
  // A file's person and sponsor are people's, named by id, never joined (decision 0014). due_on
  // and suspended_until are the clock's, kept for the lists' filters and the tasks (files.cc).
  return {{1, "procedures: the catalogue (steps, documents, dated terms, guides) and the files",
           R"sql(
CREATE TABLE procedures (
  id {{pk}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  fee_cents BIGINT,
  fee_note TEXT NOT NULL,
  max_suspensions INTEGER NOT NULL CHECK (max_suspensions >= 0),
  max_suspension_days INTEGER NOT NULL CHECK (max_suspension_days >= 0),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  clock_term TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE procedure_steps (
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  office TEXT NOT NULL,
  PRIMARY KEY (procedure_id, position),
  UNIQUE (procedure_id, code)
);
CREATE TABLE procedure_documents (
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  required INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (procedure_id, position),
  UNIQUE (procedure_id, code)
);
CREATE TABLE procedure_terms (
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  term TEXT NOT NULL,
  applies_from TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  counting TEXT NOT NULL,
  saturday TEXT NOT NULL,
  start_event TEXT NOT NULL,
  silent_consent INTEGER NOT NULL CHECK (silent_consent IN (0, 1)),
  legal_reference TEXT NOT NULL,
  PRIMARY KEY (procedure_id, term, applies_from)
);
CREATE TABLE procedure_guides (
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (procedure_id, language)
);
CREATE TABLE procedure_files (
  id {{pk}},
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  person_id BIGINT NOT NULL,
  sponsor_person_id BIGINT,
  employer TEXT,
  protocol_number TEXT NOT NULL UNIQUE,
  filed_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  outcome TEXT,
  decided_on TEXT,
  decision_note TEXT,
  decided_by BIGINT REFERENCES users (id),
  due_on TEXT,
  suspended_until TEXT,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX procedure_files_due ON procedure_files (status, due_on);
CREATE INDEX procedure_files_procedure ON procedure_files (procedure_id, due_on);
CREATE INDEX procedure_files_person ON procedure_files (person_id);
CREATE TABLE procedure_file_steps (
  file_id BIGINT NOT NULL REFERENCES procedure_files (id),
  position INTEGER NOT NULL,
  step TEXT NOT NULL,
  entered_on TEXT NOT NULL,
  note TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (file_id, position)
);
CREATE TABLE procedure_file_documents (
  file_id BIGINT NOT NULL REFERENCES procedure_files (id),
  document TEXT NOT NULL,
  received_on TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (file_id, document)
);
CREATE TABLE procedure_file_suspensions (
  id {{pk}},
  file_id BIGINT NOT NULL REFERENCES procedure_files (id),
  started_on TEXT NOT NULL,
  ended_on TEXT,
  reason TEXT NOT NULL,
  opened_by BIGINT NOT NULL REFERENCES users (id),
  closed_by BIGINT REFERENCES users (id)
);
CREATE INDEX procedure_file_suspensions_file ON procedure_file_suspensions (file_id);
)sql"},
          {.version = 2,
           .name = "procedures: the catalogue's seven procedures with their dated terms",
           .sql = "",
           .then = [](db::Connection& conn) -> Status {
             // Their names in other languages come with migration 6, which made their table.
             for (const auto& p : standard_catalogue())
               INNET_TRY(insert_without_names(conn, p, clock::now_iso()));
             return Status::success();
           }},
          // Migration 3 is kept for another slice of issue 13.
          {.version = 4,
           .name = "procedures: integration agreements, their credit ledgers and Annex C's bands",
           .sql = R"sql(
CREATE TABLE integration_agreements (
  id {{pk}},
  person_id BIGINT NOT NULL,
  file_id BIGINT REFERENCES procedure_files (id),
  signed_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  verification_from TEXT NOT NULL,
  outcome TEXT,
  verified_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX integration_agreements_person ON integration_agreements (person_id);
CREATE INDEX integration_agreements_due ON integration_agreements (outcome, verification_from);
CREATE TABLE integration_agreement_entries (
  id {{pk}},
  agreement_id BIGINT NOT NULL REFERENCES integration_agreements (id),
  kind TEXT NOT NULL,
  on_day TEXT NOT NULL,
  level TEXT NOT NULL,
  spoken_only INTEGER NOT NULL CHECK (spoken_only IN (0, 1)),
  corrects BIGINT REFERENCES integration_agreement_entries (id),
  credits INTEGER NOT NULL,
  note TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX integration_agreement_entries_agreement
  ON integration_agreement_entries (agreement_id);
CREATE TABLE integration_loss_bands (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  credits INTEGER NOT NULL CHECK (credits > 0 AND credits <= 25)
);
)sql",
           .then = [](db::Connection& conn) -> Status {
             std::int64_t position = 0;
             for (const auto& b : default_loss_bands())
               INNET_TRY(
                   conn.execute("INSERT INTO integration_loss_bands (code, position, "
                                "description, credits) VALUES (?, ?, ?, ?)",
                                {b.code, ++position, b.description, b.credits}));
             return Status::success();
           }},
          {.version = 5,
           .name = "procedures: the temporary protection contribution's dated settings",
           .sql = R"sql(
CREATE TABLE temporary_protection_settings (
  applies_from TEXT PRIMARY KEY,
  adult_cents_per_month BIGINT NOT NULL CHECK (adult_cents_per_month >= 0),
  child_cents_per_month BIGINT NOT NULL CHECK (child_cents_per_month >= 0),
  max_months INTEGER NOT NULL CHECK (max_months > 0),
  protection_ends TEXT NOT NULL,
  legal_reference TEXT NOT NULL
);
)sql",
           .then = [](db::Connection& conn) -> Status {
             for (const auto& s : default_contribution_settings())
               INNET_TRY(conn.execute(
                   "INSERT INTO temporary_protection_settings (applies_from, "
                   "adult_cents_per_month, child_cents_per_month, max_months, protection_ends, "
                   "legal_reference) VALUES (?, ?, ?, ?, ?, ?)",
                   {s.applies_from.to_string(), s.adult_cents_per_month, s.child_cents_per_month,
                    s.max_months, s.protection_ends.to_string(), s.legal_reference}));
             return Status::success();
           }},
          {.version = 6,
           .name = "procedures: names of procedures, steps and documents in the portal's other "
                   "five languages",
           // subject: procedure (code ''), step or document (its code in the procedure). The
           // Italian name stays in its own table: the law's name, required.
           .sql = R"sql(
CREATE TABLE procedure_names (
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  subject TEXT NOT NULL CHECK (subject IN ('procedure', 'step', 'document')),
  code TEXT NOT NULL,
  language TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (procedure_id, subject, code, language)
);
)sql",
           // The standard procedures still in the catalogue get their translations, for the
           // steps and documents an admin has kept (by code).
           .then = [](db::Connection& conn) -> Status {
             for (const auto& standard : standard_catalogue()) {
               INNET_ASSIGN_OR_RETURN(auto stored, find_procedure_by_code(conn, standard.code));
               if (!stored) continue;
               stored->names = standard.names;
               for (auto& step : stored->steps)
                 for (const auto& s : standard.steps)
                   if (s.code == step.code) step.names = s.names;
               for (auto& d : stored->documents)
                 for (const auto& s : standard.documents)
                   if (s.code == d.code) d.names = s.names;
               INNET_TRY(save_names(conn, *stored));
             }
             return Status::success();
           }},
          // 7: the bottleneck figures' stays and indexes (analytics.cc).
          analytics_migration(engine),
          {.version = 8,
           .name = "procedures: the files' current step kept for the list's sort, the deadline "
                   "dashboard's indexes",
           .sql = R"sql(
ALTER TABLE procedure_files ADD COLUMN step_position INTEGER NOT NULL DEFAULT 1;
UPDATE procedure_files SET step_position = COALESCE((SELECT MAX(s.position) FROM
  procedure_file_steps s WHERE s.file_id = procedure_files.id), 1);
CREATE INDEX procedure_files_dashboard ON procedure_files (status, procedure_id, due_on,
  suspended_until);
CREATE INDEX procedure_files_clock ON procedure_files (status, due_on, suspended_until,
  procedure_id);
DROP INDEX procedure_files_due;
CREATE INDEX procedure_files_filed ON procedure_files (filed_on);
CREATE INDEX procedure_files_step ON procedure_files (step_position, due_on);
)sql"},
          // 9: the deadline dashboard's counters (files.cc).
          counts_migration(engine)};
}

}  // namespace innet::procedures

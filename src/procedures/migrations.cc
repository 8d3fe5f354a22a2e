#include "procedures/migrations.h"

#include "core/clock.h"
#include "procedures/catalogue.h"
#include "procedures/standard_catalogue.h"

namespace innet::procedures {

std::vector<db::Migration> migrations(db::Engine) {
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
             for (auto& p : standard_catalogue())
               INNET_TRY(create_procedure(conn, std::move(p), clock::now_iso()));
             return Status::success();
           }}};
}

}  // namespace innet::procedures

// The integration agreements and their credit ledgers in storage (decision 0042): an agreement of
// a person (and, when there is one, of a procedure file of the integration_agreement procedure),
// its entries never changed or deleted (a correction is a new entry voiding an earlier one, with
// a reason), the loss bands of Annex C as data. Every rule is checked before anything is written;
// the balance is agreement_balance()'s.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "core/result.h"
#include "db/database.h"
#include "db/query.h"
#include "procedures/agreement.h"

namespace innet::procedures {

struct StoredEntry {
  AgreementEntry entry;
  std::int64_t credits = 0;  // as computed when recorded (the balance recomputes them)
  std::string note;          // the evidence (a certificate's number), or a correction's reason
  std::int64_t recorded_by = 0;
  std::string recorded_at;
};

struct Agreement {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::optional<std::int64_t> file_id;
  std::string signed_on;
  // The balance's dates, kept for the lists and the verification task.
  std::string expires_on;
  std::string verification_from;
  // Final outcomes only (fulfilled, fulfilled_with_benefits, terminated, exempt); none while the
  // agreement runs, an extension included.
  std::optional<std::string> outcome;
  std::optional<std::string> verified_on;
  std::int64_t created_by = 0;
  std::string created_at;
  std::string updated_at;
  std::vector<StoredEntry> entries;
};

struct AgreementErrors {
  static FieldError closed();  // 409 agreement_closed: a final outcome is recorded
  static FieldError verification_not_open(const std::string& from);  // 409
  static FieldError not_correctable();       // 422: a correction of a correction or a voided entry
  static FieldError person_has_agreement();  // 409: one running agreement a person
};

Result<std::vector<LossBand>> loss_bands(db::Connection& conn);
// Corrects a band's words or credits (404 for an unknown code). A balance is worked out from the
// bands on every read, so a correction applies to every agreement, as the Annex always said it
// (a misread figure, not a new law); an outcome already recorded (a termination) stays recorded.
Status update_loss_band(db::Connection& conn, const LossBand& band);

// Signed on `signed_on` (not in the future: the caller checks), with its signature entry.
Result<Agreement> create_agreement(db::Connection& conn, std::int64_t person_id,
                                   std::optional<std::int64_t> file_id, CivilDay signed_on,
                                   std::int64_t by, const std::string& now);
Result<Agreement> find_agreement(db::Connection& conn, std::int64_t id);

struct AgreementFilter {
  std::optional<std::int64_t> person_id;
  std::optional<db::Subquery> persons;  // a case worker's people
  bool verification_due = false;        // running, verification window open today
};
Result<db::Page<Agreement>> list_agreements(db::Connection& conn, const AgreementFilter& f,
                                            CivilDay today, const Paging& paging);

// One entry, checked: a kind an officer records (not the signature, not the extension), a level of
// its kind (422 level), a day from the signature to today (422 on), a correction naming a counted
// entry of this agreement with a reason (422 corrects / note); nothing on a closed agreement
// (409). An exemption, or a balance that falls to zero or below, closes the agreement.
Result<Agreement> add_entry(db::Connection& conn, Agreement a, StoredEntry e, CivilDay today,
                            const std::string& now);

// The verification on `verified_on` (from the window's opening to today): fulfilled, with
// benefits or terminated close the agreement; an extension is a ledger entry and moves the dates.
Result<Agreement> verify_agreement(db::Connection& conn, Agreement a, CivilDay verified_on,
                                   std::int64_t by, const std::string& now);

AgreementInput agreement_input(const Agreement& a, std::vector<LossBand> bands);

// The SUI officers' task: running agreements whose verification window is open.
struct DueVerification {
  std::int64_t id = 0;
  std::string verification_from;
  std::string expires_on;
};
Result<std::int64_t> count_due_verifications(db::Connection& conn, CivilDay today,
                                             bool overdue_only);
Result<std::vector<DueVerification>> due_verifications(db::Connection& conn, CivilDay today,
                                                       std::int64_t limit);

// Merges of two records of a person move the agreements (agreement_person_records.cc).
// How many of these persons' agreements are running.
Result<std::int64_t> running_agreements(db::Connection& conn,
                                        const std::vector<std::int64_t>& persons);
Result<std::vector<std::int64_t>> agreements_of(db::Connection& conn, std::int64_t person_id);
Status move_agreements(db::Connection& conn, const std::vector<std::int64_t>& ids,
                       std::int64_t to_person);

}  // namespace innet::procedures

// What the referral routes answer, built in one place: who the caller is to a referral (sender or
// recipient), the referral as its page shows it, its row in the inbox and the outbox, and the
// data shared with the recipient (shared_data), which is the only function that reads the case
// for a recipient: it keeps the items the referral shares and drops everything once the consent
// is withdrawn or the referral is declined or cancelled (decision 0032).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api.h"
#include "referrals/referrals.h"

namespace innet::referrals {

// The caller's side of a referral. The sender's organisation (or the Prefettura, which holds
// referrals.read over all) sees the referral and the case; the recipient's organisation sees the
// referral from the moment it is sent and only the shared data.
enum class Side { none, sender, recipient };
Side side_of(api::Context& ctx, const Referral& r);

// The referral when the caller is on a side of it; otherwise 404 like a missing one.
Result<std::pair<Referral, Side>> visible_referral(api::Context& ctx, db::Connection& conn,
                                                   std::int64_t id);

struct SharedIdentity {
  std::string family_name;
  std::string given_names;
  std::optional<std::string> family_name_original;
  std::optional<std::string> given_names_original;
  std::string sex;
  std::optional<std::string> birth_date;
  std::string nationality;
  std::optional<std::string> codice_fiscale;
};
struct SharedLanguages {
  std::vector<std::string> languages;
  bool interpreter_needed = false;
  std::optional<std::string> interpreter_language;
};
struct SharedNote {
  std::string written_at;
  std::string sensitivity;
  std::optional<std::string> text;
};
struct SharedDocument {
  std::string type;
  std::optional<std::string> description;
  std::string number;
  std::optional<std::string> issuer;
  std::optional<std::string> expires_on;
};
struct SharedData {
  // Why nothing is shared although items were: the consent was withdrawn, or the referral was
  // declined or cancelled. None while sharing.
  std::optional<std::string> stopped;
  std::vector<std::string> items;  // the items shared now (none once stopped)
  std::optional<SharedIdentity> identity;
  std::optional<std::string> current_centre;  // contacts: where the person stays now
  std::optional<SharedLanguages> languages;
  std::optional<std::string> legal_status;
  std::optional<std::string> category;
  std::vector<SharedNote> notes;
  std::vector<SharedDocument> documents;
  std::int64_t person_id = 0;  // not answered: whom the read log names
  bool personal() const {
    return identity || current_centre || languages || legal_status || category || !notes.empty() ||
           !documents.empty();
  }
};
// `full`: everything shared; otherwise the identity only (a list's row). The caller records
// person_id in the read log when it answers anything personal.
Result<SharedData> shared_data(api::Context& ctx, db::Connection& conn, const Referral& r,
                               bool full);

struct NamedEvent {
  Event event;
  std::string by_name;
};

struct ReferralView {
  Referral r;
  std::string side;  // sender or recipient
  std::string from_organization;
  std::string to_organization;
  std::optional<std::int64_t> case_id;       // the sender's only
  std::optional<std::string> person_name;    // the sender's, or a recipient's with identity
  std::optional<std::string> consent_state;  // valid, withdrawn; none: sent on override
  bool escalated = false;
  bool unread = false;
  std::vector<NamedEvent> history;
  SharedData shared;
  std::vector<std::string> actions;  // what the caller may do now: accept, decline...
  // A recipient's view once sharing has stopped: the sender's own words (the reason, an override's
  // reason, the notes of its acts) speak of the person, so they stop with the rest.
  bool sender_words_withheld = false;
  // Not answered: the person the answer names, if it names anyone (for the read log).
  std::optional<std::int64_t> person_read;
};

// The page of one referral; records the person read.
Result<ReferralView> referral_view(api::Context& ctx, db::Connection& conn, const Referral& r,
                                   Side side, const std::string& now);
// The rows of a list, without history nor shared data but the recipient's identity; each row's
// person_read is for the caller to record for the rows it answers.
Result<std::vector<ReferralView>> list_rows(api::Context& ctx, db::Connection& conn,
                                            std::vector<Referral> referrals, Side side,
                                            const std::string& now);

const api::ObjectType<ReferralView>& referral_view_type();
const api::ObjectType<ReferralView>& referral_row_type();

}  // namespace innet::referrals

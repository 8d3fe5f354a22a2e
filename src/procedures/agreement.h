// The integration agreement's credit ledger (DPR 179/2011; issue 13 point 4; decision 0042): from
// the entries recorded on an agreement (signature, the civic training session, certified Italian
// and civic knowledge, courses, losses, exemptions, corrections), the balance and the outcome of
// the verification, explained line by line. A pure function: no storage and no clock (the day of
// the evaluation is a parameter), so every case is a test checked by hand.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"

namespace innet::procedures {

// What an entry records. `correction` voids an earlier entry (named by `corrects`) with a reason:
// entries are never deleted or changed.
enum class AgreementEntryKind {
  signature,               // 16 credits, given on signing
  civic_session_attended,  // the mandatory civic training session: the 16 credits are kept
  civic_session_missed,    // not attended: -15
  italian_level,           // a certified level of Italian (`level`, `spoken_only`)
  civic_knowledge,         // a certified level of civic knowledge (`level`)
  course,                  // a course completed (`level`: hours80, hours120, ..., school_year)
  loss,                    // a loss of Annex C (`level`: a band's code)
  exemption,               // an exemption (`level`: the ground)
  correction,              // voids `corrects`
  extension,               // the one-year extension granted at the verification
};
const std::vector<std::string>& agreement_entry_kinds();
const std::string& to_string(AgreementEntryKind kind);
std::optional<AgreementEntryKind> parse_agreement_entry_kind(const std::string& text);

// Italian levels (CEFR). Annex B gives two figures a level: the lower for spoken Italian only, the
// higher for the level certified in full (spoken and written); "above_b1" is 30 either way.
const std::vector<std::string>& italian_levels();  // a1, a2, b1, above_b1
// Civic knowledge: three levels (6, 9, 12 credits).
const std::vector<std::string>& civic_levels();  // sufficient, good, very_good
// Courses (Annex B): 80 h 4, 120 h 5, 250 h 10, 500 h 20, a school year 30.
const std::vector<std::string>&
course_kinds();  // hours80, hours120, hours250, hours500, school_year
// DPR 179/2011 art. 2 c.4 and the domain's list: who is not bound by the agreement's verification.
const std::vector<std::string>& exemption_grounds();
// asylum_protection, family_reasons, eu_long_term, unaccompanied_minor, trafficking_victim

// A band of Annex C: a loss of credits for a conviction, a security measure or a fine. The bands
// are data (stored, editable by the admin) because their figures are to be verified against the
// Annex; no band takes more than kMaxLossCredits.
struct LossBand {
  std::string code;
  std::string description;   // Italian, as the Annex words it
  std::int64_t credits = 0;  // positive: the credits lost
};
inline constexpr std::int64_t kMaxLossCredits = 25;
std::vector<LossBand> default_loss_bands();

struct AgreementEntry {
  std::int64_t id = 0;
  AgreementEntryKind kind = AgreementEntryKind::signature;
  CivilDay on = kEarliestDay;
  std::string level;                     // italian_level, civic_knowledge, course, loss, exemption
  bool spoken_only = false;              // italian_level: spoken Italian only (the lower figure)
  std::optional<std::int64_t> corrects;  // correction: the entry it voids
};

// Credits of one entry on its own (0 for entries that carry none); none when its level is not one
// of its kind's (the model refuses such entries before they are stored).
std::optional<std::int64_t> entry_credits(const AgreementEntry& entry,
                                          const std::vector<LossBand>& bands);

enum class AgreementOutcome {
  pending,                  // before the verification window: the balance so far
  fulfilled,                // >= 30 credits, spoken A2, civic knowledge
  fulfilled_with_benefits,  // the same with >= 40 credits
  extension,                // 0 < credits and not fulfilled: one more year
  terminated,               // credits <= 0, or not fulfilled at the end of the extension
  exempt,
};
const std::string& to_string(AgreementOutcome outcome);

inline constexpr std::int64_t kFulfilledCredits = 30;
inline constexpr std::int64_t kBenefitsCredits = 40;
inline constexpr std::int64_t kSignatureCredits = 16;
inline constexpr std::int64_t kMissedCivicSessionCredits = -15;

// One line of the explanation: a machine code (translated by the web), the entry it comes from,
// the credits it adds (or takes) and the balance after it; `params` for the message.
struct ExplanationLine {
  std::string code;
  std::optional<std::int64_t> entry_id;
  std::int64_t credits = 0;
  std::int64_t balance = 0;
  std::map<std::string, std::string> params;
};

struct AgreementInput {
  CivilDay signed_on = kEarliestDay;
  // The one-year extension was granted (or an `extension` entry says so): the next verification's
  // outcome is final.
  bool extended = false;
  std::vector<AgreementEntry> entries;
  std::vector<LossBand> bands;
};

struct AgreementBalance {
  std::int64_t credits = 0;
  std::optional<std::string> italian_level;  // the best certified, with "_spoken" when spoken only
  bool italian_a2_spoken = false;            // the requirement: spoken Italian at A2 at least
  std::optional<std::string> civic_level;
  std::optional<std::string> exemption;
  CivilDay expires_on = kEarliestDay;         // 2 years after signature (3 when extended)
  CivilDay verification_from = kEarliestDay;  // one month before expiry
  AgreementOutcome outcome = AgreementOutcome::pending;
  std::vector<ExplanationLine> lines;
};

// The balance on `today` (entries dated after it are not counted) and the outcome: `pending`
// before the verification window opens unless the balance is already <= 0 (terminated); from
// `verification_from`, the verification's outcome. Italian and civic knowledge count once, at the
// best level certified (a higher level replaces a lower one: the credits are the difference);
// courses and losses add up; a voided entry counts nothing.
AgreementBalance agreement_balance(const AgreementInput& in, CivilDay today);

}  // namespace innet::procedures

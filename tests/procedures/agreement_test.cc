// The integration agreement's ledger (DPR 179/2011; decision 0042): every balance added up by hand
// in the comment beside the case.
#include "procedures/agreement.h"

#include <gtest/gtest.h>

namespace innet::procedures {
namespace {

CivilDay day(std::string_view text) {
  auto parsed = CivilDay::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(kEarliestDay);
}

using enum AgreementEntryKind;

AgreementEntry entry(std::int64_t id, AgreementEntryKind kind, const char* on,
                     std::string level = "", bool spoken_only = false) {
  return {
      .id = id, .kind = kind, .on = day(on), .level = std::move(level), .spoken_only = spoken_only};
}

AgreementInput signed_on(const char* on, std::vector<AgreementEntry> more) {
  AgreementInput in{.signed_on = day(on), .bands = default_loss_bands()};
  in.entries.push_back(entry(1, signature, on));
  for (auto& e : more) in.entries.push_back(std::move(e));
  return in;
}

std::vector<std::string> codes(const AgreementBalance& b) {
  std::vector<std::string> out;
  for (const auto& l : b.lines) out.push_back(l.code);
  return out;
}

TEST(AgreementLedger, EveryKindHasItsName) {
  EXPECT_EQ(agreement_entry_kinds().size(), 10u);
  for (int i = 0; i <= static_cast<int>(extension); ++i) {
    const auto kind = static_cast<AgreementEntryKind>(i);
    EXPECT_EQ(parse_agreement_entry_kind(to_string(kind)), kind);
  }
  EXPECT_EQ(to_string(extension), "extension");
}

TEST(AgreementLedger, FiguresOfAnnexB) {
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "a1", true), {}), 10);
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "a1"), {}), 14);
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "a2", true), {}), 20);
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "a2"), {}), 24);
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "b1", true), {}), 26);
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "b1"), {}), 28);
  EXPECT_EQ(entry_credits(entry(1, italian_level, "2025-01-01", "above_b1", true), {}), 30);
  EXPECT_EQ(entry_credits(entry(1, civic_knowledge, "2025-01-01", "sufficient"), {}), 6);
  EXPECT_EQ(entry_credits(entry(1, civic_knowledge, "2025-01-01", "good"), {}), 9);
  EXPECT_EQ(entry_credits(entry(1, civic_knowledge, "2025-01-01", "very_good"), {}), 12);
  EXPECT_EQ(entry_credits(entry(1, course, "2025-01-01", "hours80"), {}), 4);
  EXPECT_EQ(entry_credits(entry(1, course, "2025-01-01", "hours120"), {}), 5);
  EXPECT_EQ(entry_credits(entry(1, course, "2025-01-01", "hours250"), {}), 10);
  EXPECT_EQ(entry_credits(entry(1, course, "2025-01-01", "hours500"), {}), 20);
  EXPECT_EQ(entry_credits(entry(1, course, "2025-01-01", "school_year"), {}), 30);
  EXPECT_EQ(entry_credits(entry(1, civic_session_missed, "2025-01-01"), {}), -15);
  EXPECT_FALSE(entry_credits(entry(1, italian_level, "2025-01-01", "c3"), {}));
  EXPECT_FALSE(entry_credits(entry(1, loss, "2025-01-01", "no_such_band"), default_loss_bands()));
  EXPECT_FALSE(entry_credits(entry(1, exemption, "2025-01-01", "tourism"), {}));
  for (const auto& b : default_loss_bands()) EXPECT_LE(b.credits, kMaxLossCredits) << b.code;
}

TEST(AgreementLedger, FulfilledWithBenefits) {
  // Signed Mon 15 Jan 2024: expires 15 Jan 2026, verification from 15 Dec 2025.
  // 16 (signature) + 0 (session) + 24 (A2 in full) = 40 + 9 (civic, good) = 49 + 4 (80 h) = 53.
  auto in = signed_on(
      "2024-01-15",
      {entry(2, civic_session_attended, "2024-03-01"), entry(3, italian_level, "2024-09-10", "a2"),
       entry(4, civic_knowledge, "2025-02-01", "good"), entry(5, course, "2025-06-30", "hours80")});
  auto b = agreement_balance(in, day("2025-12-20"));
  EXPECT_EQ(b.expires_on, day("2026-01-15"));
  EXPECT_EQ(b.verification_from, day("2025-12-15"));
  EXPECT_EQ(b.credits, 53);
  EXPECT_TRUE(b.italian_a2_spoken);
  EXPECT_EQ(b.italian_level, "a2");
  EXPECT_EQ(b.civic_level, "good");
  EXPECT_EQ(b.outcome, AgreementOutcome::fulfilled_with_benefits);
  EXPECT_EQ(codes(b),
            (std::vector<std::string>{"signature", "civic_session_attended", "italian_level",
                                      "civic_knowledge", "course", "outcome_fulfilled_benefits"}));
  // The running balance, line by line: 16, 16, 40, 49, 53.
  EXPECT_EQ(b.lines[2].credits, 24);
  EXPECT_EQ(b.lines[2].balance, 40);
  EXPECT_EQ(b.lines[4].balance, 53);
  EXPECT_EQ(b.lines[4].entry_id, 5);
}

TEST(AgreementLedger, PendingBeforeTheVerificationWindow) {
  // The same ledger on 14 Dec 2025, the day before the window: the balance, no outcome yet.
  auto in = signed_on("2024-01-15", {entry(3, italian_level, "2024-09-10", "a2")});
  auto b = agreement_balance(in, day("2025-12-14"));
  EXPECT_EQ(b.credits, 40);
  EXPECT_EQ(b.outcome, AgreementOutcome::pending);
}

TEST(AgreementLedger, FulfilledBelowForty) {
  // 16 + 20 (A2 spoken only: enough, the requirement is spoken Italian) + 6 (civic, sufficient)
  // = 42, minus 6 (fine_10000) = 36: fulfilled, without the benefits of 40.
  auto in = signed_on("2024-01-15", {entry(2, italian_level, "2024-05-02", "a2", true),
                                     entry(3, civic_knowledge, "2024-06-03", "sufficient"),
                                     entry(4, loss, "2025-01-10", "fine_10000")});
  auto b = agreement_balance(in, day("2026-01-10"));
  EXPECT_EQ(b.credits, 36);
  EXPECT_EQ(b.italian_level, "a2_spoken");
  EXPECT_EQ(b.outcome, AgreementOutcome::fulfilled);
}

TEST(AgreementLedger, ExtensionWithTheReasonsListed) {
  // 16 + 10 (A1 spoken) = 26: 4 short of 30, no A2, no civic knowledge: a year's extension.
  auto in = signed_on("2024-01-15", {entry(2, civic_session_attended, "2024-02-20"),
                                     entry(3, italian_level, "2024-11-05", "a1", true)});
  auto b = agreement_balance(in, day("2025-12-15"));
  EXPECT_EQ(b.credits, 26);
  EXPECT_EQ(b.outcome, AgreementOutcome::extension);
  EXPECT_EQ(codes(b), (std::vector<std::string>{
                          "signature", "civic_session_attended", "italian_level", "missing_credits",
                          "missing_italian_a2", "missing_civic_knowledge", "outcome_extension"}));
  EXPECT_EQ(b.lines[3].params.at("missing"), "4");
}

TEST(AgreementLedger, EnoughCreditsWithoutCivicKnowledgeIsAnExtension) {
  // 16 + 24 (A2 in full) = 40, but no civic knowledge certified: not fulfilled.
  auto in = signed_on("2024-01-15", {entry(2, italian_level, "2024-09-10", "a2")});
  auto b = agreement_balance(in, day("2025-12-15"));
  EXPECT_EQ(b.credits, 40);
  EXPECT_EQ(b.outcome, AgreementOutcome::extension);
  EXPECT_EQ(codes(b), (std::vector<std::string>{"signature", "italian_level",
                                                "missing_civic_knowledge", "outcome_extension"}));
}

TEST(AgreementLedger, TerminatedByLossesAtOnce) {
  // 16 - 25 (a conviction to 3 years or more) = -9 on 1 Jun 2024: terminated, long before the
  // verification window (the credits are all lost).
  auto in = signed_on("2024-01-15", {entry(2, civic_session_attended, "2024-02-20"),
                                     entry(3, loss, "2024-06-01", "custodial_3y")});
  auto b = agreement_balance(in, day("2024-07-01"));
  EXPECT_EQ(b.credits, -9);
  EXPECT_EQ(b.outcome, AgreementOutcome::terminated);
  EXPECT_EQ(b.lines.back().code, "outcome_terminated_no_credits");
  EXPECT_EQ(b.lines[2].credits, -25);
  // The day before the loss the agreement was still running on its 16 credits.
  auto before = agreement_balance(in, day("2024-05-31"));
  EXPECT_EQ(before.credits, 16);
  EXPECT_EQ(before.outcome, AgreementOutcome::pending);
}

TEST(AgreementLedger, ExemptWhateverTheCredits) {
  // A refugee: exempt from the verification; the ledger still shows its 16 - 15 = 1.
  auto in = signed_on("2024-01-15", {entry(2, civic_session_missed, "2024-04-16"),
                                     entry(3, exemption, "2024-05-01", "asylum_protection")});
  auto b = agreement_balance(in, day("2025-12-20"));
  EXPECT_EQ(b.credits, 1);
  EXPECT_EQ(b.exemption, "asylum_protection");
  EXPECT_EQ(b.outcome, AgreementOutcome::exempt);
}

TEST(AgreementLedger, MissedCivicSessionThenExtensionThenFulfilled) {
  // 16 - 15 (session missed) = 1 + 20 (A2 spoken) = 21 + 6 (civic sufficient) = 27: at the
  // verification (from 15 Dec 2025) 3 short of 30: extension.
  auto in = signed_on("2024-01-15", {entry(2, civic_session_missed, "2024-04-16"),
                                     entry(3, italian_level, "2025-03-03", "a2", true),
                                     entry(4, civic_knowledge, "2025-05-05", "sufficient")});
  auto b = agreement_balance(in, day("2025-12-15"));
  EXPECT_EQ(b.credits, 27);
  EXPECT_EQ(b.lines[1].credits, -15);
  EXPECT_EQ(b.lines[1].balance, 1);
  EXPECT_EQ(b.outcome, AgreementOutcome::extension);
  EXPECT_EQ(b.lines[4].params.at("missing"), "3");
  // Extended: expires 15 Jan 2027, verification from 15 Dec 2026. An 80-hour course: 27 + 4 = 31.
  in.extended = true;
  in.entries.push_back(entry(5, course, "2026-10-01", "hours80"));
  auto after = agreement_balance(in, day("2026-12-15"));
  EXPECT_EQ(after.expires_on, day("2027-01-15"));
  EXPECT_EQ(after.credits, 31);
  EXPECT_EQ(after.outcome, AgreementOutcome::fulfilled);
  // The same extension recorded as a ledger entry (what the verification route writes).
  in.extended = false;
  in.entries.push_back(entry(6, extension, "2025-12-15"));
  auto by_entry = agreement_balance(in, day("2026-12-15"));
  EXPECT_EQ(by_entry.expires_on, day("2027-01-15"));
  EXPECT_EQ(by_entry.outcome, AgreementOutcome::fulfilled);
}

TEST(AgreementLedger, NotFulfilledAtTheEndOfTheExtensionIsTerminated) {
  // 16 - 15 + 10 (A1 spoken) = 11 after the extension: no second one.
  auto in = signed_on("2024-01-15", {entry(2, civic_session_missed, "2024-04-16"),
                                     entry(3, italian_level, "2025-03-03", "a1", true)});
  in.extended = true;
  auto b = agreement_balance(in, day("2026-12-20"));
  EXPECT_EQ(b.credits, 11);
  EXPECT_EQ(b.outcome, AgreementOutcome::terminated);
  EXPECT_EQ(b.lines.back().code, "outcome_terminated_after_extension");
}

TEST(AgreementLedger, ACorrectionVoidsAnEntryAndABetterLevelAddsTheDifference) {
  // B1 in full (28) recorded by mistake, voided by entry 4; A1 spoken (10) then A2 in full (24,
  // 14 more): 16 + 10 + 14 = 40; civic good then sufficient (not better): 9. Total 49.
  auto in = signed_on("2024-01-15", {entry(3, italian_level, "2024-03-01", "b1"),
                                     entry(5, italian_level, "2024-04-01", "a1", true),
                                     entry(6, italian_level, "2024-10-01", "a2"),
                                     entry(7, civic_knowledge, "2024-11-01", "good"),
                                     entry(8, civic_knowledge, "2025-01-01", "sufficient")});
  AgreementEntry fix = entry(4, correction, "2024-03-05");
  fix.corrects = 3;
  in.entries.push_back(fix);
  auto b = agreement_balance(in, day("2025-12-16"));
  EXPECT_EQ(b.credits, 49);
  EXPECT_EQ(codes(b), (std::vector<std::string>{"signature", "voided", "correction",
                                                "italian_level", "italian_level", "civic_knowledge",
                                                "civic_not_better", "outcome_fulfilled_benefits"}));
  EXPECT_EQ(b.lines[4].credits, 14);
  EXPECT_EQ(b.italian_level, "a2");
}

TEST(AgreementLedger, EntriesAfterTodayDoNotCount) {
  auto in = signed_on("2024-01-15", {entry(2, italian_level, "2026-01-10", "a2")});
  EXPECT_EQ(agreement_balance(in, day("2026-01-09")).credits, 16);
  EXPECT_EQ(agreement_balance(in, day("2026-01-10")).credits, 40);
}

}  // namespace
}  // namespace innet::procedures

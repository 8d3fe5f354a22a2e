// Consent and referral storage on both engines (decision 0032): what a consent must cover for a
// referral to be sent, withdrawals kept and never repeated, the state machine and its history,
// escalation notified once, the unread state, the bulk inserts of the national data, and the
// aggregates.
#include "referrals/referrals.h"

#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "cases/cases.h"
#include "referrals/metrics.h"
#include "support/reception_fixture.h"

namespace innet::referrals {
namespace {

using reception::storage_test::ReceptionTest;

constexpr const char* kNow = "2026-11-02T09:00:00Z";
const CivilDay kToday = *CivilDay::parse("2026-11-02");

class ReferralsTest : public ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({10, 10, 10, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    add_person("Rahman", "Abdul", "BD");
    auto c = cases::open_case(db(), person(1), operator_id_, user_, kNow);
    ASSERT_DB_OK(c);
    case_id_ = c->id;
    for (const char* name : {"ASP di prova", "Associazione di prova"}) {
      auto org = accounts::create_organization(db(), {0, name, "ngo", std::nullopt, ""});
      ASSERT_DB_OK(org);
      recipients_.push_back(org->id);
    }
  }
  Consent consent(std::int64_t org, std::vector<std::string> items) {
    auto c = record_consent(db(),
                            {.case_id = case_id_,
                             .organization_id = org,
                             .data_items = std::move(items),
                             .purpose = "presa in carico",
                             .given_on = "2026-11-01",
                             .recorded_by = user_,
                             .recorded_at = kNow},
                            kToday);
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : Consent{};
  }
  Referral draft(std::vector<std::string> items = {"identity"}) {
    auto r = create_referral(db(),
                             {.case_id = case_id_,
                              .from_organization_id = operator_id_,
                              .to_organization_id = recipients_[0],
                              .reason = "valutazione",
                              .urgency = "urgent",
                              .data_items = std::move(items),
                              .created_by = user_},
                             kNow);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : Referral{};
  }
  Result<Referral> move(Referral r, const char* to, const char* at = kNow) {
    return transition(db(), std::move(r), {to, std::nullopt, user_}, at);
  }
  // The referral after an act that must pass.
  Referral moved(const Referral& r, const char* to, const char* at = kNow) {
    auto next = move(r, to, at);
    EXPECT_TRUE(next.ok()) << (next.ok() ? "" : next.error().message);
    return next.ok() ? *next : r;
  }
  std::int64_t case_id_ = 0;
  std::vector<std::int64_t> recipients_;
};

std::string why(const Status& s) {
  return std::get<std::string>(s.error().fields.at("consent_id").params[0].second);
}

TEST_P(ReferralsTest, AConsentMustBeValidForTheOrganisationAndCoverEveryItemShared) {
  const auto r = draft({"identity", "legal_status"});
  EXPECT_EQ(why(check_consent(std::nullopt, r)), "missing");
  EXPECT_EQ(why(check_consent(consent(recipients_[1], {"identity", "legal_status"}), r)),
            "other_organization");
  const auto fewer = check_consent(consent(recipients_[0], {"identity"}), r);
  EXPECT_EQ(why(fewer), "fewer_items");
  EXPECT_EQ(fewer.error().code, "consent_required");
  EXPECT_EQ(fewer.error().kind, ErrorKind::unprocessable);
  const auto covering = consent(recipients_[0], {"notes", "legal_status", "identity"});
  // Stored in the vocabulary's order, whatever the order sent.
  EXPECT_EQ(covering.data_items, (std::vector<std::string>{"identity", "legal_status", "notes"}));
  EXPECT_TRUE(check_consent(covering, r).ok());

  auto withdrawn = withdraw_consent(db(), covering.id, "2026-11-02", "revoca", user_, kToday, kNow);
  ASSERT_DB_OK(withdrawn);
  EXPECT_FALSE(withdrawn->valid());
  EXPECT_EQ(why(check_consent(*withdrawn, r)), "withdrawn");
  auto twice = withdraw_consent(db(), covering.id, "2026-11-02", "di nuovo", user_, kToday, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "consent_withdrawn");
  auto kept = consents_of(db(), case_id_);
  ASSERT_DB_OK(kept);
  EXPECT_EQ(kept->size(), 3u) << "a withdrawal keeps the consent";
}

TEST_P(ReferralsTest, ConsentDatesAreNotInTheFutureNorWithdrawnBeforeGiven) {
  auto future = record_consent(db(),
                               {.case_id = case_id_,
                                .organization_id = recipients_[0],
                                .data_items = {"identity"},
                                .purpose = "x",
                                .given_on = "2026-11-03",
                                .recorded_by = user_,
                                .recorded_at = kNow},
                               kToday);
  ASSERT_FALSE(future.ok());
  EXPECT_TRUE(future.error().fields.contains("given_on"));
  const auto c = consent(recipients_[0], {"identity"});
  auto before = withdraw_consent(db(), c.id, "2026-10-31", "x", user_, kToday, kNow);
  ASSERT_FALSE(before.ok());
  EXPECT_TRUE(before.error().fields.contains("withdrawn_on"));
}

TEST_P(ReferralsTest, TheStateMachineRefusesWrongActsAndKeepsEveryStep) {
  auto r = draft();
  auto early = move(r, "accepted");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "wrong_state");
  EXPECT_EQ(early.error().kind, ErrorKind::conflict);
  r = moved(r, "sent");
  EXPECT_EQ(r.sent_at, kNow);
  r = moved(r, "accepted", "2026-11-02T10:00:00Z");
  EXPECT_EQ(r.answered_at, "2026-11-02T10:00:00Z");
  r = moved(r, "in_progress");
  EXPECT_FALSE(move(r, "cancelled").ok()) << "in progress: no longer the sender's to cancel";
  r.outcome = "unsuccessful";
  auto no_reason = move(r, "completed");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_TRUE(no_reason.error().fields.contains("outcome_reason"));
  r.outcome_reason = "non si è presentata";
  r = moved(r, "completed");
  auto events = events_of(db(), r.id);
  ASSERT_DB_OK(events);
  std::vector<std::string> states;
  for (const auto& e : *events) states.push_back(e.state);
  EXPECT_EQ(states,
            (std::vector<std::string>{"draft", "sent", "accepted", "in_progress", "completed"}));

  // A stale copy (another act happened meanwhile) is refused like a wrong state.
  auto other = draft();
  ASSERT_DB_OK(move(other, "sent"));
  auto stale = move(other, "cancelled");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "wrong_state");
}

TEST_P(ReferralsTest, ACategoryOrANoteNeedsItsItemAndTheRecipientIsAnother) {
  Referral r{.case_id = case_id_,
             .from_organization_id = operator_id_,
             .to_organization_id = recipients_[0],
             .reason = "x",
             .category = "fgm",
             .data_items = {"identity"},
             .created_by = user_};
  auto refused = create_referral(db(), r, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().fields.contains("category"));
  r.category.reset();
  r.to_organization_id = operator_id_;
  auto self = create_referral(db(), r, kNow);
  ASSERT_FALSE(self.ok());
  EXPECT_TRUE(self.error().fields.contains("organization_id"));
}

TEST_P(ReferralsTest, ADraftIsEditedUntilSentAndTheShapeIsCheckedAsWhenMade) {
  auto r = draft();
  r.to_organization_id = recipients_[1];
  r.reason = "visita";
  r.urgency = "emergency";
  r.data_items = {"identity", "vulnerability_categories"};
  r.category = "fgm";
  auto edited = update_draft(db(), r, kNow);
  ASSERT_DB_OK(edited);
  EXPECT_EQ(edited->to_organization_id, recipients_[1]);
  EXPECT_EQ(edited->reason, "visita");
  EXPECT_EQ(edited->urgency, "emergency");
  EXPECT_EQ(edited->category, "fgm");
  auto events = events_of(db(), r.id);
  ASSERT_DB_OK(events);
  EXPECT_EQ(events->size(), 1u) << "an edit is not a change of state";

  auto bad = *edited;
  bad.data_items = {"identity"};
  auto refused = update_draft(db(), bad, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().fields.contains("category"));

  auto sent = moved(*edited, "sent");
  sent.reason = "dopo";
  auto late = update_draft(db(), sent, kNow);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "wrong_state");
  auto kept = find_referral(db(), r.id);
  ASSERT_DB_OK(kept);
  EXPECT_EQ(kept->reason, "visita") << "nothing stored once sent";
}

TEST_P(ReferralsTest, EscalationIsNotifiedOnceAndUnreadFollowsChanges) {
  auto r = draft();
  r.answer_due_at = "2026-11-01T09:00:00Z";
  r = moved(r, "sent", "2026-10-29T09:00:00Z");
  EXPECT_TRUE(r.escalated(kNow));
  ReferralFilter escalated;
  escalated.escalated_at = kNow;
  auto found = list_referrals(db(), escalated);
  ASSERT_DB_OK(found);
  ASSERT_EQ(found->size(), 1u) << "the list's filter is the referral's rule";
  escalated.escalated_at = "2026-11-01T08:00:00Z";
  found = list_referrals(db(), escalated);
  ASSERT_DB_OK(found);
  EXPECT_TRUE(found->empty());
  auto first = mark_escalations(db(), kNow);
  ASSERT_DB_OK(first);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].id, r.id);
  auto second = mark_escalations(db(), kNow);
  ASSERT_DB_OK(second);
  EXPECT_TRUE(second->empty());

  auto unread = unread_of(db(), user_, {r.id});
  ASSERT_DB_OK(unread);
  EXPECT_EQ(*unread, std::vector<std::int64_t>{r.id});
  ASSERT_DB_OK(mark_seen(db(), r.id, user_, kNow));
  ASSERT_DB_OK(mark_seen(db(), r.id, user_, kNow));  // again: one row
  unread = unread_of(db(), user_, {r.id});
  ASSERT_DB_OK(unread);
  EXPECT_TRUE(unread->empty());
  ASSERT_DB_OK(move(r, "accepted", "2026-11-02T11:00:00Z"));
  unread = unread_of(db(), user_, {r.id});
  ASSERT_DB_OK(unread);
  EXPECT_EQ(unread->size(), 1u) << "changed since it was opened";
}

TEST_P(ReferralsTest, BulkInsertsKeepTheOrderAndTheFiltersFindThem) {
  std::vector<Consent> consents;
  std::vector<Referral> rows;
  for (int k = 0; k < 150; ++k) {
    consents.push_back({.case_id = case_id_,
                        .organization_id = recipients_[k % 2],
                        .data_items = {"identity"},
                        .purpose = "p",
                        .given_on = "2026-10-01",
                        .recorded_by = user_,
                        .recorded_at = kNow});
    rows.push_back({.case_id = case_id_,
                    .from_organization_id = operator_id_,
                    .to_organization_id = recipients_[k % 2],
                    .reason = "r",
                    .urgency = "normal",
                    .data_items = {"identity"},
                    .state = k % 3 ? "sent" : "completed",
                    .created_by = user_,
                    .created_at = kNow,
                    .sent_at = std::string("2026-10-") + (k % 2 ? "10" : "20") + "T10:00:00Z",
                    .updated_at = kNow});
  }
  auto ids = insert_consents_bulk(db(), consents);
  ASSERT_DB_OK(ids);
  ASSERT_EQ(ids->size(), 150u);
  for (std::size_t k = 0; k < ids->size(); ++k) {
    auto c = find_consent(db(), (*ids)[k]);
    ASSERT_DB_OK(c);
    EXPECT_EQ(c->organization_id, recipients_[k % 2]);
    rows[k].consent_id = c->id;
  }
  ASSERT_DB_OK(insert_referrals_bulk(db(), rows));
  ReferralFilter f;
  f.to_organization_id = recipients_[1];
  f.state = "sent";
  auto found = list_referrals(db(), f);
  ASSERT_DB_OK(found);
  EXPECT_EQ(found->size(), 50u);  // odd k, of which not a multiple of 3
  ReferralFilter period;
  period.sent_from = "2026-10-15";
  period.sent_to = "2026-10-20";
  auto in_period = list_referrals(db(), period);
  ASSERT_DB_OK(in_period);
  EXPECT_EQ(in_period->size(), 75u) << "the last day included";
}

TEST(ReferralMetrics, MediansPercentilesAndOutcomesWithoutNames) {
  std::vector<Referral> all;
  for (int h : {1, 2, 3, 4, 100}) {
    Referral r{.to_organization_id = 7, .state = "completed", .outcome = "successful"};
    r.category = "fgm";
    r.sent_at = "2026-11-01T00:00:00Z";
    r.answered_at = "2026-11-01T0" + std::to_string(h % 10) + ":00:00Z";
    if (h == 100) r.answered_at = "2026-11-05T04:00:00Z";
    r.completed_at = "2026-11-10T00:00:00Z";
    all.push_back(r);
  }
  all.push_back({.to_organization_id = 7, .state = "declined"});
  all.back().sent_at = "2026-11-01T00:00:00Z";
  all.back().answered_at = "2026-11-01T01:00:00Z";
  all.push_back({.to_organization_id = 8, .state = "draft"});
  const auto m = compute_metrics(all, {{7, "ASP"}}, std::nullopt);
  EXPECT_EQ(m.time_to_accept.count, 5);
  EXPECT_EQ(m.time_to_accept.median_hours, 3.0);
  EXPECT_EQ(m.time_to_accept.p90_hours, 100.0);
  EXPECT_EQ(m.time_to_complete.count, 5);
  ASSERT_EQ(m.by_organization.size(), 1u) << "a draft went nowhere";
  EXPECT_EQ(m.by_organization[0].organization, "ASP");
  EXPECT_EQ(m.by_organization[0].sent, 6);
  EXPECT_EQ(m.by_organization[0].accepted, 5);
  EXPECT_EQ(m.by_organization[0].declined, 1);
  EXPECT_EQ(m.by_organization[0].successful, 5);
  ASSERT_EQ(m.by_category.size(), 2u);
  EXPECT_EQ(m.by_category[0].category, std::nullopt);
  EXPECT_EQ(m.by_category[1].category, "fgm");
  EXPECT_EQ(m.by_state[0].state, "draft");
  EXPECT_EQ(m.by_state[0].count, 1);
  EXPECT_EQ(m.min_group, std::nullopt);

  // For a reader who may not read small groups: the category of 1 (none given) is left out
  // whole, the organisation's 6 and the category fgm's 5 stay.
  const auto small = compute_metrics(all, {{7, "ASP"}}, kMinGroup);
  EXPECT_EQ(small.min_group, 5);
  ASSERT_EQ(small.by_organization.size(), 1u);
  ASSERT_EQ(small.by_category.size(), 1u);
  EXPECT_EQ(small.by_category[0].category, "fgm");
  EXPECT_EQ(small.left_out.by_category, 1);
  EXPECT_EQ(small.left_out.by_organization, 0);
  EXPECT_EQ(small.by_state, m.by_state) << "states and times are not groups of a category";
}

INSTANTIATE_TEST_SUITE_P(Engines, ReferralsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::referrals

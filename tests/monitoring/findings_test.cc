// Findings and sanctions on both engines (decision 0023): completing an inspection opens a
// finding per failed item that counts as one, with its default deadline; the states in order,
// closing only with a verification note; penalties computed by hand on a contract of 60 places x
// EUR 27.00 x 365 days (net EUR 591,300.00), the 10% cap (EUR 59,130.00) never passed, the
// penalty that reaches it exactly raising a termination proposal; the rate's bounds before and
// after d.lgs. 209/2024.
#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "monitoring/findings.h"
#include "monitoring/inspections.h"
#include "monitoring/sanctions.h"
#include "support/reception_fixture.h"

namespace innet::monitoring {
namespace {

const std::string kCompleted = "2026-11-10T13:00:00Z";
const CivilDay kToday = *CivilDay::parse("2026-12-03");

class FindingStorage : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({60, 0, 0, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    accounts::Organization org{0, "Prefettura di Prova", "prefecture", std::nullopt, ""};
    auto prefecture = accounts::create_organization(db(), org);
    ASSERT_DB_OK(prefecture);
    accounts::User u;
    u.email = "ispettore@prefettura.test";
    u.display_name = "Ispettore";
    u.role = auth::Role::inspector;
    u.organization_id = prefecture->id;
    auto inspector = accounts::create_user(db(), u);
    ASSERT_DB_OK(inspector);
    inspector_ = inspector->id;
    auto versions = versions_of(db(), "standard");
    ASSERT_DB_OK(versions);
    auto standard = find_version(db(), versions->front().id);
    ASSERT_DB_OK(standard);
    standard_ = *standard;
  }

  const ChecklistItem& item(const std::string& code) {
    return *std::find_if(standard_.items.begin(), standard_.items.end(),
                         [&](const ChecklistItem& i) { return i.code == code; });
  }

  // An inspection of centre A completed on 2026-11-10 with these yes/no answers.
  Inspection completed(const std::vector<std::pair<std::string, bool>>& answers) {
    NewInspection n{.centre_id = a(),
                    .checklist_id = standard_.id,
                    .planned_date = *CivilDay::parse("2026-11-10"),
                    .team = {inspector_}};
    auto i = plan_inspection(db(), n, inspector_, "2026-11-01T08:00:00Z");
    EXPECT_TRUE(i.ok());
    EXPECT_TRUE(start_inspection(db(), i->id, "2026-11-10T09:00:00Z").ok());
    auto started = find_inspection(db(), i->id);
    int k = 0;
    for (const auto& [code, value] : answers) {
      Answer a;
      a.item_id = item(code).id;
      a.yes = value;
      a.note = value ? std::nullopt : std::optional<std::string>("rilevato");
      a.idempotency_key = "key-" + std::to_string(++k) + "-" + std::to_string(i->id);
      a.answered_by = inspector_;
      a.answered_at = "2026-11-10T10:00:00Z";
      EXPECT_TRUE(record_answer(db(), *started, a).ok());
    }
    auto done = complete_inspection(db(), i->id, kCompleted);
    EXPECT_TRUE(done.ok());
    return *done;
  }

  std::vector<Finding> findings_of(std::int64_t inspection_id) {
    auto list = list_findings(db(), {.inspection_id = inspection_id}, kToday);
    EXPECT_TRUE(list.ok());
    return list.ok() ? *list : std::vector<Finding>{};
  }

  centres::Contract contract(const std::string& start, const std::string& end) {
    centres::Contract c;
    c.centre_id = a();
    c.cig = start < "2025-01-01" ? "ZA1B2C3D4E" : "ZB1B2C3D4E";
    c.start_date = start;
    c.end_date = end;
    c.places = 60;
    c.price_cents = 2700;
    auto created = centres::create_contract(db(), c);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? *created : c;
  }

  Result<RecordedSanction> penalty(const centres::Contract& c, std::int64_t days,
                                   std::int64_t rate_millionths) {
    NewSanction n{.centre_id = a(),
                  .contract_id = c.id,
                  .kind = "penalty",
                  .decided_on = *CivilDay::parse("2026-11-30"),
                  .protocol = "prot. 1234/2026",
                  .days_late = days,
                  .rate_millionths = rate_millionths};
    return record_sanction(db(), n, inspector_, kCompleted, kToday);
  }

  std::int64_t inspector_ = 0;
  ChecklistVersion standard_;
};

template <class R>
std::string code_of(const R& r) {
  return r.ok() ? "" : r.error().code;
}

TEST_P(FindingStorage, CompletingOpensAFindingPerFailedItemWithItsDefaultDeadline) {
  // building.no_pests fails (a finding), building.fire_safety passes.
  const auto& pests = item("building.no_pests");
  ASSERT_TRUE(pests.failure_is_finding);
  Inspection i = completed({{"building.no_pests", false}, {"building.fire_safety", true}});
  auto findings = findings_of(i.id);
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.item_code, "building.no_pests");
  EXPECT_EQ(f.severity, pests.default_severity);
  EXPECT_EQ(f.status, "open");
  EXPECT_EQ(f.observation, "rilevato");
  EXPECT_FALSE(f.corrective_action.has_value());
  EXPECT_EQ(f.deadline, CivilDay::parse("2026-11-10")
                            ->plus_days(default_deadline_days(pests.default_severity))
                            .to_string());
  EXPECT_EQ(default_deadline_days("minor"), 30);
  EXPECT_EQ(default_deadline_days("major"), 15);
  EXPECT_EQ(default_deadline_days("critical"), 7);
}

TEST_P(FindingStorage, TheInspectorSetsActionAndDeadlineOnlyBeforeTheReport) {
  Inspection i = completed({{"building.no_pests", false}});
  const Finding f = findings_of(i.id).at(0);
  FindingChange c{.severity = "critical",
                  .corrective_action = std::optional<std::string>("Derattizzazione"),
                  .deadline = *CivilDay::parse("2026-11-20")};
  auto changed = change_finding(db(), f.id, c, kToday);
  ASSERT_DB_OK(changed);
  EXPECT_EQ(changed->severity, "critical");
  EXPECT_EQ(changed->corrective_action, "Derattizzazione");
  EXPECT_EQ(changed->deadline, "2026-11-20");
  EXPECT_EQ(code_of(change_finding(db(), f.id, {.severity = "grave"}, kToday)),
            "validation_failed");
  EXPECT_EQ(
      code_of(change_finding(db(), f.id, {.deadline = *CivilDay::parse("2026-11-01")}, kToday)),
      "validation_failed");
  ASSERT_DB_OK(issue_report(db(), i.id, "2026-11-12T10:00:00Z"));
  EXPECT_EQ(code_of(change_finding(db(), f.id, c, kToday)), "report_issued");
}

TEST_P(FindingStorage, StatesGoInOrderAndClosingNeedsAVerificationNote) {
  Inspection i = completed({{"building.no_pests", false}});
  const std::int64_t id = findings_of(i.id).at(0).id;
  EXPECT_EQ(code_of(reply_to_finding(db(), id, "fatto", user_, kCompleted, kToday)), "wrong_status")
      << "the operator replies once the report is issued";
  ASSERT_DB_OK(issue_report(db(), i.id, "2026-11-12T10:00:00Z"));
  auto overdue = list_findings(db(), {.overdue_only = true}, kToday);
  ASSERT_DB_OK(overdue);
  ASSERT_EQ(overdue->size(), 1u) << "open and past its deadline on 2026-12-03";
  EXPECT_TRUE(overdue->at(0).overdue);

  auto replied = reply_to_finding(db(), id, "Intervento eseguito il 20/11", user_,
                                  "2026-11-20T10:00:00Z", kToday);
  ASSERT_DB_OK(replied);
  EXPECT_EQ(replied->status, "replied");
  EXPECT_EQ(replied->replied_by, user_);
  EXPECT_FALSE(replied->overdue) << "replied: the ball is in the inspector's court";
  EXPECT_EQ(code_of(reply_to_finding(db(), id, "ancora", user_, kCompleted, kToday)),
            "wrong_status");

  auto refused = close_finding(db(), id, "  ", inspector_, kCompleted, kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(refused.error().fields.count("verification_note"), 1u);
  auto unchanged = find_finding(db(), id, kToday);
  ASSERT_DB_OK(unchanged);
  EXPECT_EQ(unchanged->status, "replied") << "nothing changed";

  auto escalated = escalate_finding(db(), id, "Risposta insufficiente", inspector_,
                                    "2026-11-25T10:00:00Z", kToday);
  ASSERT_DB_OK(escalated);
  EXPECT_EQ(escalated->status, "escalated");
  EXPECT_EQ(code_of(escalate_finding(db(), id, "di nuovo", inspector_, kCompleted, kToday)),
            "wrong_status");
  auto closed = close_finding(db(), id, "Verificato al sopralluogo del 2/12", inspector_,
                              "2026-12-02T10:00:00Z", kToday);
  ASSERT_DB_OK(closed);
  EXPECT_EQ(closed->status, "verified_closed");
  EXPECT_EQ(closed->verified_by, inspector_);
  EXPECT_EQ(code_of(close_finding(db(), id, "ancora", inspector_, kCompleted, kToday)),
            "wrong_status");
}

TEST_P(FindingStorage, PenaltiesAreComputedAndNeverPassTenPerCent) {
  const auto c = contract("2025-01-01", "2025-12-31");
  auto status = penalty_status(db(), c);
  ASSERT_DB_OK(status);
  EXPECT_EQ(status->net_cents, 59'130'000) << "60 x EUR 27.00 x 365 = EUR 591,300.00";
  EXPECT_EQ(status->cap_cents, 5'913'000) << "EUR 59,130.00";
  EXPECT_EQ(status->rule, "d.lgs. 209/2024");

  auto first = penalty(c, 10, 1000);  // 10 days at 1 per mille
  ASSERT_DB_OK(first);
  EXPECT_EQ(first->sanction.amount_cents, 591'300) << "EUR 5,913.00";
  EXPECT_EQ(first->sanction.rate_per_mille, 1.0);
  EXPECT_FALSE(first->termination_proposal.has_value());
  ASSERT_DB_OK(penalty(c, 80, 1000));  // EUR 47,304.00: EUR 53,217.00 in all

  auto over = penalty(c, 11, 1000);  // EUR 6,504.30 > the EUR 5,913.00 left
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "penalty_cap");
  EXPECT_EQ(over.error().fields.count("days_late"), 1u);
  auto kept = list_sanctions(db(), {.contract_id = c.id});
  ASSERT_DB_OK(kept);
  EXPECT_EQ(kept->size(), 2u) << "the refused penalty stored nothing";

  auto reaching = penalty(c, 10, 1000);  // exactly EUR 59,130.00
  ASSERT_DB_OK(reaching);
  ASSERT_TRUE(reaching->termination_proposal.has_value());
  EXPECT_EQ(reaching->termination_proposal->kind, "termination_proposal");
  EXPECT_EQ(reaching->termination_proposal->raised_by, reaching->sanction.id);
  status = penalty_status(db(), c);
  ASSERT_DB_OK(status);
  EXPECT_EQ(status->penalties_cents, 5'913'000);
  EXPECT_EQ(status->remaining_cents, 0);
  EXPECT_TRUE(status->termination_proposed);
  EXPECT_EQ(code_of(penalty(c, 1, 500)), "penalty_cap");
}

TEST_P(FindingStorage, TheRateBoundsDependOnTheContractsDate) {
  EXPECT_EQ(penalty_rate_bounds(*CivilDay::parse("2024-12-30")).max_millionths, 1000);
  EXPECT_EQ(penalty_rate_bounds(*CivilDay::parse("2024-12-31")).max_millionths, 1500);
  const auto before = contract("2024-01-01", "2024-12-31");  // 366 days: a leap year
  const auto after = contract("2025-01-01", "2025-12-31");
  EXPECT_EQ(code_of(penalty(before, 1, 1200)), "rate_out_of_bounds");
  EXPECT_EQ(code_of(penalty(before, 1, 200)), "rate_out_of_bounds");
  auto low = penalty(before, 1, 300);
  ASSERT_DB_OK(low);
  EXPECT_EQ(low->sanction.amount_cents, 17'788) << "60 x 2700 x 366 x 0.0003 = 17,787.6 cents";
  EXPECT_EQ(code_of(penalty(after, 1, 300)), "rate_out_of_bounds");
  auto high = penalty(after, 1, 1500);
  ASSERT_DB_OK(high);
  EXPECT_EQ(high->sanction.amount_cents, 88'695) << "59,130,000 x 0.0015";
}

TEST_P(FindingStorage, DecisionsNameTheCentresOwnContractAndSpecialAdministrationChangesIt) {
  const auto c = contract("2025-01-01", "2025-12-31");
  NewSanction notice{.centre_id = b(),
                     .contract_id = c.id,
                     .kind = "formal_notice",
                     .decided_on = *CivilDay::parse("2026-11-15"),
                     .protocol = "prot. 99/2026"};
  auto wrong = record_sanction(db(), notice, inspector_, kCompleted, kToday);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().fields.count("contract_id"), 1u) << "centre B's contract? none";
  notice.centre_id = a();
  notice.days_late = 3;
  EXPECT_EQ(code_of(record_sanction(db(), notice, inspector_, kCompleted, kToday)),
            "only_for_penalty");
  notice.days_late.reset();
  notice.decided_on = *CivilDay::parse("2026-12-04");
  EXPECT_EQ(code_of(record_sanction(db(), notice, inspector_, kCompleted, kToday)),
            "validation_failed")
      << "dated tomorrow";
  notice.decided_on = *CivilDay::parse("2026-11-15");
  ASSERT_DB_OK(record_sanction(db(), notice, inspector_, kCompleted, kToday));
  NewSanction special{.centre_id = a(),
                      .kind = "special_administration",
                      .decided_on = *CivilDay::parse("2026-11-28"),
                      .protocol = "decreto 7/2026"};
  ASSERT_DB_OK(record_sanction(db(), special, inspector_, kCompleted, kToday));
  auto centre = centres::find_centre(db(), a());
  ASSERT_DB_OK(centre);
  EXPECT_EQ(centre->status, "special_administration");
  auto all = list_sanctions(db(), {.centre_id = a()});
  ASSERT_DB_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0).kind, "special_administration") << "newest first";
}

INSTANTIATE_TEST_SUITE_P(Engines, FindingStorage, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::monitoring

// The rules of centres and contracts on both engines, as every writer meets them: the API, the
// command line and the demo data all store through create_centre, update_centre and
// create_contract, which refuse a record that breaks a rule and name its field with a code.
#include "centres/rules.h"

#include "support/reception_fixture.h"

namespace innet::centres {
namespace {

using reception::storage_test::ReceptionTest;

// The code of the refusal on `field`, or "" when the write was accepted.
template <class R>
std::string code_on(R&& written, const std::string& field) {
  if (written.ok()) return "";
  auto f = written.error().fields.find(field);
  return f == written.error().fields.end() ? "(nothing on " + field + ")" : f->second.code;
}

class CentreRulesTest : public ReceptionTest {
 protected:
  void SetUp() override { set_up_reception({2, 0, 0, 0}); }

  Centre centre(const std::string& name) {
    Centre c;
    c.name = name;
    c.operator_id = operator_id_;
    c.address = "Via Roma 2, Palermo";
    c.istat_code = "082053";
    c.places = {1, 0, 0, 0};
    return c;
  }

  Contract contract(std::optional<std::int64_t> manager) {
    Contract k;
    k.centre_id = a();
    k.cig = "Z123456789";
    k.start_date = "2026-01-01";
    k.end_date = "2026-12-31";
    k.places = 2;
    k.price_cents = 3000;
    k.manager_user_id = manager;
    return k;
  }

  // A user of a new organisation of this type.
  std::int64_t user_of(const std::string& org_type, auth::Role role, bool active) {
    auto org = accounts::create_organization(
        db(), {0, "Org " + std::to_string(++users_), org_type, std::nullopt, ""});
    EXPECT_TRUE(org.ok());
    accounts::User u;
    u.email = "user" + std::to_string(users_) + "@example.org";
    u.display_name = "User";
    u.role = role;
    u.organization_id = org->id;
    u.password_hash = "x";
    u.active = active;
    auto created = accounts::create_user(db(), u);
    EXPECT_TRUE(created.ok());
    return created->id;
  }

  int users_ = 0;
};

TEST_P(CentreRulesTest, ACentreHasPlacesCoordinatesKnownCodesAndAnOperator) {
  EXPECT_EQ(code_on(create_centre(db(), centre("Centro C")), "places"), "");
  auto c = centre("Centro D");
  c.places = {};
  EXPECT_EQ(code_on(create_centre(db(), c), "places"), "no_places");
  c = centre("Centro D");
  c.latitude = 38.1;
  EXPECT_EQ(code_on(create_centre(db(), c), "longitude"), "both_or_neither");
  c = centre("Centro D");
  c.type = "hotel";
  EXPECT_EQ(code_on(create_centre(db(), c), "type"), "not_in_list");
  c = centre("Centro D");
  c.status = "open";
  EXPECT_EQ(code_on(create_centre(db(), c), "status"), "not_in_list");
  c = centre("Centro D");
  c.istat_code = "82053";
  EXPECT_EQ(code_on(create_centre(db(), c), "istat_code"), "exact_length");
  c = centre("Centro D");
  c.operator_id = 987654;
  auto unknown = create_centre(db(), c);
  EXPECT_EQ(code_on(unknown, "operator_id"), "not_found");
  EXPECT_EQ(unknown.error().kind, ErrorKind::unprocessable);
}

TEST_P(CentreRulesTest, AnUpdateKeepsTheRules) {
  auto found = find_centre(db(), a());
  ASSERT_DB_OK(found);
  Centre c = *found;
  c.places = {};
  EXPECT_EQ(code_on(update_centre(db(), c), "places"), "no_places");
  c = *found;
  c.status = "suspended";
  EXPECT_EQ(code_on(update_centre(db(), c), "status"), "");
}

TEST_P(CentreRulesTest, AContractEndsAfterItStartsAndItsManagerIsAnActivePrefectureOfficer) {
  auto backwards = contract(std::nullopt);
  backwards.end_date = "2025-12-31";
  EXPECT_EQ(code_on(create_contract(db(), backwards), "end_date"), "before_other");
  // The operator's own staff never supervises the operator.
  EXPECT_EQ(code_on(create_contract(db(), contract(user_)), "manager_user_id"),
            "manager_not_eligible");
  const auto outside = user_of("ngo", auth::Role::prefecture_officer, true);
  EXPECT_EQ(code_on(create_contract(db(), contract(outside)), "manager_user_id"),
            "manager_not_eligible");
  const auto gone = user_of("prefecture", auth::Role::prefecture_officer, false);
  EXPECT_EQ(code_on(create_contract(db(), contract(gone)), "manager_user_id"), "manager_inactive");
  EXPECT_EQ(code_on(create_contract(db(), contract(987654)), "manager_user_id"), "not_found");
  const auto officer = user_of("prefecture", auth::Role::prefecture_officer, true);
  EXPECT_EQ(code_on(create_contract(db(), contract(officer)), "manager_user_id"), "");
}

TEST_P(CentreRulesTest, ContractsOfACentreNeverOverlap) {
  centres::Contract c;
  c.centre_id = a();
  c.cig = "ZA1B2C3D4E";
  c.start_date = "2026-01-01";
  c.end_date = "2026-12-31";
  c.places = 5;
  c.price_cents = 2850;
  ASSERT_DB_OK(centres::create_contract(db(), c));
  c.start_date = "2026-12-01";
  c.end_date = "2027-12-31";
  auto overlapping = centres::create_contract(db(), c);
  ASSERT_FALSE(overlapping.ok());
  EXPECT_EQ(overlapping.error().code, "contract_overlap");
  c.start_date = "2027-01-01";
  c.price_cents = 3000;
  ASSERT_DB_OK(centres::create_contract(db(), c));
  auto in_force = centres::contract_on(db(), a(), *CivilDay::parse("2027-03-01"));
  ASSERT_DB_OK(in_force);
  ASSERT_TRUE(in_force->has_value());
  EXPECT_EQ((*in_force)->price_cents, 3000);
  auto history = centres::centre_contracts(db(), a());
  ASSERT_DB_OK(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->at(0).start_date, "2027-01-01");
}

INSTANTIATE_TEST_SUITE_P(Engines, CentreRulesTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::centres

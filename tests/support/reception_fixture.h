// A database migrated to the current schema with what reception tests start from: an operator
// organisation with one member of staff, two centres it runs (A and B) and persons to place.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accounts/accounts.h"
#include "app/app.h"
#include "centres/centres.h"
#include "engine_test.h"
#include "people/persons.h"

namespace innet::reception::storage_test {

class ReceptionTest : public db::storage_test::EngineTest {
 protected:
  // Centres A and B get these places (single men, single women, families, minors). With
  // `before_version`, only the reception migrations older than it are applied (migration tests).
  void set_up_reception(centres::PlacesByCategory places,
                        std::optional<std::int64_t> before_version = std::nullopt) {
    set_up_reception(places, places, before_version);
  }
  void set_up_reception(centres::PlacesByCategory places_a, centres::PlacesByCategory places_b,
                        std::optional<std::int64_t> before_version = std::nullopt) {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto migrations = app::all_migrations(engine());
    // Versions are per module: only reception's stop early, the centres and persons the fixture
    // makes are those of today's schema.
    if (before_version)
      std::erase_if(migrations, [&](const auto& m) {
        return m.module == "reception" && m.version >= *before_version;
      });
    ASSERT_DB_OK(db::migrate(pool(), migrations));
    auto c = pool().acquire();
    ASSERT_DB_OK(c);
    conn_.emplace(std::move(*c));
    auto org = accounts::create_organization(
        db(), {0, "Cooperativa Test", "centre_operator", std::nullopt, ""});
    ASSERT_DB_OK(org);
    operator_id_ = org->id;
    accounts::User u;
    u.email = "staff@example.org";
    u.display_name = "Staff";
    u.role = auth::Role::case_worker;
    u.organization_id = org->id;
    u.password_hash = "x";
    auto user = accounts::create_user(db(), u);
    ASSERT_DB_OK(user);
    user_ = user->id;
    for (const auto& [name, places] : {std::pair{"Centro A", places_a}, {"Centro B", places_b}}) {
      centres::Centre centre;
      centre.name = name;
      centre.operator_id = org->id;
      centre.address = "Via Roma 1, Palermo";
      centre.istat_code = "082053";
      centre.places = places;
      auto created = centres::create_centre(db(), centre);
      ASSERT_DB_OK(created);
      centres_.push_back(created->id);
    }
  }

  void TearDown() override {
    conn_.reset();  // back to the pool before the pool goes
    EngineTest::TearDown();
  }

  void add_person(const std::string& family_name, const std::string& given,
                  const std::string& nationality,
                  std::optional<std::int64_t> group = std::nullopt) {
    people::Person p;
    p.family_name = family_name;
    p.given_names = given;
    p.nationality = nationality;
    p.family_group_id = group;
    auto created = people::create_person(db(), p);
    ASSERT_DB_OK(created);
    persons_.push_back(created->id);
  }

  db::Connection& db() { return **conn_; }
  std::int64_t a() const { return centres_[0]; }
  std::int64_t b() const { return centres_[1]; }
  std::int64_t person(int i) const { return persons_[static_cast<std::size_t>(i - 1)]; }

  std::optional<db::PooledConnection> conn_;
  std::int64_t operator_id_ = 0;
  std::int64_t user_ = 0;
  std::vector<std::int64_t> centres_;
  std::vector<std::int64_t> persons_;
};

}  // namespace innet::reception::storage_test

// An administrator cannot lock themselves out (accounts::check_own_account_change).
#include <gtest/gtest.h>

#include "accounts/accounts.h"

namespace innet::accounts {
namespace {

User admin(std::int64_t id) {
  User u;
  u.id = id;
  u.role = auth::Role::admin;
  u.active = true;
  return u;
}

TEST(OwnAccount, AnAdministratorKeepsTheirOwnAccountActiveAndAdmin) {
  EXPECT_TRUE(check_own_account_change(7, admin(7)).ok());
  User off = admin(7);
  off.active = false;
  auto refused = check_own_account_change(7, off);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(refused.error().fields.at("active").code, "self_lockout");
  User demoted = admin(7);
  demoted.role = auth::Role::analyst;
  EXPECT_EQ(check_own_account_change(7, demoted).error().fields.at("role").code, "self_lockout");
  // Another administrator may do either.
  EXPECT_TRUE(check_own_account_change(8, off).ok());
  EXPECT_TRUE(check_own_account_change(8, demoted).ok());
}

}  // namespace
}  // namespace innet::accounts

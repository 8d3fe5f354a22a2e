// Photos of inspections on both engines: attached to an item of an inspection in progress only,
// found again by their key (a replay), listed with their document, detached only while in
// progress and then left out of the list.
#include "monitoring/photos.h"

#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "documents/documents.h"
#include "support/reception_fixture.h"

namespace innet::monitoring {
namespace {

const std::string kNow = "2026-11-10T09:30:00Z";
const documents::MediaType kPng{"image/png", "png"};

class PhotoStorage : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({4, 0, 0, 0});
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
    NewInspection n{.centre_id = a(),
                    .checklist_id = standard_.id,
                    .planned_date = *CivilDay::parse("2026-11-10"),
                    .team = {inspector_}};
    auto planned = plan_inspection(db(), n, inspector_, kNow);
    ASSERT_DB_OK(planned);
    inspection_ = *planned;
  }

  std::int64_t item(const std::string& code) {
    for (const auto& i : standard_.items)
      if (i.code == code) return i.id;
    return 0;
  }

  // A stored upload linked to the photo, as the route does in its transaction.
  Result<Photo> attached(const std::string& key, const std::string& bytes = "png bytes") {
    auto doc = documents::store_document(db(), bytes, kPng, "foto.png", inspector_);
    if (!doc.ok()) return doc.take_error();
    NewPhoto n{.item_id = item("building.photos"),
               .document_id = doc->id,
               .idempotency_key = key,
               .attached_by = inspector_,
               .attached_at = kNow};
    INNET_ASSIGN_OR_RETURN(auto photo, attach_photo(db(), inspection_, n));
    INNET_TRY(documents::set_owner(db(), doc->id, kPhotoOwnerKind, photo.id, inspector_));
    return find_photo(db(), photo.id);
  }

  std::int64_t inspector_ = 0;
  ChecklistVersion standard_;
  Inspection inspection_;
};

TEST_P(PhotoStorage, AttachedToAnInspectionInProgressOnly) {
  auto early = attached("key-planned-0001");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "wrong_status");
  auto started = start_inspection(db(), inspection_.id, kNow);
  ASSERT_DB_OK(started);
  inspection_ = *started;

  auto photo = attached("key-first-00001");
  ASSERT_DB_OK(photo);
  EXPECT_EQ(photo->item_id, item("building.photos"));
  EXPECT_EQ(photo->document.sha256, documents::sha256_hex("png bytes"));
  EXPECT_EQ(photo->document.owner_kind, std::optional<std::string>(kPhotoOwnerKind));

  auto replay = photo_with_key(db(), inspection_.id, "key-first-00001");
  ASSERT_DB_OK(replay);
  ASSERT_TRUE(replay->has_value());
  EXPECT_EQ((*replay)->id, photo->id);
  auto none = photo_with_key(db(), inspection_.id, "key-unknown-001");
  ASSERT_DB_OK(none);
  EXPECT_FALSE(none->has_value());

  NewPhoto elsewhere{.item_id = 999999,
                     .document_id = photo->document.id,
                     .idempotency_key = "key-elsewhere-1",
                     .attached_by = inspector_,
                     .attached_at = kNow};
  auto refused = attach_photo(db(), inspection_, elsewhere);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "item_not_in_checklist");
  EXPECT_TRUE(refused.error().fields.count("item_id"));

  auto list = photos_of(db(), inspection_.id);
  ASSERT_DB_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).document.id, photo->document.id);
}

TEST_P(PhotoStorage, DetachedWhileInProgressThenLeftOut) {
  auto started = start_inspection(db(), inspection_.id, kNow);
  ASSERT_DB_OK(started);
  inspection_ = *started;
  auto kept = attached("key-kept-000001", "first");
  auto wrong = attached("key-wrong-00001", "second");
  ASSERT_DB_OK(kept);
  ASSERT_DB_OK(wrong);

  auto detached = detach_photo(db(), inspection_, wrong->id, inspector_, kNow);
  ASSERT_DB_OK(detached);
  EXPECT_EQ(detached->detached_at, std::optional<std::string>(kNow));
  auto twice = detach_photo(db(), inspection_, wrong->id, inspector_, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "already_detached");
  auto list = photos_of(db(), inspection_.id);
  ASSERT_DB_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).id, kept->id);

  auto completed = complete_inspection(db(), inspection_.id, kNow);
  ASSERT_DB_OK(completed);
  auto late = detach_photo(db(), *completed, kept->id, inspector_, kNow);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "wrong_status");
  auto missing = detach_photo(db(), *completed, 999999, inspector_, kNow);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

INSTANTIATE_TEST_SUITE_P(Engines, PhotoStorage, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::monitoring

// Storage of uploads on both engines: one copy of the bytes per hash, one record per upload,
// the bytes read back exactly, a document linked once. Also prints what storing a 5 MB file
// costs on the engine (docs/decisions/0016-documents.md).
#include "documents/documents.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "core/crypto.h"
#include "support/reception_fixture.h"

namespace innet::documents {
namespace {

class DocumentStorage : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::initialize());
    set_up_reception({1, 0, 0, 0});
  }
};

const MediaType kPdf{"application/pdf", "pdf"};

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 random(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = static_cast<char>(random() & 0xFF);
  return out;
}

TEST_P(DocumentStorage, StoresOneCopyPerContentAndOneRecordPerUpload) {
  const std::string bytes = "%PDF-1.4\n" + random_bytes(70000, 1) + "\n%%EOF\n";
  auto first = store_document(db(), bytes, kPdf, "foglio.pdf", user_);
  ASSERT_DB_OK(first);
  auto second = store_document(db(), bytes, kPdf, "copia.pdf", user_);
  ASSERT_DB_OK(second);
  EXPECT_NE(first->id, second->id);
  EXPECT_EQ(first->sha256, second->sha256);
  EXPECT_EQ(first->sha256, sha256_hex(bytes));
  EXPECT_EQ(first->size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(count("document_contents"), 1);
  EXPECT_EQ(count("documents"), 2);

  auto read = document_content(db(), first->sha256);
  ASSERT_DB_OK(read);
  EXPECT_TRUE(*read == bytes);  // byte for byte, NULs and high bytes included
  auto found = find_document(db(), second->id);
  ASSERT_DB_OK(found);
  EXPECT_EQ(found->filename, "copia.pdf");
  EXPECT_EQ(found->uploaded_by, user_);
  EXPECT_FALSE(found->owner_kind);
}

TEST_P(DocumentStorage, LinksADocumentOnce) {
  auto d = store_document(db(), "%PDF-1.4\n%%EOF", kPdf, "a.pdf", user_);
  ASSERT_DB_OK(d);
  ASSERT_DB_OK(set_owner(db(), d->id, "register.sheet", 7, user_));
  auto again = set_owner(db(), d->id, "register.sheet", 8, user_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "already_linked");
  auto linked = documents_of(db(), "register.sheet", {7, 8});
  ASSERT_DB_OK(linked);
  ASSERT_EQ(linked->size(), 1u);
  EXPECT_EQ(linked->at(0).owner_id, 7);
  EXPECT_EQ(linked->at(0).linked_by, user_);
  auto other_kind = documents_of(db(), "receipt", {7});
  ASSERT_DB_OK(other_kind);
  EXPECT_TRUE(other_kind->empty());
  auto missing = find_document(db(), d->id + 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

// Not a benchmark with a verdict: the figures the decision quotes, printed on each run.
TEST_P(DocumentStorage, CostOfAFiveMegabyteFile) {
  const std::string bytes = "%PDF-1.4\n" + random_bytes(5 * 1024 * 1024, 2) + "\n%%EOF\n";
  using Clock = std::chrono::steady_clock;
  const int runs = 3;
  double store_ms = 0, read_ms = 0;
  for (int i = 0; i < runs; ++i) {
    std::string variant = bytes;
    variant[20] = static_cast<char>(i);  // a new content each time: no deduplication
    auto t0 = Clock::now();
    db::Transaction tx(db());
    auto d = store_document(db(), variant, kPdf, "big.pdf", user_);
    ASSERT_DB_OK(d);
    ASSERT_DB_OK(tx.commit());
    auto t1 = Clock::now();
    auto back = document_content(db(), d->sha256);
    ASSERT_DB_OK(back);
    auto t2 = Clock::now();
    EXPECT_EQ(back->size(), variant.size());
    store_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    read_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();
  }
  std::printf("[ figures  ] %s: 5 MiB file: store and commit %.1f ms, read %.1f ms (mean of %d)\n",
              engine() == db::Engine::sqlite ? "sqlite" : "postgresql", store_ms / runs,
              read_ms / runs, runs);
}

INSTANTIATE_TEST_SUITE_P(Engines, DocumentStorage, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::documents

// Rotation of the key of sensitive case notes (decision 0025, point 6) on both engines: every
// note re-sealed under a new key and read the same; a rotation stopped before its commit leaves
// every note under the old key, one stopped after it is finished by the startup; the old key no
// longer opens the notes; the earlier texts of corrected notes are re-sealed with them; the
// command's exit codes; the startup seals the earlier texts of sensitive notes left in clear.
#include "app/notes_key.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cases/cases.h"
#include "cases/notes.h"
#include "cli/commands.h"
#include "core/crypto.h"
#include "support/reception_fixture.h"

namespace innet::app {
namespace {

namespace fs = std::filesystem;
using reception::storage_test::ReceptionTest;
using Seals = std::map<std::string, std::int64_t>;

constexpr const char* kNow = "2026-11-02T09:00:00Z";
constexpr int kSensitive = 5;

std::string sensitive_text(int i) {
  return "Riferisce violenze subite, colloquio " + std::to_string(i);
}

class NotesKeyTest : public ReceptionTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::initialize());
    set_up_reception({10, 10, 10, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    std::string pattern = (fs::temp_directory_path() / "innet-keys-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    keys_ = pattern;
    path_ = keys_ + "/case-notes.key";
    auto key = resolve_notes_key(pool(), path_);  // the first run writes the file
    ASSERT_DB_OK(key);
    old_key_ = *key;
    add_person("Rahman", "Abdul", "BD");
    auto c = cases::open_case(db(), person(1), operator_id_, user_, kNow);
    ASSERT_DB_OK(c);
    case_ = c->id;
    for (int i = 0; i < kSensitive; ++i) {
      ASSERT_DB_OK(cases::add_note(db(),
                                   {.case_id = case_,
                                    .sensitivity = "sensitive",
                                    .text = sensitive_text(i),
                                    .written_by = user_,
                                    .written_at = kNow},
                                   old_key_));
      if (i == 2)
        ASSERT_DB_OK(cases::add_note(db(),
                                     {.case_id = case_,
                                      .sensitivity = "normal",
                                      .text = "colloquio ordinario",
                                      .written_by = user_,
                                      .written_at = kNow},
                                     old_key_));
    }
  }
  void TearDown() override {
    ReceptionTest::TearDown();
    if (!keys_.empty()) fs::remove_all(keys_);
  }

  // The case's notes opened with `key`, in order, the normal one included.
  Result<std::vector<std::string>> texts(const std::string& key) {
    INNET_ASSIGN_OR_RETURN(auto notes, cases::notes_of(db(), case_, &key));
    std::vector<std::string> out;
    for (const auto& n : notes) out.push_back(n.text.value_or("(closed)"));
    return out;
  }
  static std::vector<std::string> expected() {
    std::vector<std::string> out;
    for (int i = 0; i < kSensitive; ++i) {
      out.push_back(sensitive_text(i));
      if (i == 2) out.push_back("colloquio ordinario");
    }
    return out;
  }
  // The key in `<path>` + suffix, nothing when the file does not exist.
  std::optional<std::string> file_key(const std::string& suffix = "") {
    auto key = read_notes_key(path_ + suffix);
    EXPECT_TRUE(key.ok());
    return key.ok() ? *key : std::nullopt;
  }
  Seals seals() {
    auto s = cases::seals_by_key(db());
    EXPECT_TRUE(s.ok());
    return s.ok() ? *s : Seals{};
  }
  // Batches of 2: five notes take three, so a failure after the second stops mid-way.
  Result<Rotation> rotate(const RotationCheckpoint& checkpoint = nullptr) {
    audit::Entry entry;
    entry.actor_email = "cli:test";
    entry.action = "cases.notes_key_rotate";
    entry.entity_type = "case_notes";
    return rotate_notes_key(pool(), path_, entry, 2, checkpoint);
  }
  static RotationCheckpoint fail_at(RotationStep at, int nth = 1) {
    return [at, nth, seen = 0](RotationStep step) mutable {
      if (step == at && ++seen == nth) return Status(Error::internal("stopped by the test"));
      return Status::success();
    };
  }
  Config config() {
    Config c;
    c.database_url = url();
    c.db_pool_size = 2;
    c.secrets_file = keys_ + "/secrets.key";
    c.case_notes_key_file = path_;
    return c;
  }

  std::string keys_;
  std::string path_;
  std::string old_key_;
  std::int64_t case_ = 0;
};

TEST_P(NotesKeyTest, RotationResealsEveryNoteUnderANewKeyAndTheOldOneOpensNone) {
  auto rotated = rotate();
  ASSERT_DB_OK(rotated);
  EXPECT_EQ(rotated->resealed, kSensitive);
  EXPECT_FALSE(rotated->finished_earlier);
  const auto new_key = file_key();
  ASSERT_TRUE(new_key);
  EXPECT_NE(*new_key, old_key_);
  EXPECT_EQ(rotated->key_id, cases::notes_key_id(*new_key));
  EXPECT_EQ(file_key(".old"), old_key_);
  EXPECT_FALSE(fs::exists(path_ + ".new"));
  struct stat st {};
  ASSERT_EQ(::stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(seals(), (Seals{{cases::notes_key_id(*new_key), kSensitive}}));

  auto read = texts(*new_key);
  ASSERT_DB_OK(read);
  EXPECT_EQ(*read, expected());
  auto with_old = texts(old_key_);
  ASSERT_FALSE(with_old.ok());
  EXPECT_NE(with_old.error().message.find("sealed under key id " + rotated->key_id),
            std::string::npos)
      << with_old.error().message;
  // The stored bytes changed too: no note opens with the old key, whatever its key id says.
  auto raw = db().query("SELECT sealed FROM case_notes WHERE sealed IS NOT NULL");
  ASSERT_DB_OK(raw);
  for (const auto& r : *raw) {
    const auto b = r.blob(0).bytes;
    EXPECT_FALSE(
        crypto::open_sealed(old_key_, {reinterpret_cast<const char*>(b.data()), b.size()}));
  }
  auto startup = resolve_notes_key(pool(), path_);
  ASSERT_DB_OK(startup);
  EXPECT_EQ(*startup, *new_key);
  auto audited =
      db().query("SELECT details FROM audit_log WHERE action = 'cases.notes_key_rotate'");
  ASSERT_DB_OK(audited);
  ASSERT_EQ(audited->size(), 1u);
  EXPECT_NE((*audited)[0].text(0).find("\"resealed\":5"), std::string::npos);

  // A second rotation replaces the key again; `.old` is then the first rotation's key.
  ASSERT_DB_OK(rotate());
  EXPECT_EQ(file_key(".old"), new_key);
  auto again = texts(*file_key());
  ASSERT_DB_OK(again);
  EXPECT_EQ(*again, expected());
}

// A corrected sensitive note keeps its earlier text sealed (decision 0025, point 11): the rotation
// re-seals it with the notes, the startup counts it, and a version under a key no file holds is
// refused like a note.
TEST_P(NotesKeyTest, RotationResealsTheEarlierTextsOfCorrectedNotes) {
  auto notes = cases::notes_of(db(), case_, &old_key_);
  ASSERT_DB_OK(notes);
  const auto first = (*notes)[0].id;
  ASSERT_DB_OK(cases::correct_note(db(),
                                   {.case_id = case_,
                                    .note_id = first,
                                    .text = "Riferisce violenze subite, colloquio corretto",
                                    .reason = "data sbagliata",
                                    .corrected_by = user_,
                                    .corrected_at = kNow},
                                   old_key_));
  EXPECT_EQ(seals(), (Seals{{cases::notes_key_id(old_key_), kSensitive + 1}}));
  const std::vector<std::string> texts = {sensitive_text(0),
                                          "Riferisce violenze subite, colloquio corretto"};
  const auto version_texts = [&](const std::string& key) -> Result<std::vector<std::string>> {
    INNET_ASSIGN_OR_RETURN(auto versions, cases::note_versions(db(), case_, first, &key));
    std::vector<std::string> out;
    for (const auto& v : versions) out.push_back(v.text.value_or("(closed)"));
    return out;
  };
  auto before = version_texts(old_key_);
  ASSERT_DB_OK(before);
  EXPECT_EQ(*before, texts);

  auto rotated = rotate();
  ASSERT_DB_OK(rotated);
  EXPECT_EQ(rotated->resealed, kSensitive + 1);
  const auto new_key = file_key();
  ASSERT_TRUE(new_key);
  EXPECT_EQ(seals(), (Seals{{rotated->key_id, kSensitive + 1}}));
  auto after = version_texts(*new_key);
  ASSERT_DB_OK(after);
  EXPECT_EQ(*after, texts);
  auto with_old = version_texts(old_key_);
  ASSERT_FALSE(with_old.ok());
  EXPECT_NE(with_old.error().message.find("sealed under key id " + rotated->key_id),
            std::string::npos)
      << with_old.error().message;
  auto raw = db().query("SELECT sealed FROM case_note_versions");
  ASSERT_DB_OK(raw);
  ASSERT_EQ(raw->size(), 1u);
  const auto b = (*raw)[0].blob(0).bytes;
  EXPECT_FALSE(crypto::open_sealed(old_key_, {reinterpret_cast<const char*>(b.data()), b.size()}));
  auto startup = resolve_notes_key(pool(), path_);
  ASSERT_DB_OK(startup);
  EXPECT_EQ(*startup, *new_key);

  // An earlier text under a key no file holds: the startup names it, the rotation changes nothing.
  ASSERT_DB_OK(db().execute("UPDATE case_note_versions SET key_id = 'ffffffffffffffff'"));
  auto refused = resolve_notes_key(pool(), path_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("ffffffffffffffff"), std::string::npos)
      << refused.error().message;
  auto stopped = rotate();
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(file_key(), new_key);
  EXPECT_EQ(seals(), (Seals{{rotated->key_id, kSensitive}, {"ffffffffffffffff", 1}}));
}

// An earlier text left in clear by a note made sensitive before cases' migration 8 (decision
// 0025, point 11): the startup seals it under the file's key, keeping the level it was written
// at, and the history reads the same; a second startup finds nothing left to seal.
TEST_P(NotesKeyTest, TheStartupSealsTheEarlierTextsOfSensitiveNotesLeftInClear) {
  auto notes = cases::notes_of(db(), case_, &old_key_);
  ASSERT_DB_OK(notes);
  const auto first = (*notes)[0].id;
  // What session 14's correction stored: the text of the note when it was normal, in clear.
  ASSERT_DB_OK(db().execute(
      "INSERT INTO case_note_versions (note_id, sensitivity, body, written_by, written_at, "
      "reason, corrected_by, corrected_at) VALUES (?, 'normal', 'parla della madre', ?, ?, "
      "'dati sanitari', ?, ?)",
      {first, user_, kNow, user_, kNow}));
  auto startup = resolve_notes_key(pool(), path_);
  ASSERT_DB_OK(startup);
  EXPECT_EQ(*startup, old_key_);
  auto raw = db().query("SELECT body, sealed, key_id, sensitivity FROM case_note_versions");
  ASSERT_DB_OK(raw);
  ASSERT_EQ(raw->size(), 1u);
  EXPECT_TRUE((*raw)[0].is_null(0));
  const auto b = (*raw)[0].blob(1).bytes;
  EXPECT_EQ(std::string(b.begin(), b.end()).find("madre"), std::string::npos);
  EXPECT_EQ((*raw)[0].text(2), cases::notes_key_id(old_key_));
  EXPECT_EQ((*raw)[0].text(3), "normal");
  auto versions = cases::note_versions(db(), case_, first, &old_key_);
  ASSERT_DB_OK(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].text, "parla della madre");
  EXPECT_EQ((*versions)[0].sensitivity, "normal");
  EXPECT_EQ(seals(), (Seals{{cases::notes_key_id(old_key_), kSensitive + 1}}));
  auto sealed_again = cases::seal_clear_versions(db(), old_key_);
  ASSERT_DB_OK(sealed_again);
  EXPECT_EQ(*sealed_again, 0);
}

TEST_P(NotesKeyTest, AFailureBeforeTheCommitLeavesEveryNoteUnderTheOldKey) {
  for (auto stop :
       {fail_at(RotationStep::new_key_written), fail_at(RotationStep::batch_resealed, 2)}) {
    auto stopped = rotate(stop);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().message, "stopped by the test");
    EXPECT_EQ(file_key(), old_key_);
    EXPECT_TRUE(fs::exists(path_ + ".new"));  // written, never used
    EXPECT_EQ(seals(), (Seals{{cases::notes_key_id(old_key_), kSensitive}}));
    auto read = texts(old_key_);
    ASSERT_DB_OK(read);
    EXPECT_EQ(*read, expected());
    // The startup keeps the old key and leaves `.new` alone.
    auto startup = resolve_notes_key(pool(), path_);
    ASSERT_DB_OK(startup);
    EXPECT_EQ(*startup, old_key_);
    EXPECT_EQ(file_key(), old_key_);
  }
  // The next run replaces the unused `.new` with a key of its own and completes.
  const auto unused = file_key(".new");
  auto rotated = rotate();
  ASSERT_DB_OK(rotated);
  EXPECT_EQ(rotated->resealed, kSensitive);
  EXPECT_NE(file_key(), unused);
  EXPECT_EQ(file_key(".old"), old_key_);
  auto read = texts(*file_key());
  ASSERT_DB_OK(read);
  EXPECT_EQ(*read, expected());
}

TEST_P(NotesKeyTest, ACrashAfterTheCommitIsFinishedAtStartup) {
  auto stopped = rotate(fail_at(RotationStep::committed));
  ASSERT_FALSE(stopped.ok());
  // Committed: every note under `.new`'s key, the file still the old one.
  const auto new_key = file_key(".new");
  ASSERT_TRUE(new_key);
  EXPECT_EQ(file_key(), old_key_);
  EXPECT_EQ(seals(), (Seals{{cases::notes_key_id(*new_key), kSensitive}}));
  auto startup = resolve_notes_key(pool(), path_);
  ASSERT_DB_OK(startup);
  EXPECT_EQ(*startup, *new_key);
  EXPECT_EQ(file_key(), new_key);
  EXPECT_EQ(file_key(".old"), old_key_);
  EXPECT_FALSE(fs::exists(path_ + ".new"));
  auto read = texts(*startup);
  ASSERT_DB_OK(read);
  EXPECT_EQ(*read, expected());
}

TEST_P(NotesKeyTest, ACrashAfterTheCommitIsFinishedByTheNextRun) {
  ASSERT_FALSE(rotate(fail_at(RotationStep::committed)).ok());
  const auto new_key = file_key(".new");
  ASSERT_TRUE(new_key);
  auto finished = rotate();
  ASSERT_DB_OK(finished);
  EXPECT_TRUE(finished->finished_earlier);
  EXPECT_EQ(finished->resealed, 0);
  EXPECT_EQ(file_key(), new_key);
  EXPECT_EQ(file_key(".old"), old_key_);
}

TEST_P(NotesKeyTest, NotesSealedBeforeKeyIdsAreUnderTheFileKeyAndResealed) {
  ASSERT_DB_OK(db().execute("UPDATE case_notes SET key_id = NULL"));
  EXPECT_EQ(seals(), (Seals{{"", kSensitive}}));
  auto startup = resolve_notes_key(pool(), path_);
  ASSERT_DB_OK(startup);
  EXPECT_EQ(*startup, old_key_);
  auto rotated = rotate();
  ASSERT_DB_OK(rotated);
  EXPECT_EQ(rotated->resealed, kSensitive);
  EXPECT_EQ(seals(), (Seals{{rotated->key_id, kSensitive}}));
}

TEST_P(NotesKeyTest, StartupRefusesKeyFilesThatOpenNoneOfTheNotes) {
  ASSERT_DB_OK(create_notes_key(path_));  // the file replaced by another key
  auto replaced = resolve_notes_key(pool(), path_);
  ASSERT_FALSE(replaced.ok());
  EXPECT_EQ(replaced.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(replaced.error().message.find("key id " + cases::notes_key_id(old_key_)),
            std::string::npos)
      << replaced.error().message;
  fs::remove(path_);
  auto missing = resolve_notes_key(pool(), path_);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("is missing"), std::string::npos);
  EXPECT_FALSE(fs::exists(path_));  // never a new key that opens none of them
}

TEST_P(NotesKeyTest, TheCommandsExitCodes) {
  auto missing_key = config();
  missing_key.case_notes_key_file = keys_ + "/none.key";
  EXPECT_EQ(cli::case_notes_rotate_key(missing_key), cli::kExitBadInput);
  EXPECT_FALSE(fs::exists(keys_ + "/none.key"));
  auto no_file = config();
  no_file.database_url = "sqlite://" + keys_ + "/none.db";
  EXPECT_EQ(cli::case_notes_rotate_key(no_file), cli::kExitBadInput);
  EXPECT_FALSE(fs::exists(keys_ + "/none.db"));
  auto empty = config();
  { std::ofstream(keys_ + "/empty.db"); }
  empty.database_url = "sqlite://" + keys_ + "/empty.db";
  EXPECT_EQ(cli::case_notes_rotate_key(empty), cli::kExitBadInput);

  // A note under a key no file holds: a failure, and nothing changed.
  ASSERT_DB_OK(
      db().execute("UPDATE case_notes SET key_id = 'ffffffffffffffff' WHERE id = "
                   "(SELECT MAX(id) FROM case_notes WHERE sealed IS NOT NULL)"));
  EXPECT_EQ(cli::case_notes_rotate_key(config()), cli::kExitFailure);
  EXPECT_EQ(file_key(), old_key_);
  EXPECT_FALSE(fs::exists(path_ + ".new"));
  ASSERT_DB_OK(db().execute("UPDATE case_notes SET key_id = ? WHERE key_id = 'ffffffffffffffff'",
                            {cases::notes_key_id(old_key_)}));

  EXPECT_EQ(cli::case_notes_rotate_key(config()), cli::kExitOk);
  const auto new_key = file_key();
  ASSERT_TRUE(new_key);
  EXPECT_NE(*new_key, old_key_);
  auto read = texts(*new_key);
  ASSERT_DB_OK(read);
  EXPECT_EQ(*read, expected());
}

INSTANTIATE_TEST_SUITE_P(Engines, NotesKeyTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::app

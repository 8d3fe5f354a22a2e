// The key of sensitive case notes (case_notes_key_file) and its rotation (decision 0025, point 6).
// Every sealed note records the id of its key (cases::notes_key_id), so the server's startup
// knows which key file opens the notes, and a rotation that stopped at any point is either
// undone (nothing committed: the old key still opens every note) or finished (committed: the
// new key, waiting in `<file>.new`, is moved into place).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/config.h"
#include "audit/audit_log.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::app {

// case_notes_key_file, or case-notes.key beside secrets_file.
std::string notes_key_path(const Config& config);

// The key that opens every sealed note, at startup and for the tools that seal notes:
// - no sealed notes: the file's key, a new one written when the file is missing;
// - every note under the file's key (or sealed before key ids): the file's key;
// - every note under the key of `<file>.new`: a rotation committed but did not replace the file;
//   it is finished here (the file kept as `<file>.old`, `.new` moved over the file);
// - otherwise an error naming the key ids the notes need and those the files hold.
// With the key found, it seals the earlier texts of sensitive notes still in clear (written
// before cases' migration 8).
Result<std::string> resolve_notes_key(db::Pool& pool, const std::string& path);
Result<std::string> notes_key(const Config& config, db::Pool& pool);

// Where a rotation stands when it calls its checkpoint; a checkpoint that fails stops the
// rotation there, as a crash would (the tests' way to stop it mid-way).
enum class RotationStep { new_key_written, batch_resealed, committed };
using RotationCheckpoint = std::function<Status(RotationStep)>;

struct Rotation {
  std::int64_t resealed = 0;      // notes re-sealed by this run
  std::string key_id;             // the key now in the file
  bool finished_earlier = false;  // a committed rotation was only moved into place
};

// Re-seals every sealed note under a new key, the server stopped (it holds the key in memory):
// 1. the new key is written to `<path>.new` (0600, fsync);
// 2. every note not under it is re-sealed in one transaction (batches of `batch`, opening each
//    with the key its id names: the file's, or `.new`'s and `.old`'s when an earlier run was
//    interrupted or a server wrote under an old key), with `entry` in the audit trail;
// 3. the file is kept as `<path>.old` (a hard link) and `.new` renamed over it.
// A missing key file is invalid_input. Before the commit an error leaves the notes under the old
// key; after it, the startup (resolve_notes_key) or a second run finishes step 3.
Result<Rotation> rotate_notes_key(db::Pool& pool, const std::string& path, audit::Entry entry,
                                  std::int64_t batch = 500,
                                  const RotationCheckpoint& checkpoint = nullptr);

}  // namespace innet::app

// The admin's HSDS upload as a job the web page polls (decision 0038): the upload's body is
// unpacked into a private temporary folder, then read, checked and saved by a thread of its own
// with the same functions as `innet import hsds` (interchange.h), all or nothing, while the page
// reads its phase and progress. One import runs at a time; the last ones are remembered in memory
// (they are the admin's feedback, the audit trail keeps the record).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api.h"
#include "core/result.h"
#include "directory/records.h"

namespace innet::directory {

struct ImportJob {
  std::string id;
  std::string file;                 // the uploaded file's name, as given
  std::string state = "running";    // running, done (imported), refused (rejections), failed
  std::string phase = "unpacking";  // unpacking, reading, checking, saving, finished
  int progress = 0;                 // percent
  std::size_t records = 0, changed = 0, outside_references = 0;
  std::vector<Rejection> rejections;
  std::optional<std::string> error;  // a failure that is not a refused value
  std::int64_t started_by = 0;
  std::string started_at;
};

// Starts the import of `body` (a zip of a data package or a JSON file); 409 import_running while
// another runs; 400 invalid_archive/invalid_file for what cannot be unpacked.
Result<ImportJob> start_import(api::Services& services, const audit::Entry& audit_entry,
                               std::string body, const std::string& file, std::int64_t user_id);
std::optional<ImportJob> find_import(const std::string& id);

}  // namespace innet::directory

// The `innet` command line: each subcommand is a function taking parsed options. Bad input gets a
// message on stderr and exit code 2; a failure of the system (database unreachable) exit code 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/config.h"

namespace innet::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int serve(const app::Config& config);
int migrate(const app::Config& config);
// `only`: bench only, a module's national step alone on a database already seeded (--demo).
int seed(const app::Config& config, bool demo, const std::string& scale,
         const std::string& only = "");
int org_add(const app::Config& config, const std::string& name, const std::string& type,
            const std::optional<std::string>& istat_code);
int user_add(const app::Config& config, const std::string& email, const std::string& name,
             const std::string& role, const std::string& organization, const std::string& password);
int user_set_password(const app::Config& config, const std::string& email,
                      const std::string& password);
int audit_verify(const app::Config& config);
// Checks the presence registers (chains and confirmed days) of every centre, or of one.
int register_verify(const app::Config& config, std::optional<std::int64_t> centre_id);
// Prints the OpenAPI document, without a database: for build steps and the lint.
int openapi();
// `innet import hsds PATH`: a tabular package (a folder with datapackage.json) or a JSON file of
// `object`s (service, organization, service_at_location, taxonomy, taxonomy_term); all or
// nothing, every refused value listed (file, row, field, reason) with exit code 2.
int import_hsds(const app::Config& config, const std::string& path, const std::string& object);
// `innet export hsds --format csv|json PATH`: the directory as a tabular package in the folder
// PATH, or as a JSON array of services with their nested objects in the file PATH.
int export_hsds(const app::Config& config, const std::string& format, const std::string& path);
int occupancy_rebuild(const app::Config& config, const std::string& from_text);
// `innet case-notes rotate-key`: re-seals every sensitive case note under a new key
// (app/notes_key.h), the server stopped. Exit 2 for a database that is not InNet's (never given
// a schema here) or a missing key file; 1 for a failure, with the notes under the old key.
int case_notes_rotate_key(const app::Config& config);

}  // namespace innet::cli

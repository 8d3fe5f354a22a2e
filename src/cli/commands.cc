#include "cli/commands.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "accounts/accounts.h"
#include "accounts/sessions.h"
#include "app/app.h"
#include "app/logging.h"
#include "app/modules.h"
#include "app/notes_key.h"
#include "audit/audit_log.h"
#include "auth/passwords.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/json_input.h"
#include "db/migrations.h"
#include "db/schema.h"
#include "directory/interchange.h"
#include "reception/placements/snapshots.h"
#include "reception/register/register.h"
#include "seed/seed.h"

namespace innet::cli {
namespace {

int report(const Error& e) {
  std::cerr << "innet: " << e.message;
  for (const auto& [field, reason] : e.fields)
    if (e.message.find("'" + field + "'") == std::string::npos)
      std::cerr << " [" << field << ": " << reason.message << "]";
  std::cerr << "\n";
  bool bad_input = e.kind == ErrorKind::invalid_input || e.kind == ErrorKind::unprocessable ||
                   e.kind == ErrorKind::conflict || e.kind == ErrorKind::not_found;
  return bad_input ? kExitBadInput : kExitFailure;
}

// CLI writes are audited like API writes; the actor is the operating-system user.
audit::Entry cli_entry(const std::string& action, const std::string& type, const std::string& id) {
  audit::Entry e;
  const char* login = ::getlogin();
  e.actor_email = std::string("cli:") + (login ? login : std::to_string(::getuid()));
  e.client_address = "local";
  e.action = action;
  e.entity_type = type;
  e.entity_id = id;
  return e;
}

Result<std::unique_ptr<db::Pool>> open(const app::Config& config) {
  if (!crypto::initialize()) return Error::internal("libsodium failed to initialise");
  return app::open_database(config);
}

// Chains the entries the command wrote, so that `audit verify` sees them linked at once.
Status chain(db::Pool& pool, const app::Config& config) {
  INNET_ASSIGN_OR_RETURN(auto secrets, app::load_or_create_secrets(config.secrets_file));
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  for (;;) {
    INNET_ASSIGN_OR_RETURN(auto n, audit::chain_pending(*conn, secrets.audit_key));
    if (n == 0) return Status::success();
  }
}

}  // namespace

int serve(const app::Config& config) {
  app::configure_logging();
  auto app = app::App::open(config);
  if (!app.ok()) return report(app.error());
  auto served = (*app)->serve();
  return served.ok() ? kExitOk : report(served.error());
}

int migrate(const app::Config& config) {
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  std::cout << "schema is up to date (" << app::all_migrations((*pool)->engine()).size()
            << " migrations)\n";
  return kExitOk;
}

int seed(const app::Config& config, bool demo, const std::string& scale, const std::string& only) {
  if (demo == !scale.empty())
    return report(
        Error::make(ErrorKind::invalid_input, "usage", "give either --demo or --scale national"));
  if (!demo && scale != "national")
    return report(
        Error::field(ErrorKind::invalid_input, "scale", FieldError::not_in_list({"national"})));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  std::string chain_key;
  std::string notes_key;
  if (demo) {
    auto secrets = app::load_or_create_secrets(config.secrets_file);
    if (!secrets.ok()) return report(secrets.error());
    chain_key = secrets->audit_key;
    auto key = app::notes_key(config, **pool);
    if (!key.ok()) return report(key.error());
    notes_key = *key;
  }
  // The seed's records are written through the modules' functions, which call one another
  // through the links connected here, as the server's do: a document recorded on a case, for
  // one, queues the persons who bear the same number as likely duplicates.
  app::connect_modules();
  auto modules = app::modules();
  if (!only.empty()) {
    // Bench only (docs/benchmarks.md): some modules' national steps, when the whole national
    // seed is too long for the machine: on a new database, the modules a benchmark needs; on a
    // database a demo seed filled, one module's step over its people and cases.
    if (demo)
      return report(Error::field(ErrorKind::invalid_input, "only",
                                 FieldError::not_in_list({"a list of modules, with --scale"})));
    auto filled = [&]() -> Result<bool> {
      INNET_ASSIGN_OR_RETURN(auto conn, (*pool)->acquire());
      INNET_ASSIGN_OR_RETURN(auto organizations, accounts::count_organizations(*conn));
      return organizations > 0;
    }();
    if (!filled.ok()) return report(filled.error());
    auto chosen = seed::select(modules, only, *filled);
    if (!chosen.ok()) return report(chosen.error());
    modules = std::move(*chosen);
  }
  auto seeded = seed::run(**pool, modules, demo ? api::SeedScale::demo : api::SeedScale::national,
                          chain_key, notes_key);
  if (!seeded.ok()) return report(seeded.error());
  if (demo) {
    std::cout << "seeded the Palermo demo network; accounts (password '" << api::kDemoPassword
              << "'):\n";
    for (const auto& a : seeded->accounts)
      std::cout << "  " << a.email << "  (" << a.organization << ")\n";
  } else {
    std::cout << "seeded national scale: " << seed::summary(seeded->counts) << "\n";
  }
  auto chained = chain(**pool, config);
  return chained.ok() ? kExitOk : report(chained.error());
}

int org_add(const app::Config& config, const std::string& name, const std::string& type,
            const std::optional<std::string>& istat_code) {
  const auto& types = accounts::organization_types();
  if (std::find(types.begin(), types.end(), type) == types.end())
    return report(Error::field(ErrorKind::invalid_input, "type", FieldError::not_in_list(types)));
  if (istat_code && (istat_code->size() != 6 || !parse_int(*istat_code)))
    return report(Error::field(ErrorKind::invalid_input, "istat", FieldError::exact_length(6)));
  if (name.size() < 2)
    return report(Error::field(ErrorKind::invalid_input, "name", FieldError::too_short(2)));
  if (name.size() > 200)
    return report(Error::field(ErrorKind::invalid_input, "name", FieldError::too_long(200)));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  db::Transaction tx(**conn);
  if (!tx.started().ok()) return report(tx.started().error());
  auto org = accounts::create_organization(**conn, {0, name, type, istat_code, ""});
  if (!org.ok()) return report(org.error());
  if (auto s = audit::record(
          **conn, cli_entry("organizations.create", "organization", std::to_string(org->id)));
      !s.ok())
    return report(s.error());
  if (auto s = tx.commit(); !s.ok()) return report(s.error());
  std::cout << "organisation " << org->id << " created: " << org->name << "\n";
  auto chained = chain(**pool, config);
  return chained.ok() ? kExitOk : report(chained.error());
}

int user_add(const app::Config& config, const std::string& email, const std::string& name,
             const std::string& role, const std::string& organization,
             const std::string& password) {
  auto parsed_role = auth::parse_role(role);
  if (!parsed_role)
    return report(Error::field(ErrorKind::invalid_input, "role",
                               FieldError::not_in_list(auth::role_names())));
  if (!is_valid_email(email))
    return report(Error::field(ErrorKind::invalid_input, "email", FieldError::invalid_email()));
  if (auto problem = auth::password_problem(password))
    return report(Error::field(ErrorKind::invalid_input, "password", *problem));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  // The organisation by id or by exact name.
  std::optional<accounts::Organization> org;
  if (auto id = parse_int(organization)) {
    auto found = accounts::find_organization(**conn, *id);
    if (!found.ok()) return report(found.error());
    org = *found;
  } else {
    auto found = accounts::find_organization_by_name(**conn, organization);
    if (!found.ok()) return report(found.error());
    if (!*found)
      return report(
          Error::field(ErrorKind::invalid_input, "org", FieldError::not_found("organisation")));
    org = **found;
  }
  auto hash = auth::hash_password(password);
  if (!hash.ok()) return report(hash.error());
  accounts::User u;
  u.email = email;
  u.display_name = name;
  u.role = *parsed_role;
  u.organization_id = org->id;
  u.password_hash = *hash;
  db::Transaction tx(**conn);
  if (!tx.started().ok()) return report(tx.started().error());
  auto created = accounts::create_user(**conn, u);
  if (!created.ok()) return report(created.error());
  if (auto s =
          audit::record(**conn, cli_entry("users.create", "user", std::to_string(created->id)));
      !s.ok())
    return report(s.error());
  if (auto s = tx.commit(); !s.ok()) return report(s.error());
  std::cout << "user " << created->id << " created: " << created->email << " (" << role << ", "
            << org->name << ")\n";
  auto chained = chain(**pool, config);
  return chained.ok() ? kExitOk : report(chained.error());
}

int user_set_password(const app::Config& config, const std::string& email,
                      const std::string& password) {
  if (auto problem = auth::password_problem(password))
    return report(Error::field(ErrorKind::invalid_input, "password", *problem));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  auto user = accounts::find_user_by_email(**conn, email);
  if (!user.ok()) return report(user.error());
  if (!*user)
    return report(Error::field(ErrorKind::invalid_input, "email", FieldError::not_found("user")));
  auto hash = auth::hash_password(password);
  if (!hash.ok()) return report(hash.error());
  db::Transaction tx(**conn);
  if (!tx.started().ok()) return report(tx.started().error());
  const auto id = (*user)->id;
  for (auto s :
       {accounts::set_password_hash(**conn, id, *hash), accounts::revoke_credentials(**conn, id),
        audit::record(**conn, cli_entry("users.password_reset", "user", std::to_string(id)))})
    if (!s.ok()) return report(s.error());
  if (auto s = tx.commit(); !s.ok()) return report(s.error());
  std::cout << "password changed for " << (*user)->email
            << "; their sessions and API tokens were revoked\n";
  auto chained = chain(**pool, config);
  return chained.ok() ? kExitOk : report(chained.error());
}

int openapi() {
  api::Api api;
  http::Metrics metrics;  // the /metrics route's source; never read here
  app::add_all_routes(api, metrics);
  std::cout << api::openapi_document(api, app::kVersion).dump(2) << "\n";
  return kExitOk;
}

int audit_verify(const app::Config& config) {
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto secrets = app::load_or_create_secrets(config.secrets_file);
  if (!secrets.ok()) return report(secrets.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  auto r = audit::verify(**conn, secrets->audit_key);
  if (!r.ok()) return report(r.error());
  if (!r->intact) {
    std::cout << "audit trail TAMPERED: " << r->problem << " (checked " << r->chained
              << " entries)\n";
    return kExitFailure;
  }
  std::cout << "audit trail intact: " << r->chained << " entries chained, " << r->pending
            << " pending\n";
  return kExitOk;
}

int register_verify(const app::Config& config, std::optional<std::int64_t> centre_id) {
  if (centre_id && *centre_id <= 0)
    return report(Error::field(ErrorKind::invalid_input, "centre", FieldError::below_minimum(1)));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto secrets = app::load_or_create_secrets(config.secrets_file);
  if (!secrets.ok()) return report(secrets.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  auto r = reception::verify_registers(**conn, secrets->audit_key, centre_id);
  if (!r.ok()) return report(r.error());
  for (const auto& p : r->problems)
    std::cout << "centre " << p.centre_id << ": " << p.kind << ": " << p.detail << "\n";
  for (const auto& p : r->awaiting_confirmation)
    std::cout << "centre " << p.centre_id << ": awaiting confirmation: " << p.detail << "\n";
  std::cout << (r->intact() ? "presence registers intact: " : "presence registers TAMPERED: ")
            << r->centres << " centres, " << r->confirmations << " confirmations, " << r->days
            << " confirmed days checked";
  if (!r->awaiting_confirmation.empty())
    std::cout << "; " << r->awaiting_confirmation.size() << " days await re-confirmation";
  std::cout << "\n";
  return r->intact() ? kExitOk : kExitFailure;
}

// `from_text` as typed on the command line: this is where it is parsed.
int occupancy_rebuild(const app::Config& config, const std::string& from_text) {
  const CivilDay today = clock::today();
  const auto from = CivilDay::parse(from_text);
  if (!from || *from > today)
    return report(
        Error::field(ErrorKind::invalid_input, "from",
                     FieldError::date_out_of_range(kEarliestDay.to_string(), today.to_string())));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  db::Transaction tx(**conn);
  if (auto s = tx.started(); !s.ok()) return report(s.error());
  if (auto s = reception::rebuild_snapshots(**conn, *from, today); !s.ok())
    return report(s.error());
  if (auto s = tx.commit(); !s.ok()) return report(s.error());
  std::cout << "occupancy snapshots recomputed from " << reception::snapshot_day(*from).to_string()
            << "\n";
  return kExitOk;
}

int import_hsds(const app::Config& config, const std::string& path, const std::string& object) {
  const std::vector<std::string> roots = {"service", "organization", "service_at_location",
                                          "taxonomy", "taxonomy_term"};
  if (std::find(roots.begin(), roots.end(), object) == roots.end())
    return report(Error::field(ErrorKind::invalid_input, "object", FieldError::not_in_list(roots)));
  if (!std::filesystem::exists(path))
    return report(Error::field(ErrorKind::invalid_input, "path", FieldError::not_found("file")));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  auto audit_entry = [&](db::Connection& c, const directory::ImportReport& r) {
    auto entry =
        cli_entry("directory.import", "hsds", std::filesystem::path(path).filename().string());
    entry.details = "{\"records\":" + std::to_string(r.records) +
                    ",\"changed\":" + std::to_string(r.changed) + "}";
    return audit::record(c, entry);
  };
  auto imported = directory::import_hsds(**conn, path, *directory::table(object), audit_entry);
  if (!imported.ok()) return report(imported.error());
  if (!imported->rejections.empty()) {
    for (const auto& r : imported->rejections)
      std::cerr << r.file << ":" << r.row << ": " << (r.field.empty() ? "-" : r.field) << ": "
                << r.reason.code << ": " << r.reason.message << "\n";
    std::cerr << "innet: " << imported->rejections.size()
              << " refused value(s); nothing was imported\n";
    return kExitBadInput;
  }
  std::cout << imported->records << " records and " << imported->translations
            << " translations read, " << imported->changed << " changed";
  if (imported->outside_references > 0)
    std::cout << ", " << imported->outside_references
              << " reference(s) to records outside the data kept";
  std::cout << "\n";
  auto chained = chain(**pool, config);
  return chained.ok() ? kExitOk : report(chained.error());
}

int export_hsds(const app::Config& config, const std::string& format, const std::string& path) {
  if (format != "csv" && format != "json")
    return report(
        Error::field(ErrorKind::invalid_input, "format", FieldError::not_in_list({"csv", "json"})));
  auto pool = open(config);
  if (!pool.ok()) return report(pool.error());
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return report(conn.error());
  if (format == "csv") {
    auto written = directory::write_tabular(**conn, path);
    if (!written.ok()) return report(written.error());
  } else {
    auto text = directory::write_json(**conn);
    if (!text.ok()) return report(text.error());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << *text;
    if (!out)
      return report(Error::make(ErrorKind::invalid_input, "export_failed", "cannot write " + path));
  }
  std::cout << "exported the directory to " << path << "\n";
  return kExitOk;
}

int case_notes_rotate_key(const app::Config& config) {
  if (!crypto::initialize()) return report(Error::internal("libsodium failed to initialise"));
  // A database named by mistake is never given a schema here: a missing SQLite file, or a
  // database no InNet ever migrated, is bad input.
  constexpr std::string_view kSqlite = "sqlite://";
  const auto& url = config.database_url;
  if (url.starts_with(kSqlite) && !std::filesystem::exists(url.substr(kSqlite.size())))
    return report(Error::field(ErrorKind::invalid_input, "db", FieldError::not_found("database")));
  auto pool = db::Pool::open(url, config.db_pool_size);
  if (!pool.ok()) return report(pool.error());
  {
    auto conn = (*pool)->acquire();
    if (!conn.ok()) return report(conn.error());
    auto schema = db::has_schema(**conn);
    if (!schema.ok()) return report(schema.error());
    if (!*schema)
      return report(
          Error::field(ErrorKind::invalid_input, "db", FieldError::not_found("InNet database")));
  }
  // Brings an older schema to the key ids of the notes (cases' migration 4).
  auto migrated = db::migrate(**pool, app::all_migrations((*pool)->engine()));
  if (!migrated.ok()) return report(migrated.error());
  const auto path = app::notes_key_path(config);
  auto rotated = app::rotate_notes_key(
      **pool, path, cli_entry("cases.notes_key_rotate", "case_notes", "notes_key"));
  if (!rotated.ok()) return report(rotated.error());
  if (rotated->finished_earlier)
    std::cout << "finished the rotation an earlier run committed: ";
  else
    std::cout << "re-sealed " << rotated->resealed << " sensitive note"
              << (rotated->resealed == 1 ? "" : "s") << "; ";
  std::cout << path << " holds the new key (key id " << rotated->key_id << "), " << path
            << ".old the key it replaced: keep that with the database backups made before now, "
               "which need it\n";
  auto chained = chain(**pool, config);
  return chained.ok() ? kExitOk : report(chained.error());
}

}  // namespace innet::cli

// `innet`: serve, migrate, seed, and the administration commands.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"

using innet::cli::kExitBadInput;

namespace {

std::string read_password(const std::string& given, bool from_stdin) {
  if (!from_stdin) return given;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  // Register days, stays and deadlines are days in Italy, whatever the server's own zone.
  if (std::getenv("TZ") == nullptr) setenv("TZ", "Europe/Rome", 1);
  tzset();
  CLI::App app{"InNet: reception and integration network of the Prefettura di Palermo"};
  app.require_subcommand(1);
  app.fallthrough();  // --db and --config may follow the subcommand; subcommands inherit this
  std::optional<std::string> config_file, db_url;
  app.add_option("--config", config_file, "configuration file (key = value lines)");
  app.add_option("--db", db_url, "database URL: sqlite:///path.db or postgresql://...");

  std::optional<std::uint16_t> port;
  std::optional<std::string> bind, web_root;
  auto* serve = app.add_subcommand("serve", "serve the web app and the API");
  serve->add_option("--port", port, "TCP port (0 picks a free one)");
  serve->add_option("--bind", bind, "address to listen on");
  serve->add_option("--web-root", web_root, "folder of the built web app");

  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations");

  bool demo = false;
  std::string scale;
  auto* seed = app.add_subcommand("seed", "fill a new database with generated data");
  seed->add_flag("--demo", demo, "the Palermo demo network with one account per role");
  seed->add_option("--scale", scale, "'national': benchmark-sized data");
  std::string seed_only;
  seed->add_option("--only", seed_only,
                   "bench only, with --scale national: run only these modules' steps "
                   "(comma-separated, e.g. accounts,reception,cases,screening), in the usual "
                   "order, on a new database that must list every module they need; or one "
                   "module's step alone on a database a demo seed filled");

  auto* org = app.add_subcommand("org", "organisations")->require_subcommand(1);
  std::string org_name, org_type;
  std::optional<std::string> istat;
  auto* org_add = org->add_subcommand("add", "add an organisation");
  org_add->add_option("--name", org_name)->required();
  org_add->add_option("--type", org_type, "prefecture, questura, municipality, ...")->required();
  org_add->add_option("--istat", istat, "ISTAT municipality code, e.g. 082053");

  auto* user = app.add_subcommand("user", "user accounts")->require_subcommand(1);
  std::string email, display_name, role, organization, password;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", "add a user");
  user_add->add_option("--email", email)->required();
  user_add->add_option("--name", display_name)->required();
  user_add->add_option("--role", role)->required();
  user_add->add_option("--org", organization, "organisation id or exact name")->required();
  auto* set_password = user->add_subcommand("set-password", "set a user's password");
  set_password->add_option("--email", email)->required();
  for (auto* cmd : {user_add, set_password}) {
    auto* given = cmd->add_option("--password", password, "the password (visible to ps)");
    auto* piped = cmd->add_flag("--password-stdin", password_stdin, "read the password from stdin");
    given->excludes(piped);
  }

  auto* audit = app.add_subcommand("audit", "audit trail")->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "check the hash chain; exit 1 when tampered");

  auto* presence =
      app.add_subcommand("register", "daily presence registers")->require_subcommand(1);
  std::optional<std::int64_t> register_centre;
  auto* register_verify = presence->add_subcommand(
      "verify", "check the confirmation chains and confirmed days; exit 1 when tampered");
  register_verify->add_option("--centre", register_centre, "only this centre (id)");

  auto* openapi =
      app.add_subcommand("openapi", "print the API description (OpenAPI 3.1), no database needed");

  auto* occupancy = app.add_subcommand("occupancy", "occupancy of centres")->require_subcommand(1);
  std::string rebuild_from;
  auto* rebuild = occupancy->add_subcommand(
      "rebuild", "recompute the occupancy snapshots from placements (after a repair or import)");
  rebuild->add_option("--from", rebuild_from, "first day to recompute (YYYY-MM-DD)")->required();

  auto* case_notes =
      app.add_subcommand("case-notes", "sensitive notes of cases")->require_subcommand(1);
  auto* rotate_key = case_notes->add_subcommand(
      "rotate-key",
      "re-seal every sensitive note under a new key (stop the server first; decision 0025)");

  std::string hsds_path, hsds_object = "service", hsds_format;
  auto* import = app.add_subcommand("import", "import data")->require_subcommand(1);
  auto* import_hsds = import->add_subcommand(
      "hsds", "HSDS 3.1: a tabular package (folder with datapackage.json) or a JSON file");
  import_hsds->add_option("path", hsds_path, "the folder or the file")->required();
  import_hsds->add_option("--object", hsds_object,
                          "what the JSON file holds: service (default), organization, "
                          "service_at_location, taxonomy, taxonomy_term");
  auto* export_ = app.add_subcommand("export", "export data")->require_subcommand(1);
  auto* export_hsds = export_->add_subcommand("hsds", "the directory as HSDS 3.1");
  export_hsds->add_option("--format", hsds_format, "csv (a folder) or json (a file)")->required();
  export_hsds->add_option("path", hsds_path, "the folder or the file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }

  namespace cli = innet::cli;
  if (*openapi) return cli::openapi();
  auto config = innet::app::load_config(config_file);
  if (!config.ok()) {
    std::cerr << "innet: " << config.error().message << "\n";
    return kExitBadInput;
  }
  if (db_url) config->database_url = *db_url;
  if (port) config->port = *port;
  if (bind) config->bind_address = *bind;
  if (web_root) config->web_root = *web_root;

  if (*serve) return cli::serve(*config);
  if (*migrate) return cli::migrate(*config);
  if (*seed) return cli::seed(*config, demo, scale, seed_only);
  if (*org_add) return cli::org_add(*config, org_name, org_type, istat);
  if (*user_add)
    return cli::user_add(*config, email, display_name, role, organization,
                         read_password(password, password_stdin));
  if (*set_password)
    return cli::user_set_password(*config, email, read_password(password, password_stdin));
  if (*verify) return cli::audit_verify(*config);
  if (*register_verify) return cli::register_verify(*config, register_centre);
  if (*import_hsds) return cli::import_hsds(*config, hsds_path, hsds_object);
  if (*export_hsds) return cli::export_hsds(*config, hsds_format, hsds_path);
  if (*rebuild) return cli::occupancy_rebuild(*config, rebuild_from);
  if (*rotate_key) return cli::case_notes_rotate_key(*config);
  return kExitBadInput;
}

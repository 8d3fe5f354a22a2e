// PostgreSQL driver on libpq. Statements are prepared once per connection under generated names
// and run with PQexecPrepared; results come back in text format and are converted by column type.

#include "db/database.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace innet::db {

namespace {

// Type OIDs from the server's catalog/pg_type.h, which libpq does not install.
constexpr Oid kInferredOid = 0;  // the server infers the type from where the parameter is used
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

constexpr int kTextFormat = 0;
constexpr int kBinaryFormat = 1;

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
struct LibpqFreer {
  void operator()(void* memory) const { PQfreemem(memory); }
};
using ConnectionPtr = std::unique_ptr<PGconn, ConnectionCloser>;
using ResultPtr = std::unique_ptr<PGresult, ResultClearer>;

// libpq ends its messages with a newline, which would end up inside log lines and JSON.
std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Error unavailable(std::string message) {
  return Error::make(ErrorKind::unavailable, "db_unavailable", std::move(message));
}

// Uses the primary message only: the detail line quotes the offending row's values.
Error error_from(PGconn* connection, const PGresult* result) {
  const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = primary ? std::string(primary) : trimmed(PQerrorMessage(connection));
  const std::string_view state = sqlstate ? sqlstate : "";
  if (state == "23505") {
    return Error::make(ErrorKind::conflict, "unique_violation", std::move(message));
  }
  if (state == "23503") {
    return Error::make(ErrorKind::conflict, "foreign_key_violation", std::move(message));
  }
  if (state == "23514" || state == "23502") {
    return Error::make(ErrorKind::unprocessable, "check_violation", std::move(message));
  }
  // query_canceled: only statement_timeout cancels our statements (nothing calls PQcancel).
  if (state == "57014") {
    return Error::make(ErrorKind::unavailable, "query_timeout", std::move(message));
  }
  if (state == "55P03") {
    return Error::make(ErrorKind::unavailable, "lock_timeout", std::move(message));
  }
  // 08P01 is the client's own mistake (a wrong number of values) and the connection survives it.
  const bool connection_failed = state.starts_with("08") && state != "08P01";
  if (connection_failed || PQstatus(connection) == CONNECTION_BAD) {
    return unavailable(std::move(message));
  }
  return Error::make(ErrorKind::internal, "db_error", std::move(message));
}

bool succeeded(const PGresult* result) {
  if (!result) return false;
  const ExecStatusType status = PQresultStatus(result);
  // An empty script (a migration whose work is all in C++, Migration::then) runs as on SQLite.
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
}

template <class Number>
std::optional<Number> parse_number(std::string_view s) {
  Number value{};
  const auto parsed = std::from_chars(s.data(), s.data() + s.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string format_real(double d) {
  if (std::isnan(d)) return "NaN";  // to_chars may write "-nan", which PostgreSQL rejects
  std::array<char, 32> buffer;      // holds any double, so to_chars cannot run out of room
  const auto formatted = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
  return std::string(buffer.data(), formatted.ptr);
}

// Params in the parallel arrays PQexecPrepared takes. Integers are declared int8, reals float8
// and blobs bytea (sent in binary), so `SELECT ?` or `? + 1` get the types they get on SQLite;
// text and NULL are left for the server to infer, so a string can fill a date or numeric column.
class PostgresParams {
 public:
  explicit PostgresParams(const Params& params) {
    // values points into these strings; reserving up front keeps them from moving.
    formatted_.reserve(params.size());
    for (const Value& value : params) add(value);
  }

  std::vector<Oid> types;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;

 private:
  void add(const Value& value) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            push(kInferredOid, nullptr, 0, kTextFormat);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            push(kInt8Oid, formatted(std::to_string(v)), 0, kTextFormat);
          } else if constexpr (std::is_same_v<T, double>) {
            push(kFloat8Oid, formatted(format_real(v)), 0, kTextFormat);
          } else if constexpr (std::is_same_v<T, std::string>) {
            push(kInferredOid, v.c_str(), 0, kTextFormat);
          } else {
            // A null pointer would mean SQL NULL, and an empty vector's data() may be null.
            const char* bytes =
                v.bytes.empty() ? "" : reinterpret_cast<const char*>(v.bytes.data());
            push(kByteaOid, bytes, static_cast<int>(v.bytes.size()), kBinaryFormat);
          }
        },
        value);
  }

  const char* formatted(std::string text) {
    return formatted_.emplace_back(std::move(text)).c_str();
  }

  void push(Oid type, const char* value, int length, int format) {
    types.push_back(type);
    values.push_back(value);
    lengths.push_back(length);
    formats.push_back(format);
  }

  std::vector<std::string> formatted_;
};

Blob decode_bytea(const char* text) {
  std::size_t size = 0;
  std::unique_ptr<unsigned char, LibpqFreer> bytes(
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size));
  if (!bytes) return Blob{};
  return Blob{std::vector<unsigned char>(bytes.get(), bytes.get() + size)};
}

// A value that does not parse as its declared type (numeric beyond double's range) stays text
// rather than turning into a wrong number.
Value field_value(const PGresult* result, int row, int column, Oid type) {
  if (PQgetisnull(result, row, column)) return nullptr;
  const char* text = PQgetvalue(result, row, column);
  const std::string_view s(text, PQgetlength(result, row, column));
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid:
      if (auto n = parse_number<std::int64_t>(s)) return *n;
      break;
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      if (auto d = parse_number<double>(s)) return *d;
      break;
    case kBoolOid:
      return std::int64_t{s == "t" ? 1 : 0};
    case kByteaOid:
      return decode_bytea(text);
  }
  return std::string(s);
}

Rows read_rows(const PGresult* result) {
  Rows rows;
  const int columns = PQnfields(result);
  std::vector<Oid> types;
  rows.columns.reserve(columns);
  types.reserve(columns);
  for (int c = 0; c < columns; ++c) {
    rows.columns.emplace_back(PQfname(result, c));
    types.push_back(PQftype(result, c));
  }
  const int count = PQntuples(result);
  rows.rows.reserve(count);
  for (int r = 0; r < count; ++r) {
    std::vector<Value> values;
    values.reserve(columns);
    for (int c = 0; c < columns; ++c) values.push_back(field_value(result, r, c, types[c]));
    rows.rows.emplace_back(std::move(values));
  }
  return rows;
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(ConnectionPtr connection) : connection_(std::move(connection)) {}

  Engine engine() const override { return Engine::postgresql; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    INNET_ASSIGN_OR_RETURN(auto result, run(sql, params));
    return read_rows(result.get());
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    INNET_ASSIGN_OR_RETURN(auto result, run(sql, params));
    // Empty for commands that report no count (DDL).
    return parse_number<std::int64_t>(PQcmdTuples(result.get())).value_or(0);
  }

  Status execute_script(std::string_view sql) override { return exec(std::string(sql)); }

  Status begin() override { return exec("BEGIN"); }

  Status commit() override {
    ResultPtr result(PQexec(connection_.get(), "COMMIT"));
    if (!succeeded(result.get())) return error_from(connection_.get(), result.get());
    // COMMIT of a transaction in which a statement failed "succeeds" by rolling back.
    if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
      return Error::make(ErrorKind::internal, "db_error",
                         "the transaction was rolled back because a statement in it failed");
    }
    return Status::success();
  }

  Status rollback() override { return exec("ROLLBACK"); }

  // Session settings, so the server cancels a statement past the limit; the connection stays
  // usable. Set with set_config, whose values can be bound as parameters.
  Status set_time_limits(const TimeLimits& limits) override {
    if (limits == limits_) return Status::success();
    INNET_TRY(
        run("SELECT set_config('statement_timeout', ?, false), "
            "set_config('lock_timeout', ?, false)",
            {std::to_string(limits.statement_ms), std::to_string(limits.lock_ms)}));
    limits_ = limits;
    return Status::success();
  }

  bool healthy() override { return PQstatus(connection_.get()) == CONNECTION_OK; }

  bool in_transaction() const override {
    const PGTransactionStatusType status = PQtransactionStatus(connection_.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
  }

 private:
  Status exec(const std::string& sql) {
    ResultPtr result(PQexec(connection_.get(), sql.c_str()));
    if (!succeeded(result.get())) return error_from(connection_.get(), result.get());
    return Status::success();
  }

  // The same SQL with differently typed values needs its own server-side statement, because the
  // parameter types are fixed when it is prepared.
  Result<std::string> prepared_name(std::string_view sql, const std::vector<Oid>& types) {
    std::string key(sql);
    key += '\0';
    for (Oid type : types) key += std::to_string(type) + ',';
    if (auto cached = statements_.find(key); cached != statements_.end()) return cached->second;

    std::string name = "innet_" + std::to_string(statements_.size());
    ResultPtr result(PQprepare(connection_.get(), name.c_str(),
                               to_postgres_placeholders(sql).c_str(),
                               static_cast<int>(types.size()), types.data()));
    if (!succeeded(result.get())) return error_from(connection_.get(), result.get());
    statements_.emplace(std::move(key), name);
    return name;
  }

  Result<ResultPtr> run(std::string_view sql, const Params& params) {
    const PostgresParams p(params);
    INNET_ASSIGN_OR_RETURN(auto name, prepared_name(sql, p.types));
    ResultPtr result(PQexecPrepared(connection_.get(), name.c_str(),
                                    static_cast<int>(p.values.size()), p.values.data(),
                                    p.lengths.data(), p.formats.data(), kTextFormat));
    if (!succeeded(result.get())) return error_from(connection_.get(), result.get());
    return result;
  }

  ConnectionPtr connection_;
  std::unordered_map<std::string, std::string> statements_;  // cache key -> prepared name
  TimeLimits limits_;                                        // PostgreSQL's defaults: no limits
};

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

}  // namespace

Result<std::unique_ptr<Connection>> open_postgresql(const std::string& conninfo) {
  // Parsing first separates a malformed URL, which retrying will not fix, from a server that is
  // down.
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (!options) {
    std::unique_ptr<char, LibpqFreer> owned_error(parse_error);
    return Error::make(ErrorKind::invalid_input, "db_url_invalid",
                       "invalid PostgreSQL URL: " + trimmed(parse_error));
  }
  PQconninfoFree(options);

  ConnectionPtr connection(PQconnectdb(conninfo.c_str()));
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return unavailable("cannot connect to PostgreSQL: " +
                       trimmed(PQerrorMessage(connection.get())));
  }
  // NOTICEs (e.g. "relation already exists, skipping") would otherwise go to stderr.
  PQsetNoticeProcessor(connection.get(), ignore_notice, nullptr);
  // Decision 0046, measured on national data. No parallel workers: a request reads a page, and
  // starting two workers cost ten times the statement (the case list by a rare vulnerability,
  // 21 ms alone, 220 ms with two). A plan for each statement's values: a prepared statement's
  // generic plan weighs every vulnerability or status alike, where a few hundred cases and a
  // hundred thousand need different plans (the list's count, 22 to 32 ms generic, under 15).
  ResultPtr session(PQexec(connection.get(),
                           "SET max_parallel_workers_per_gather = 0; "
                           "SET plan_cache_mode = force_custom_plan"));
  if (PQresultStatus(session.get()) != PGRES_COMMAND_OK)
    return unavailable("cannot configure the PostgreSQL session: " +
                       trimmed(PQerrorMessage(connection.get())));
  return std::unique_ptr<Connection>(std::make_unique<PostgresConnection>(std::move(connection)));
}

}  // namespace innet::db

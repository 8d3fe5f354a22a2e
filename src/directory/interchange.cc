#include "directory/interchange.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "directory/storage.h"

namespace innet::directory {
namespace {

using nlohmann::json;

Rejection file_rejection(const std::string& file, std::size_t row, std::string field,
                         FieldError reason) {
  return {file, row, std::move(field), std::move(reason)};
}

// translations.csv: its columns, in the order the export writes them.
constexpr std::array<std::string_view, 5> kTranslationColumns{"table_name", "record_id", "field",
                                                              "language", "text"};
constexpr std::string_view kTranslationsResource = "translations";

std::vector<std::string> field_list(std::string_view table) {
  const auto& fields = translatable_fields(table);
  return {fields.begin(), fields.end()};
}

// The refusals of one translation on its own (its record is looked for by check_references);
// `at` names where each of its parts was read.
void check_translation(const Translation& t,
                       const std::function<std::string(std::string_view part)>& at,
                       std::vector<Rejection>& out) {
  auto refuse = [&](std::string_view part, FieldError why) {
    out.push_back({t.file, t.row, at(part), std::move(why)});
  };
  const bool known_table = !translatable_fields(t.table).empty();
  if (t.table.empty()) {
    refuse("table_name", FieldError::required());
  } else if (!known_table) {
    refuse("table_name", FieldError::not_in_list(translatable_tables()));
  }
  if (t.record_id.empty()) {
    refuse("record_id", FieldError::required());
  } else if (!is_uuid(t.record_id)) {
    refuse("record_id", FieldError::wrong_type("uuid"));
  }
  if (t.field.empty()) {
    refuse("field", FieldError::required());
  } else if (known_table && !is_translatable(t.table, t.field)) {
    refuse("field", FieldError::not_in_list(field_list(t.table)));
  }
  if (t.language.empty()) {
    refuse("language", FieldError::required());
  } else if (!is_language(t.language)) {
    refuse("language", FieldError::not_in_list(language_list()));
  }
  if (t.text.empty()) {
    refuse("text", FieldError::required());
  } else if (!is_utf8(t.text)) {
    refuse("text", FieldError::wrong_type("utf8"));
  }
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold commas,
// line breaks and doubled quotes. Returns the records and the row where each begins, or the row
// of a quote left open.
struct CsvRecords {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;
  std::optional<std::size_t> open_quote_at;
};

CsvRecords parse_csv(std::string_view text) {
  CsvRecords out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark
  std::vector<std::string> row;
  std::string cell;
  std::size_t line = 1, row_line = 1;
  bool quoted = false, any = false;
  auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    out.rows.push_back(std::move(row));
    out.lines.push_back(row_line);
    row.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (!any) row_line = line;
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      cell += c;
    }
  }
  if (quoted) out.open_quote_at = row_line;
  if (any) end_row();
  return out;
}

void read_table_csv(const Table& table, const std::filesystem::path& path, Package& out) {
  const std::string file = path.filename().string();
  auto text = read_file(path);
  if (!text) return;  // a table the package does not have
  auto csv = parse_csv(*text);
  if (csv.open_quote_at) {
    out.rejections.push_back(
        file_rejection(file, *csv.open_quote_at, "", FieldError::wrong_type("csv")));
    return;
  }
  if (csv.rows.empty()) return;
  // The header names the columns; their order is free, an unknown one is refused.
  std::vector<std::optional<std::size_t>> column_field;
  for (const auto& name : csv.rows[0]) {
    column_field.push_back(table.index_of(name));
    if (!column_field.back())
      out.rejections.push_back(
          file_rejection(file, 1, is_utf8(name) ? name : "?", FieldError::unknown_field()));
  }
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const auto& cells = csv.rows[r];
    if (cells.size() == 1 && cells[0].empty()) continue;  // a blank line
    Record record(table);
    record.file = file;
    record.row = csv.lines[r];
    if (cells.size() != column_field.size()) {
      const auto columns = std::int64_t(column_field.size());
      out.rejections.push_back(reject(record, "",
                                      cells.size() > column_field.size()
                                          ? FieldError::too_many_items(columns)
                                          : FieldError::too_few_items(columns)));
      continue;
    }
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (column_field[i] && !cells[i].empty()) record.values[*column_field[i]] = cells[i];
    check_record(record, out.rejections);
    out.records.push_back(std::move(record));
  }
}

void read_translations_csv(const std::filesystem::path& path, Package& out) {
  const std::string file = path.filename().string();
  auto text = read_file(path);
  if (!text) return;  // a package without translations
  auto csv = parse_csv(*text);
  if (csv.open_quote_at) {
    out.rejections.push_back(
        file_rejection(file, *csv.open_quote_at, "", FieldError::wrong_type("csv")));
    return;
  }
  if (csv.rows.empty()) return;
  // The header names the columns, in any order; each of the five once, no other.
  std::array<std::optional<std::size_t>, kTranslationColumns.size()> column;
  bool header_ok = true;
  for (std::size_t i = 0; i < csv.rows[0].size(); ++i) {
    const auto& name = csv.rows[0][i];
    auto known = std::find(kTranslationColumns.begin(), kTranslationColumns.end(), name);
    if (known == kTranslationColumns.end() || column[known - kTranslationColumns.begin()]) {
      out.rejections.push_back(file_rejection(
          file, 1, is_utf8(name) ? name : "?",
          known == kTranslationColumns.end() ? FieldError::unknown_field() : FieldError::taken()));
      header_ok = false;
    } else {
      column[known - kTranslationColumns.begin()] = i;
    }
  }
  for (std::size_t k = 0; k < column.size(); ++k) {
    if (column[k]) continue;
    out.rejections.push_back(
        file_rejection(file, 1, std::string(kTranslationColumns[k]), FieldError::required()));
    header_ok = false;
  }
  if (!header_ok) return;
  const std::size_t columns = csv.rows[0].size();
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const auto& cells = csv.rows[r];
    if (cells.size() == 1 && cells[0].empty()) continue;  // a blank line
    if (cells.size() != columns) {
      out.rejections.push_back(file_rejection(
          file, csv.lines[r], "",
          cells.size() > columns ? FieldError::too_many_items(std::int64_t(columns))
                                 : FieldError::too_few_items(std::int64_t(columns))));
      continue;
    }
    Translation t{.table = cells[*column[0]],
                  .record_id = cells[*column[1]],
                  .field = cells[*column[2]],
                  .language = cells[*column[3]],
                  .text = cells[*column[4]],
                  .file = file,
                  .row = csv.lines[r],
                  .record_field = "record_id",
                  .text_field = "text"};
    check_translation(
        t, [](std::string_view part) { return std::string(part); }, out.rejections);
    out.translations.push_back(std::move(t));
  }
}

// The JSON side: objects become records, nested objects records of their own tables.
class Flattener {
 public:
  Flattener(std::string file, Package& out) : file_(std::move(file)), out_(out) {}

  void item(const json& object, const Table& table, std::size_t row) {
    row_ = row;
    flatten(object, table, "", std::nullopt);
  }

  // Records given twice become one; returns them in the order first met.
  void finish() {
    for (auto& r : records_) {
      check_record(r, out_.rejections);
      out_.records.push_back(std::move(r));
    }
    for (auto& t : translations_) out_.translations.push_back(std::move(t));
  }

 private:
  // Returns the object's id, if it has one.
  std::optional<std::string> flatten(const json& object, const Table& table,
                                     const std::string& path,
                                     std::optional<std::pair<std::string_view, std::string>> link) {
    Record r(table);
    r.file = file_;
    r.row = row_;
    r.path = path;
    if (!object.is_object()) {
      out_.rejections.push_back(reject(r, "", FieldError::wrong_type("object")));
      return std::nullopt;
    }
    std::vector<std::pair<const Nested*, const json*>> nested;
    const json* translations = nullptr;
    for (const auto& [key, value] : object.items()) {
      if (key == "translations") {  // our profile's member: no HSDS table has such a field
        translations = &value;
        continue;
      }
      if (auto i = table.index_of(key)) {
        scalar(r, table.fields[*i], value);
        continue;
      }
      auto n = std::find_if(table.nested.begin(), table.nested.end(),
                            [&](const Nested& x) { return x.key == key; });
      if (n == table.nested.end()) {
        out_.rejections.push_back(reject(r, key, FieldError::unknown_field()));
      } else if (!value.is_null()) {
        nested.emplace_back(&*n, &value);
      }
    }
    if (link) link_to(r, link->first, link->second);
    const auto id = r.values[0];
    if (translations && !translations->is_null()) read_translations(r, *translations);
    // A single nested object is the record this one names (a service's organization).
    for (const auto& [n, value] : nested) {
      if (n->many) continue;
      auto child_id =
          flatten(*value, *table_of(*n), path + std::string(n->key) + ".", std::nullopt);
      if (child_id) link_to(r, n->via, *child_id);
    }
    add(std::move(r));
    for (const auto& [n, value] : nested) {
      if (!n->many) continue;
      const std::string key = path + std::string(n->key);
      if (!value->is_array()) {
        out_.rejections.push_back({file_, row_, key, FieldError::wrong_type("object_list")});
        continue;
      }
      for (std::size_t i = 0; i < value->size(); ++i) {
        std::optional<std::pair<std::string_view, std::string>> parent;
        if (id) parent.emplace(n->via, *id);
        flatten((*value)[i], *table_of(*n), key + "[" + std::to_string(i) + "].", parent);
      }
    }
    return id;
  }

  static const Table* table_of(const Nested& n) { return table(n.table); }

  // {"en": {"name": "...", "description": "..."}, "ar": {...}}: a language, then fields.
  void read_translations(const Record& r, const json& member) {
    const std::string at = r.path + "translations";
    const std::string_view name = r.table->name;
    if (translatable_fields(name).empty()) {
      out_.rejections.push_back({file_, row_, at, FieldError::unknown_field()});
      return;
    }
    if (!member.is_object()) {
      out_.rejections.push_back({file_, row_, at, FieldError::wrong_type("object")});
      return;
    }
    if (!r.values[0]) return;  // the record is refused for its missing id
    for (const auto& [language, texts] : member.items()) {
      const std::string in_language = at + "." + language;
      if (!texts.is_object()) {
        out_.rejections.push_back({file_, row_, in_language, FieldError::wrong_type("object")});
        continue;
      }
      bool language_refused = false;
      for (const auto& [field, text] : texts.items()) {
        const std::string where = in_language + "." + field;
        if (!text.is_null() && !text.is_string()) {
          out_.rejections.push_back({file_, row_, where, FieldError::wrong_type("string")});
          continue;
        }
        if (text.is_null() || text.get_ref<const std::string&>().empty()) continue;  // no value
        Translation t{.table = std::string(name),
                      .record_id = *r.values[0],
                      .field = field,
                      .language = language,
                      .text = text.get<std::string>(),
                      .file = file_,
                      .row = row_,
                      .record_field = at,
                      .text_field = where};
        std::vector<Rejection> refused;
        check_translation(
            t, [&](std::string_view part) { return part == "language" ? in_language : where; },
            refused);
        // A language refused once, not once per field.
        for (auto& x : refused) {
          if (x.field == in_language && language_refused) continue;
          if (x.field == in_language) language_refused = true;
          out_.rejections.push_back(std::move(x));
        }
        translations_.push_back(std::move(t));
      }
    }
  }

  void scalar(Record& r, const Field& field, const json& value) {
    std::optional<std::string> text;
    if (value.is_string()) {
      if (field.kind == Kind::number) {
        out_.rejections.push_back(reject(r, field.name, FieldError::wrong_type("number")));
        return;
      }
      text = value.get<std::string>();
    } else if (value.is_number()) {
      if (field.kind != Kind::number) {
        out_.rejections.push_back(reject(r, field.name, FieldError::wrong_type("string")));
        return;
      }
      text = value.dump();
    } else if (!value.is_null()) {
      out_.rejections.push_back(reject(
          r, field.name, FieldError::wrong_type(field.kind == Kind::number ? "number" : "string")));
      return;
    }
    // An empty string is no value, as an empty CSV cell is.
    if (text && !text->empty()) r.values[*r.table->index_of(field.name)] = std::move(text);
  }

  // The nesting says which record this one belongs to; a value saying otherwise is refused.
  void link_to(Record& r, std::string_view field, const std::string& id) {
    auto& value = r.values[*r.table->index_of(field)];
    if (!value) {
      value = id;
    } else if (*value != id) {
      out_.rejections.push_back(reject(r, field, FieldError::taken()));
    }
  }

  void add(Record r) {
    if (!r.values[0]) {
      records_.push_back(std::move(r));  // refused by check_record: no id
      return;
    }
    auto key = std::string(r.table->name) + "/" + *r.values[0];
    auto [it, inserted] = seen_.emplace(key, records_.size());
    if (inserted) {
      records_.push_back(std::move(r));
      return;
    }
    Record& first = records_[it->second];
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      if (!r.values[i]) continue;
      if (!first.values[i]) {
        first.values[i] = r.values[i];
      } else if (*first.values[i] != *r.values[i]) {
        out_.rejections.push_back(reject(r, r.table->fields[i].name, FieldError::taken()));
      }
    }
  }

  std::string file_;
  Package& out_;
  std::size_t row_ = 0;
  std::vector<Record> records_;
  std::vector<Translation> translations_;
  std::unordered_map<std::string, std::size_t> seen_;
};

}  // namespace

std::string to_csv_cell(std::string_view text) {
  // No formula guard (reporting's CSV adds one for spreadsheets): HSDS CSV is read by programs,
  // and a leading apostrophe would change phone numbers ("+39 ...") and negative coordinates.
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Package read_tabular(const std::filesystem::path& folder) {
  Package out;
  const auto descriptor = folder / "datapackage.json";
  auto text = read_file(descriptor);
  if (!text) {
    out.rejections.push_back({"datapackage.json", 0, "", FieldError::required()});
    return out;
  }
  // The resources' paths, when the descriptor lists them; a resource we do not know is refused.
  std::map<const Table*, std::string> paths;
  std::optional<std::string> translations_path;
  json d = json::parse(*text, nullptr, false);
  if (d.is_discarded() || !d.is_object()) {
    out.rejections.push_back({"datapackage.json", 0, "", FieldError::wrong_type("json")});
    return out;
  }
  if (d.contains("resources") && d["resources"].is_array()) {
    for (std::size_t i = 0; i < d["resources"].size(); ++i) {
      const auto& r = d["resources"][i];
      const std::string field = "resources[" + std::to_string(i) + "]";
      if (!r.is_object() || !r.contains("name") || !r["name"].is_string() || !r.contains("path") ||
          !r["path"].is_string()) {
        out.rejections.push_back({"datapackage.json", 0, field, FieldError::wrong_type("object")});
        continue;
      }
      const auto name = r["name"].get<std::string>();
      const Table* t = table(name);
      auto path = r["path"].get<std::string>();
      // Within the folder only: the descriptor is input too.
      if ((!t && name != kTranslationsResource) || path.find("..") != std::string::npos ||
          path.starts_with("/")) {
        out.rejections.push_back(
            {"datapackage.json", 0, field + ".name",
             FieldError::not_in_list({"an HSDS table in the folder", "translations"})});
        continue;
      }
      if (t) {
        paths[t] = path;
      } else {
        translations_path = path;
      }
    }
  } else {
    for (const auto& t : tables()) paths[&t] = std::string(t.resource) + ".csv";
    translations_path = std::string(kTranslationsResource) + ".csv";
  }
  for (const auto& t : tables())
    if (auto p = paths.find(&t); p != paths.end()) read_table_csv(t, folder / p->second, out);
  if (translations_path) read_translations_csv(folder / *translations_path, out);
  return out;
}

Package read_json(std::string_view text, const std::string& file, const Table& root) {
  Package out;
  json document = json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    // nlohmann refuses bytes that are not UTF-8 as malformed JSON: say which it is.
    out.rejections.push_back(
        {file, 0, "",
         is_utf8(text) ? FieldError::wrong_type("json") : FieldError::wrong_type("utf8")});
    return out;
  }
  if (document.is_object() && document.contains("contents")) document = document["contents"];
  if (!document.is_array()) document = json::array({document});
  Flattener flattener(file, out);
  for (std::size_t i = 0; i < document.size(); ++i) flattener.item(document[i], root, i + 1);
  flattener.finish();
  return out;
}

Package read_path(const std::filesystem::path& path, const Table& root) {
  if (std::filesystem::is_directory(path)) return read_tabular(path);
  Package out;
  auto text = read_file(path);
  if (!text) {
    out.rejections.push_back({path.filename().string(), 0, "", FieldError::not_found("file")});
    return out;
  }
  return read_json(*text, path.filename().string(), root);
}

namespace {

// One text per table, record, field and language (a copy with the same words is dropped, one
// with other words refused), of a record of the data or of the database.
Status check_translated_records(db::Connection& c, Package& package,
                                std::unordered_map<const Table*, std::set<std::string>>& ids) {
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::string> seen;
  std::vector<Translation> kept;
  kept.reserve(package.translations.size());
  for (auto& t : package.translations) {
    auto [it, first] = seen.emplace(std::tuple(t.table, t.record_id, t.field, t.language), t.text);
    if (first) {
      kept.push_back(std::move(t));
    } else if (it->second != t.text) {
      package.rejections.push_back({t.file, t.row, t.text_field, FieldError::taken()});
    }
  }
  package.translations = std::move(kept);
  std::unordered_map<const Table*, std::vector<const Translation*>> missing;
  for (const auto& t : package.translations) {
    const Table* target = table(t.table);
    if (!target || target->name != t.table || translatable_fields(t.table).empty() ||
        !is_uuid(t.record_id))
      continue;  // refused already
    if (!ids[target].contains(t.record_id)) missing[target].push_back(&t);
  }
  for (const auto& [target, pending] : missing) {
    std::vector<std::string> wanted;
    for (const auto* t : pending) wanted.push_back(t->record_id);
    INNET_ASSIGN_OR_RETURN(auto found, existing_ids(c, *target, wanted));
    std::set<std::string> stored(found.begin(), found.end());
    for (const auto* t : pending)
      if (!stored.contains(t->record_id))
        package.rejections.push_back(
            {t->file, t->row, t->record_field, FieldError::not_found(std::string(target->name))});
  }
  return Status::success();
}

}  // namespace

Result<std::size_t> check_references(db::Connection& c, Package& package) {
  // The ids of each table in the data; an id twice in one table is refused at its second row.
  std::unordered_map<const Table*, std::set<std::string>> ids;
  for (const auto& r : package.records) {
    if (!r.values[0]) continue;
    if (!ids[r.table].insert(*r.values[0]).second)
      package.rejections.push_back(reject(r, "id", FieldError::taken()));
  }
  // References to records the data does not hold: looked up in the database, a batch per table.
  struct Pending {
    const Record* record;
    const Field* field;
  };
  std::unordered_map<const Table*, std::vector<Pending>> missing;
  for (const auto& r : package.records) {
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      const Field& f = r.table->fields[i];
      if (f.names.empty() || !r.values[i] || !is_uuid(*r.values[i])) continue;
      const Table* target = table(f.names);
      if (!ids[target].contains(*r.values[i])) missing[target].push_back({&r, &f});
    }
  }
  INNET_TRY(check_translated_records(c, package, ids));
  std::size_t outside = 0;
  for (const auto& [target, pending] : missing) {
    std::vector<std::string> wanted;
    for (const auto& p : pending) wanted.push_back(*p.record->value(p.field->name));
    INNET_ASSIGN_OR_RETURN(auto found, existing_ids(c, *target, wanted));
    std::set<std::string> stored(found.begin(), found.end());
    for (const auto& p : pending) {
      if (stored.contains(*p.record->value(p.field->name))) continue;
      if (p.field->may_be_outside) {
        ++outside;
      } else {
        package.rejections.push_back(
            reject(*p.record, p.field->name, FieldError::not_found(std::string(target->name))));
      }
    }
  }
  return outside;
}

Result<ImportReport> check_and_save(db::Connection& c, Package package) {
  ImportReport report;
  report.records = package.records.size();
  report.translations = package.translations.size();
  INNET_ASSIGN_OR_RETURN(report.outside_references, check_references(c, package));
  if (!package.rejections.empty()) {
    report.rejections = std::move(package.rejections);
    return report;  // nothing written
  }
  INNET_ASSIGN_OR_RETURN(report.changed, save(c, package.records));
  INNET_ASSIGN_OR_RETURN(auto translated, save_translations(c, package.translations));
  report.changed += translated;
  return report;
}

Result<ImportReport> import_hsds(
    db::Connection& c, const std::filesystem::path& path, const Table& root,
    const std::function<Status(db::Connection&, const ImportReport&)>& before_commit) {
  db::Transaction tx(c);
  INNET_TRY(tx.started());
  INNET_ASSIGN_OR_RETURN(auto report, check_and_save(c, read_path(path, root)));
  if (!report.rejections.empty()) return report;  // the transaction rolls back
  if (before_commit) INNET_TRY(before_commit(c, report));
  INNET_TRY(tx.commit());
  return report;
}

Lookup database_lookup(db::Connection& c) {
  return [&c](const Table& t, std::string_view field, const std::string& value) {
    return load_where(c, t, field, value);
  };
}

namespace {

Result<json> nest_on(const Record& r, const Lookup& lookup, std::vector<const Table*>& path,
                     bool full, const TranslationIndex* translations) {
  json out = json::object();
  for (std::size_t i = 0; i < r.values.size(); ++i) {
    if (!r.values[i]) continue;
    const Field& f = r.table->fields[i];
    if (f.kind == Kind::number) {
      out[std::string(f.name)] = json::parse(*r.values[i], nullptr, false);
    } else {
      out[std::string(f.name)] = *r.values[i];
    }
  }
  if (translations) {
    auto found = translations->find({std::string(r.table->name), r.id()});
    if (found != translations->end()) out["translations"] = found->second;
  }
  path.push_back(r.table);
  for (const auto& n : r.table->nested) {
    const Table* child = table(n.table);
    if (std::find(path.begin(), path.end(), child) != path.end()) continue;
    if (!full && (n.many || path.size() > 1)) continue;
    if (n.many) {
      INNET_ASSIGN_OR_RETURN(auto children, lookup(*child, n.via, r.id()));
      if (children.empty()) continue;
      json list = json::array();
      for (const auto& x : children) {
        INNET_ASSIGN_OR_RETURN(auto j, nest_on(x, lookup, path, full, translations));
        list.push_back(std::move(j));
      }
      out[std::string(n.key)] = std::move(list);
    } else if (const auto& named = r.value(n.via)) {
      INNET_ASSIGN_OR_RETURN(auto found, lookup(*child, "id", *named));
      if (found.empty()) continue;  // a reference to a record outside the data
      INNET_ASSIGN_OR_RETURN(auto j, nest_on(found.front(), lookup, path, full, translations));
      out[std::string(n.key)] = std::move(j);
    }
  }
  path.pop_back();
  return out;
}

// Every record in memory, with an index per (table, field) built when first asked: the export
// of the whole directory nests each service without a query per nested object.
class MemoryLookup {
 public:
  explicit MemoryLookup(std::map<const Table*, std::vector<Record>> all) : all_(std::move(all)) {}

  Result<std::vector<Record>> operator()(const Table& t, std::string_view field,
                                         const std::string& value) {
    auto key = std::make_pair(&t, std::string(field));
    auto it = index_.find(key);
    if (it == index_.end()) {
      std::unordered_multimap<std::string, std::size_t> index;
      const auto column = t.index_of(field).value();
      const auto& records = all_[&t];
      for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].values[column]) index.emplace(*records[i].values[column], i);
      it = index_.emplace(key, std::move(index)).first;
    }
    std::vector<std::size_t> hits;
    auto [from, to] = it->second.equal_range(value);
    for (auto h = from; h != to; ++h) hits.push_back(h->second);
    std::sort(hits.begin(), hits.end());  // the database's order: by id
    std::vector<Record> out;
    for (auto h : hits) out.push_back(all_[&t][h]);
    return out;
  }

 private:
  std::map<const Table*, std::vector<Record>> all_;
  std::map<std::pair<const Table*, std::string>, std::unordered_multimap<std::string, std::size_t>>
      index_;
};

std::string datapackage_type(Kind kind) {
  switch (kind) {
    case Kind::date:
      return "date";
    case Kind::time:
      return "time";
    case Kind::datetime:
      return "datetime";
    case Kind::number:
      return "number";
    default:
      return "string";
  }
}

}  // namespace

TranslationIndex index_translations(const std::vector<Translation>& translations) {
  TranslationIndex out;
  for (const auto& t : translations) out[{t.table, t.record_id}][t.language][t.field] = t.text;
  return out;
}

Result<json> nest(const Record& record, const Lookup& lookup, bool full,
                  const TranslationIndex* translations) {
  std::vector<const Table*> path;
  return nest_on(record, lookup, path, full, translations);
}

Status write_tabular(db::Connection& c, const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec)
    return Error::make(ErrorKind::invalid_input, "export_failed",
                       folder.string() + ": " + ec.message());
  json resources = json::array();
  for (const auto& t : tables()) {
    INNET_ASSIGN_OR_RETURN(auto records, load(c, t));
    std::string text;
    json fields = json::array();
    for (std::size_t i = 0; i < t.fields.size(); ++i) {
      text += (i ? "," : "") + std::string(t.fields[i].name);
      json f = {{"name", t.fields[i].name}, {"type", datapackage_type(t.fields[i].kind)}};
      if (t.fields[i].kind == Kind::uuid) f["format"] = "uuid";
      if (t.fields[i].required) f["constraints"] = {{"required", true}};
      fields.push_back(std::move(f));
    }
    text += "\r\n";
    for (const auto& r : records) {
      for (std::size_t i = 0; i < r.values.size(); ++i)
        text += (i ? "," : "") + (r.values[i] ? to_csv_cell(*r.values[i]) : std::string());
      text += "\r\n";
    }
    const std::string file = std::string(t.resource) + ".csv";
    std::ofstream out(folder / file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Error::make(ErrorKind::invalid_input, "export_failed", "cannot write " + file);
    resources.push_back({{"name", t.resource},
                         {"path", file},
                         {"profile", "tabular-data-resource"},
                         {"format", "csv"},
                         {"mediatype", "text/csv"},
                         {"encoding", "utf-8"},
                         {"schema", {{"fields", fields}, {"primaryKey", "id"}}}});
  }
  // Our profile's translations, as one more resource of the package.
  INNET_ASSIGN_OR_RETURN(auto translations, all_translations(c));
  std::string text;
  json fields = json::array();
  for (auto column : kTranslationColumns) {
    text += (text.empty() ? "" : ",") + std::string(column);
    json f = {{"name", column}, {"type", "string"}, {"constraints", {{"required", true}}}};
    if (column == "record_id") f["format"] = "uuid";
    if (column == "language") f["constraints"]["enum"] = language_list();
    fields.push_back(std::move(f));
  }
  text += "\r\n";
  for (const auto& t : translations)
    text += to_csv_cell(t.table) + "," + to_csv_cell(t.record_id) + "," + to_csv_cell(t.field) +
            "," + to_csv_cell(t.language) + "," + to_csv_cell(t.text) + "\r\n";
  const std::string file = std::string(kTranslationsResource) + ".csv";
  {
    std::ofstream out(folder / file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Error::make(ErrorKind::invalid_input, "export_failed", "cannot write " + file);
  }
  resources.push_back(
      {{"name", kTranslationsResource},
       {"path", file},
       {"profile", "tabular-data-resource"},
       {"format", "csv"},
       {"mediatype", "text/csv"},
       {"encoding", "utf-8"},
       {"description", "InNet profile: translated texts (table_name is the HSDS object)"},
       {"schema",
        {{"fields", fields}, {"primaryKey", {"table_name", "record_id", "field", "language"}}}}});
  json descriptor = {{"profile", "tabular-data-package"},
                     {"name", "innet-directory"},
                     {"title", "InNet directory of services (HSDS 3.1)"},
                     {"resources", resources}};
  std::ofstream out(folder / "datapackage.json", std::ios::binary | std::ios::trunc);
  out << descriptor.dump(2) << "\n";
  if (!out)
    return Error::make(ErrorKind::invalid_input, "export_failed", "cannot write datapackage.json");
  return Status::success();
}

Result<std::string> write_json(db::Connection& c) {
  std::map<const Table*, std::vector<Record>> all;
  for (const auto& t : tables()) {
    INNET_ASSIGN_OR_RETURN(auto records, load(c, t));
    all[&t] = std::move(records);
  }
  const auto services = all[table("service")];
  INNET_ASSIGN_OR_RETURN(auto translations, all_translations(c));
  const auto index = index_translations(translations);
  auto memory = std::make_shared<MemoryLookup>(std::move(all));
  Lookup lookup = [memory](const Table& t, std::string_view f, const std::string& v) {
    return (*memory)(t, f, v);
  };
  json out = json::array();
  for (const auto& s : services) {
    INNET_ASSIGN_OR_RETURN(auto j, nest(s, lookup, true, &index));
    out.push_back(std::move(j));
  }
  return out.dump(2) + "\n";
}

}  // namespace innet::directory

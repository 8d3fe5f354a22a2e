// The strict JSON body and query validation (src/core/json_input.h) on arbitrary bytes, against
// a spec with every field type. The first byte picks body or query string.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "core/json_input.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

const innet::FieldSpec& spec() {
  using innet::FieldType;
  static const innet::FieldSpec kSpec = {
      {.name = "name", .required = true, .max_length = 20, .min_length = 1},
      {.name = "count", .type = FieldType::integer, .min_value = 0, .max_value = 5},
      {.name = "kind", .allowed = {"a", "b"}},
      {.name = "code", .nullable = true, .digits_only = true, .exact_length = 6},
      {.name = "on", .type = FieldType::boolean},
      {.name = "mail", .type = FieldType::email},
      {.name = "day", .type = FieldType::date},
      {.name = "lat", .type = FieldType::number, .min_number = -90, .max_number = 90},
      {.name = "tags", .type = FieldType::string_list, .max_length = 5, .max_items = 3},
      {.name = "ids", .type = FieldType::integer_list, .min_value = 1, .max_items = 4},
      {.name = "lines",
       .type = FieldType::object_list,
       .max_items = 3,
       .items = {{.name = "person_id", .type = FieldType::integer, .required = true},
                 {.name = "days", .type = FieldType::integer, .min_value = 0, .max_value = 31},
                 {.name = "from", .type = FieldType::date}}},
  };
  return kSpec;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    auto body = innet::parse_body(text, spec());
    // A body that passes is an object holding the required field, and nothing unknown.
    if (body.ok()) {
      check(body->is_object() && body->contains("name"));
      for (const auto& [key, value] : body->items()) {
        bool known = false;
        for (const auto& field : spec()) known = known || field.name == key;
        check(known);
      }
    } else {
      check(!body.error().code.empty());
    }
    return 0;
  }
  // Query parameters arrive as "name=value" lines here, decoded already by the server.
  std::string_view all = text;
  std::map<std::string, std::string> query;
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    std::size_t eq = line.find('=');
    query.emplace(line.substr(0, eq), eq == std::string_view::npos ? "" : line.substr(eq + 1));
  }
  (void)innet::check_query(query, spec());
  auto paging = innet::parse_paging(query);
  if (paging.ok()) check(paging->page >= 1 && paging->per_page >= 1 && paging->per_page <= 100);
  (void)innet::parse_int(all);
  (void)innet::is_valid_email(all);
  (void)innet::CivilDay::parse(all);
  return 0;
}

#include "api/object_type.h"

namespace innet::api {

nlohmann::json ref(const std::string& schema) {
  return {{"$ref", "#/components/schemas/" + schema}};
}

nlohmann::json nullable(nlohmann::json schema) {
  if (schema.contains("type") && schema["type"].is_string()) {
    schema["type"] = {schema["type"], "null"};
    return schema;
  }
  return {{"anyOf", {std::move(schema), {{"type", "null"}}}}};
}

nlohmann::json EnumType::schema() const {
  nlohmann::json s = {{"type", "string"}, {"enum", values_}};
  if (!description_.empty()) s["description"] = description_;
  return s;
}

ListType& ListType::with(std::string name, nlohmann::json schema, const Described* refers_to) {
  extra_[std::move(name)] = std::move(schema);
  if (refers_to) extra_references_.push_back(refers_to);
  return *this;
}

nlohmann::json ListType::schema() const {
  nlohmann::json properties = {{"items", {{"type", "array"}, {"items", ref(item_->name())}}}};
  nlohmann::json required = {"items"};
  if (paged_) {
    for (const char* name : {"total", "page", "per_page"}) {
      properties[name] = {{"type", "integer"}};
      required.push_back(name);
    }
  }
  for (const auto& [name, schema] : extra_.items()) {
    properties[name] = schema;
    required.push_back(name);
  }
  return {{"type", "object"},
          {"required", std::move(required)},
          {"properties", std::move(properties)},
          {"additionalProperties", false}};
}

std::vector<const Described*> ListType::references() const {
  std::vector<const Described*> out = {item_};
  out.insert(out.end(), extra_references_.begin(), extra_references_.end());
  return out;
}

}  // namespace innet::api

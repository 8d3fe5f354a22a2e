// One description per response type, from which both its JSON and its JSON Schema (the OpenAPI
// component) are produced, so that an answer and its documentation cannot disagree
// (docs/decisions/0012-api-contract.md). A module builds each description once:
//
//   const api::ObjectType<Person>& person_type() {
//     static const auto type = api::ObjectType<Person>("Person")
//         .field("id", &Person::id)                               // integer
//         .field("sex", &Person::sex, {.allowed = sexes()})       // string, enum
//         .field("birth_date", &Person::birth_date, {.format = "date"})  // string or null
//         .field("languages", &Person::languages);                // array of strings
//     return type;
//   }
//   nlohmann::json to_json(const Person& p) { return person_type().to_json(p); }
//   ... api.add_schema(person_type());
//
// A property reads the value through a member pointer or a function of the value; its JSON type
// follows from the C++ type: integers -> integer, floating point -> number, bool -> boolean,
// std::string -> string, std::optional<V> -> V or null, std::vector<V> -> array of V, another
// described type (passed beside the getter) -> $ref. Every property is required (a nullable one
// is sent as null) unless it is added with field_when. No other property is allowed.
#pragma once

#include <algorithm>
#include <charconv>
#include <functional>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_text.h"

namespace innet::api {

// What the C++ type does not say about a property.
struct FieldDoc {
  std::string description;
  std::vector<std::string> allowed;  // the vocabulary of a string, e.g. centre_types()
  std::string format;                // "date", "date-time"
  nlohmann::json schema;             // instead of the deduced one, for free-form JSON values
};

// A named schema of the OpenAPI components, and the named schemas it refers to.
class Described {
 public:
  virtual ~Described() = default;
  const std::string& name() const { return name_; }
  virtual nlohmann::json schema() const = 0;
  virtual std::vector<const Described*> references() const = 0;

 protected:
  explicit Described(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};

nlohmann::json ref(const std::string& schema);
// `schema`, or null.
nlohmann::json nullable(nlohmann::json schema);

template <class T>
class ObjectType;

// A vocabulary with a name of its own (e.g. Role), so that clients read the list from the
// document instead of repeating it.
class EnumType final : public Described {
 public:
  EnumType(std::string name, std::vector<std::string> values, std::string description = "")
      : Described(std::move(name)),
        values_(std::move(values)),
        description_(std::move(description)) {}
  nlohmann::json schema() const override;
  std::vector<const Described*> references() const override { return {}; }

 private:
  std::vector<std::string> values_;
  std::string description_;
};

namespace detail {

template <class V>
struct is_optional : std::false_type {};
template <class V>
struct is_optional<std::optional<V>> : std::true_type {};
template <class V>
struct is_vector : std::false_type {};
template <class V>
struct is_vector<std::vector<V>> : std::true_type {};

// Optional and vector layers around the innermost value, which `leaf` converts.
template <class V, class Leaf>
nlohmann::json schema_for(const Leaf& leaf) {
  if constexpr (is_optional<V>::value)
    return nullable(schema_for<typename V::value_type>(leaf));
  else if constexpr (is_vector<V>::value)
    return {{"type", "array"}, {"items", schema_for<typename V::value_type>(leaf)}};
  else
    return leaf.template schema<V>();
}

template <class V, class Leaf>
nlohmann::json value_for(const V& value, const Leaf& leaf) {
  if constexpr (is_optional<V>::value) {
    return value ? value_for(*value, leaf) : nlohmann::json();
  } else if constexpr (is_vector<V>::value) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : value) array.push_back(value_for(item, leaf));
    return array;
  } else {
    return leaf.value(value);
  }
}

// Numbers, booleans, strings and free-form JSON.
// The same value written as JSON text (core/json_text.h), false on invalid UTF-8.
template <class V, class Leaf>
bool write_value(std::string& out, const V& value, const Leaf& leaf) {
  if constexpr (is_optional<V>::value) {
    if (!value) {
      out += "null";
      return true;
    }
    return write_value(out, *value, leaf);
  } else if constexpr (is_vector<V>::value) {
    out += '[';
    bool first = true;
    for (const typename V::value_type& item : value) {
      if (!first) out += ',';
      first = false;
      if (!write_value(out, item, leaf)) return false;
    }
    out += ']';
    return true;
  } else {
    return leaf.write(out, value);
  }
}

struct Scalar {
  template <class V>
  nlohmann::json schema() const {
    if constexpr (std::is_same_v<V, bool>)
      return {{"type", "boolean"}};
    else if constexpr (std::is_integral_v<V>)
      return {{"type", "integer"}};
    else if constexpr (std::is_floating_point_v<V>)
      return {{"type", "number"}};
    else if constexpr (std::is_same_v<V, std::string>)
      return {{"type", "string"}};
    else if constexpr (std::is_same_v<V, nlohmann::json>)
      return nlohmann::json::object();
    else
      static_assert(!sizeof(V), "no JSON type for this C++ type: describe it as an ObjectType");
  }
  template <class V>
  nlohmann::json value(const V& value) const {
    return value;
  }
  template <class V>
  bool write(std::string& out, const V& value) const {
    if constexpr (std::is_same_v<V, bool>) {
      out += value ? "true" : "false";
    } else if constexpr (std::is_integral_v<V>) {
      char digits[24];
      out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    } else if constexpr (std::is_same_v<V, std::string>) {
      return append_json_string(out, value);
    } else {  // numbers with a fraction and free-form json: nlohmann's formatting
      return append_json(out, nlohmann::json(value));
    }
    return true;
  }
};

// Values of another described type.
template <class U>
struct Nested {
  const ObjectType<U>* type;
  template <class V>
  nlohmann::json schema() const {
    static_assert(std::is_same_v<V, U>, "the getter does not return the described type");
    return ref(type->name());
  }
  nlohmann::json value(const U& value) const { return type->to_json(value); }
  bool write(std::string& out, const U& value) const { return type->write(out, value); }
};

template <class T, class Get>
using value_type = std::remove_cvref_t<std::invoke_result_t<const Get&, const T&>>;

}  // namespace detail

template <class T>
class ObjectType final : public Described {
 public:
  explicit ObjectType(std::string name, std::string description = "")
      : Described(std::move(name)), description_(std::move(description)) {}

  // A property of a scalar type, or an optional or a list of one.
  template <class Get>
  ObjectType& field(std::string name, Get get, FieldDoc doc = {}) {
    return add(std::move(name), get, detail::Scalar{}, std::move(doc), nullptr);
  }
  // A property holding a value of another described type (or an optional or a list of them).
  template <class Get, class U>
  ObjectType& field(std::string name, Get get, const ObjectType<U>& type, FieldDoc doc = {}) {
    references_.push_back(&type);
    return add(std::move(name), get, detail::Nested<U>{&type}, std::move(doc), nullptr);
  }
  // A string property from a named vocabulary: a $ref to it.
  template <class Get>
  ObjectType& field(std::string name, Get get, const EnumType& vocabulary, FieldDoc doc = {}) {
    static_assert(std::is_same_v<detail::value_type<T, Get>, std::string>);
    references_.push_back(&vocabulary);
    doc.schema = ref(vocabulary.name());
    return add(std::move(name), get, detail::Scalar{}, std::move(doc), nullptr);
  }
  // A property that only some answers carry (e.g. a field set the caller may see): not required.
  template <class Get>
  ObjectType& field_when(std::function<bool(const T&)> present, std::string name, Get get,
                         FieldDoc doc = {}) {
    return add(std::move(name), get, detail::Scalar{}, std::move(doc), std::move(present));
  }
  // Every property of `base` but those named in `except`, read from the part of the value that
  // `get` returns: a record plus what a route adds to it (e.g. a centre with its operator's
  // name), or a record with one property told in more detail (a user's id as the user's name).
  template <class Get, class U>
  ObjectType& include(const ObjectType<U>& base, Get get, std::vector<std::string> except = {}) {
    for (const auto& p : base.properties_) {
      if (std::find(except.begin(), except.end(), p.name) != except.end()) continue;
      std::function<bool(const T&)> present;
      if (p.present)
        present = [get, inner = p.present](const T& v) { return inner(std::invoke(get, v)); };
      properties_.push_back(
          {p.name, p.key, p.schema, std::move(present),
           [get, inner = p.value](const T& v) { return inner(std::invoke(get, v)); },
           [get, inner = p.write](std::string& out, const T& v) {
             return inner(out, std::invoke(get, v));
           }});
    }
    references_.insert(references_.end(), base.references_.begin(), base.references_.end());
    sort_keys();
    return *this;
  }

  nlohmann::json to_json(const T& value) const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& p : properties_)
      if (!p.present || p.present(value)) j[p.name] = p.value(value);
    return j;
  }

  // The text of dump(to_json(value)), byte for byte, without building the json tree: one
  // allocation-free pass for the answers that hot paths send (GET /auth/me, a person). Keys go
  // in the order of nlohmann's objects (sorted), so the two stay interchangeable. False on
  // invalid UTF-8 (see core/json_text.h).
  bool write(std::string& out, const T& value) const {
    out += '{';
    bool first = true;
    for (std::size_t i : key_order_) {
      const Property& p = properties_[i];
      if (p.present && !p.present(value)) continue;
      if (!first) out += ',';
      first = false;
      out += p.key;
      if (!p.write(out, value)) return false;
    }
    out += '}';
    return true;
  }

  nlohmann::json schema() const override {
    nlohmann::json required = nlohmann::json::array();
    nlohmann::json properties = nlohmann::json::object();
    for (const auto& p : properties_) {
      if (!p.present) required.push_back(p.name);
      properties[p.name] = p.schema;
    }
    nlohmann::json s = {{"type", "object"},
                        {"required", std::move(required)},
                        {"properties", std::move(properties)},
                        {"additionalProperties", false}};
    if (!description_.empty()) s["description"] = description_;
    return s;
  }

  std::vector<const Described*> references() const override { return references_; }

 private:
  template <class>
  friend class ObjectType;

  struct Property {
    std::string name;
    std::string key;  // "name": as written in JSON text
    nlohmann::json schema;
    std::function<bool(const T&)> present;  // empty: always there
    std::function<nlohmann::json(const T&)> value;
    std::function<bool(std::string&, const T&)> write;
  };

  void sort_keys() {
    key_order_.resize(properties_.size());
    std::iota(key_order_.begin(), key_order_.end(), std::size_t{0});
    std::stable_sort(key_order_.begin(), key_order_.end(), [this](std::size_t a, std::size_t b) {
      return properties_[a].name < properties_[b].name;
    });
    // A json object holds a key once: a second property of that name is a mistake in the type.
    for (std::size_t i = 1; i < key_order_.size(); ++i)
      if (properties_[key_order_[i]].name == properties_[key_order_[i - 1]].name)
        throw std::logic_error(name() + " describes " + properties_[key_order_[i]].name + " twice");
  }

  template <class Get, class Leaf>
  ObjectType& add(std::string name, Get get, Leaf leaf, FieldDoc doc,
                  std::function<bool(const T&)> present) {
    using V = detail::value_type<T, Get>;
    nlohmann::json schema = doc.schema.is_null() ? detail::schema_for<V>(leaf) : doc.schema;
    if (!doc.description.empty()) schema["description"] = doc.description;
    if (!doc.format.empty()) schema["format"] = doc.format;
    if (!doc.allowed.empty()) {
      schema["enum"] = doc.allowed;
      if (detail::is_optional<V>::value) schema["enum"].push_back(nullptr);
    }
    std::string key;
    append_json_string(key, name);
    key += ':';
    properties_.push_back(
        {std::move(name), std::move(key), std::move(schema), std::move(present),
         [get, leaf](const T& v) { return detail::value_for(std::invoke(get, v), leaf); },
         [get, leaf](std::string& out, const T& v) {
           return detail::write_value(out, std::invoke(get, v), leaf);
         }});
    sort_keys();
    return *this;
  }

  std::string description_;
  std::vector<Property> properties_;
  std::vector<std::size_t> key_order_;  // properties_ by name: the order of json objects
  std::vector<const Described*> references_;
};

// The envelope of a list answer: {"items": [...]}, and total, page and per_page when paged.
class ListType final : public Described {
 public:
  ListType(std::string name, const Described& item, bool paged)
      : Described(std::move(name)), item_(&item), paged_(paged) {}
  // A property the route adds beside the items (e.g. the day of an occupancy list).
  ListType& with(std::string name, nlohmann::json schema, const Described* refers_to = nullptr);
  nlohmann::json schema() const override;
  std::vector<const Described*> references() const override;

 private:
  const Described* item_;
  bool paged_;
  nlohmann::json extra_ = nlohmann::json::object();
  std::vector<const Described*> extra_references_;
};

}  // namespace innet::api

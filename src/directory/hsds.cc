#include "directory/hsds.h"

#include <algorithm>

namespace innet::directory {
namespace {

// The parts every table shares: its attributes (taxonomy terms linked to the record through
// link_id) and its change history (metadata, through resource_id).
const Nested kAttributes{"attributes", "attribute", true, "link_id"};
const Nested kMetadata{"metadata", "metadata", true, "resource_id"};

Field f(std::string_view name, Kind kind = Kind::text) {
  return {.name = name, .kind = kind};
}
Field required(Field field) {
  field.required = true;
  return field;
}
// A uuid naming a record of `table`.
Field ref(std::string_view name, std::string_view table) {
  return {.name = name, .kind = Kind::uuid, .names = table};
}
Field outside(Field field) {
  field.may_be_outside = true;
  return field;
}
Field one_of(std::string_view name, std::vector<std::string_view> choices) {
  return {.name = name, .kind = Kind::choice, .choices = std::move(choices)};
}

std::vector<Table> describe() {
  using enum Kind;
  const Field id = required(f("id", uuid));
  // The references HSDS 3.1 lets name a record outside the data (may_be_outside): the official
  // examples themselves name a parent organisation, a taxonomy and a parent term, and the
  // organisation of a location or contact, that they do not contain (decision 0034).
  return {
      {"organization",
       "organizations",
       "directory_organizations",
       {id, required(f("name")), f("alternate_name"), required(f("description")), f("email", email),
        f("website", uri), f("tax_status"), f("tax_id"), f("year_incorporated", number),
        f("legal_status"), f("logo"), f("uri", uri),
        outside(ref("parent_organization_id", "organization"))},
       {{"funding", "funding", true, "organization_id"},
        {"contacts", "contact", true, "organization_id"},
        {"phones", "phone", true, "organization_id"},
        {"locations", "location", true, "organization_id"},
        {"programs", "program", true, "organization_id"},
        {"organization_identifiers", "organization_identifier", true, "organization_id"},
        {"services", "service", true, "organization_id"},
        kAttributes,
        kMetadata}},
      {"program",
       "programs",
       "directory_programs",
       {id, ref("organization_id", "organization"), required(f("name")), f("alternate_name"),
        required(f("description"))},
       {kAttributes, kMetadata}},
      {"service",
       "services",
       "directory_services",
       {id,
        ref("organization_id", "organization"),
        ref("program_id", "program"),
        required(f("name")),
        f("alternate_name"),
        f("description"),
        f("url", uri),
        f("email", email),
        required(one_of("status", {"active", "inactive", "defunct", "temporarily closed"})),
        f("interpretation_services"),
        f("application_process"),
        f("fees_description"),
        f("wait_time"),
        f("fees"),
        f("accreditations"),
        f("eligibility_description"),
        f("minimum_age", number),
        f("maximum_age", number),
        f("assured_date", date),
        f("assurer_email", email),
        f("licenses"),
        f("alert"),
        f("last_modified", datetime)},
       {{"phones", "phone", true, "service_id"},
        {"schedules", "schedule", true, "service_id"},
        {"service_areas", "service_area", true, "service_id"},
        {"service_at_locations", "service_at_location", true, "service_id"},
        {"languages", "language", true, "service_id"},
        {"organization", "organization", false, "organization_id"},
        {"funding", "funding", true, "service_id"},
        {"cost_options", "cost_option", true, "service_id"},
        {"program", "program", false, "program_id"},
        {"required_documents", "required_document", true, "service_id"},
        {"contacts", "contact", true, "service_id"},
        kAttributes,
        kMetadata}},
      {"attribute",
       "attributes",
       "directory_attributes",
       {id, f("link_id", uuid), ref("taxonomy_term_id", "taxonomy_term"), f("link_type"),
        f("link_entity"), f("value")},
       {{"taxonomy_term", "taxonomy_term", false, "taxonomy_term_id"}, kMetadata}},
      {"service_at_location",
       "service_at_location",
       "directory_service_at_location",
       {id, ref("service_id", "service"), ref("location_id", "location"), f("description")},
       {{"contacts", "contact", true, "service_at_location_id"},
        {"phones", "phone", true, "service_at_location_id"},
        {"schedules", "schedule", true, "service_at_location_id"},
        {"location", "location", false, "location_id"},
        {"service", "service", false, "service_id"},
        kAttributes,
        kMetadata}},
      {"location",
       "locations",
       "directory_locations",
       {id, required(one_of("location_type", {"physical", "postal", "virtual"})), f("url", uri),
        outside(ref("organization_id", "organization")), f("name"), f("alternate_name"),
        f("description"), f("transportation"), f("latitude", number), f("longitude", number),
        f("external_identifier"), f("external_identifier_type")},
       {{"languages", "language", true, "location_id"},
        {"addresses", "address", true, "location_id"},
        {"contacts", "contact", true, "location_id"},
        {"accessibility", "accessibility", true, "location_id"},
        {"phones", "phone", true, "location_id"},
        {"schedules", "schedule", true, "location_id"},
        kAttributes,
        kMetadata}},
      {"phone",
       "phones",
       "directory_phones",
       {id, ref("location_id", "location"), ref("service_id", "service"),
        ref("organization_id", "organization"), ref("contact_id", "contact"),
        ref("service_at_location_id", "service_at_location"), required(f("number")),
        f("extension", number), f("type"), f("description")},
       {{"languages", "language", true, "phone_id"}, kAttributes, kMetadata}},
      {"contact",
       "contacts",
       "directory_contacts",
       {id, outside(ref("organization_id", "organization")), ref("service_id", "service"),
        outside(ref("service_at_location_id", "service_at_location")),
        ref("location_id", "location"), f("name"), f("title"), f("department"), f("email", email)},
       {{"phones", "phone", true, "contact_id"}, kAttributes, kMetadata}},
      {"address",
       "addresses",
       "directory_addresses",
       {id, ref("location_id", "location"), f("attention"), required(f("address_1")),
        f("address_2"), required(f("city")), f("region"), required(f("state_province")),
        required(f("postal_code")), required(f("country")),
        required(one_of("address_type", {"physical", "postal", "virtual"}))},
       {kAttributes, kMetadata}},
      {"schedule",
       "schedules",
       "directory_schedules",
       {id,
        ref("service_id", "service"),
        ref("location_id", "location"),
        ref("service_at_location_id", "service_at_location"),
        f("valid_from", date),
        f("valid_to", date),
        f("dtstart", date),
        f("timezone", number),
        f("until", date),
        f("count", number),
        one_of("wkst", {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}),
        one_of("freq", {"WEEKLY", "MONTHLY"}),
        f("interval", number),
        f("byday"),
        f("byweekno"),
        f("bymonthday"),
        f("byyearday"),
        f("description"),
        f("opens_at", Kind::time),
        f("closes_at", Kind::time),
        f("schedule_link", uri),
        f("attending_type"),
        f("notes")},
       {kAttributes, kMetadata}},
      {"funding",
       "funding",
       "directory_funding",
       {id, ref("organization_id", "organization"), ref("service_id", "service"), f("source")},
       {kAttributes, kMetadata}},
      {"service_area",
       "service_areas",
       "directory_service_areas",
       {id, ref("service_id", "service"), f("name"), f("description"), f("extent"),
        f("extent_type"), f("uri")},
       {kAttributes, kMetadata}},
      {"required_document",
       "required_documents",
       "directory_required_documents",
       {id, ref("service_id", "service"), f("document"), f("uri", uri)},
       {kAttributes, kMetadata}},
      {"language",
       "languages",
       "directory_languages",
       {id, ref("service_id", "service"), ref("location_id", "location"), ref("phone_id", "phone"),
        f("name"), f("code"), f("note")},
       {kAttributes, kMetadata}},
      {"accessibility",
       "accessibility",
       "directory_accessibility",
       {id, ref("location_id", "location"), f("description"), f("details"), f("url", uri)},
       {kAttributes, kMetadata}},
      {"taxonomy_term",
       "taxonomy_terms",
       "directory_taxonomy_terms",
       {id, f("code"), required(f("name")), required(f("description")),
        outside(ref("parent_id", "taxonomy_term")), f("taxonomy"), f("language"),
        outside(ref("taxonomy_id", "taxonomy")), f("term_uri", uri)},
       {{"taxonomy_detail", "taxonomy", false, "taxonomy_id"}, kMetadata}},
      {"metadata",
       "metadata",
       "directory_metadata",
       {id, f("resource_id", uuid), f("resource_type"), required(f("last_action_date", date)),
        required(f("last_action_type")), required(f("field_name")), required(f("previous_value")),
        required(f("replacement_value")), required(f("updated_by"))},
       {}},
      {"meta_table_description",
       "meta_table_descriptions",
       "directory_meta_table_descriptions",
       {id, f("name"), f("language"), f("character_set")},
       {kAttributes, kMetadata}},
      {"cost_option",
       "cost_options",
       "directory_cost_options",
       {id, ref("service_id", "service"), f("valid_from", date), f("valid_to", date), f("option"),
        f("currency"), f("amount", number), f("amount_description")},
       {kAttributes, kMetadata}},
      {"organization_identifier",
       "organization_identifiers",
       "directory_organization_identifiers",
       {id, ref("organization_id", "organization"), f("identifier_scheme"),
        required(f("identifier_type")), required(f("identifier"))},
       {kAttributes, kMetadata}},
      {"taxonomy",
       "taxonomies",
       "directory_taxonomies",
       {id, required(f("name")), required(f("description")), f("uri", uri), f("version")},
       {kMetadata}},
  };
}

}  // namespace

const Field* Table::field(std::string_view field_name) const {
  auto i = index_of(field_name);
  return i ? &fields[*i] : nullptr;
}

std::optional<std::size_t> Table::index_of(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field_name) return i;
  return std::nullopt;
}

const std::vector<Table>& tables() {
  static const std::vector<Table> all = describe();
  return all;
}

const Table* table(std::string_view name) {
  const auto& all = tables();
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const Table& t) { return t.name == name || t.resource == name; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace innet::directory

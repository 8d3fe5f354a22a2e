#include "directory/seed.h"

#include "directory/interchange.h"
#include "directory/storage.h"

namespace innet::directory {
namespace {

// HSDS JSON, as an import reads it: the ids are fixed so that the demo is the same every time.
constexpr const char* kServices = R"json([
  {
    "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01",
    "name": "Sportello legale per cittadini stranieri",
    "description": "Consulenza gratuita su permesso di soggiorno, protezione internazionale e ricongiungimento familiare.",
    "status": "active",
    "eligibility_description": "Cittadini di paesi terzi presenti a Palermo.",
    "last_modified": "2026-11-02T09:00:00Z",
    "organization": {
      "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e00",
      "name": "Associazione Diritti in Rete (demo)",
      "description": "Associazione di tutela legale dei cittadini stranieri."
    },
    "phones": [{"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e02", "number": "+39 091 000 0001"}],
    "languages": [
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e03", "name": "Arabic", "code": "ar"},
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e04", "name": "French", "code": "fr"}
    ],
    "service_at_locations": [{
      "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e05",
      "location": {
        "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e06",
        "location_type": "physical",
        "name": "Sede di via Maqueda",
        "latitude": 38.1147,
        "longitude": 13.3615,
        "addresses": [{
          "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e07", "address_1": "Via Maqueda 100",
          "city": "Palermo", "state_province": "PA", "postal_code": "90133", "country": "IT",
          "address_type": "physical"
        }]
      },
      "schedules": [{
        "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e08", "freq": "WEEKLY", "byday": "MO,WE",
        "opens_at": "09:00", "closes_at": "13:00", "description": "Lunedì e mercoledì, 9-13"
      }]
    }]
  },
  {
    "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e11",
    "name": "Accoglienza per vittime di tratta",
    "description": "Casa rifugio a indirizzo protetto; si accede tramite il Numero Verde Antitratta 800 290 290.",
    "status": "active",
    "last_modified": "2026-11-03T09:00:00Z",
    "organization_id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e00",
    "phones": [{"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e12", "number": "800 290 290"}],
    "service_at_locations": [{
      "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e13",
      "location": {
        "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e14",
        "location_type": "physical",
        "name": "Casa rifugio",
        "latitude": 38.12,
        "longitude": 13.35,
        "addresses": [{
          "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e15", "address_1": "Indirizzo protetto 1",
          "city": "Palermo", "state_province": "PA", "postal_code": "90100", "country": "IT",
          "address_type": "physical"
        }]
      }
    }]
  }
])json";
constexpr const char* kShelter = "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e14";

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  if (ctx.scale != api::SeedScale::demo) return Status::success();
  auto package = read_json(kServices, "seed", *table("service"));
  INNET_ASSIGN_OR_RETURN(auto outside, check_references(ctx.conn, package));
  (void)outside;
  if (!package.rejections.empty())
    return Error::internal("demo directory data refused: " + package.rejections[0].file + " " +
                           package.rejections[0].field + ": " +
                           package.rejections[0].reason.message);
  INNET_TRY(save(ctx.conn, package.records));
  INNET_TRY(set_confidential(ctx.conn, kShelter, true));
  ctx.report.counts.push_back({2, "directory services"});
  return Status::success();
}

}  // namespace innet::directory

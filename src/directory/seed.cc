#include "directory/seed.h"

#include "directory/demo.h"
#include "directory/interchange.h"
#include "directory/storage.h"

namespace innet::directory {
namespace {

// The first two demo services, written by hand in HSDS JSON as an import reads it (the tests
// name their ids); the other demo services come from the catalogue (demo.h).
constexpr const char* kServices = R"json([
  {
    "id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01",
    "name": "Sportello legale per cittadini stranieri",
    "description": "Consulenza gratuita su permesso di soggiorno, protezione internazionale e ricongiungimento familiare.",
    "status": "active",
    "translations": {
      "en": {"name": "Legal advice desk for foreign nationals", "description": "Free advice on residence permits (permesso di soggiorno), international protection and family reunification.", "eligibility_description": "Non-EU nationals living in Palermo."},
      "fr": {"name": "Permanence juridique pour les étrangers", "description": "Conseil gratuit sur le titre de séjour (permesso di soggiorno), la protection internationale et le regroupement familial.", "eligibility_description": "Ressortissants de pays tiers présents à Palerme."},
      "ar": {"name": "مكتب استشارات قانونية للأجانب", "description": "استشارة مجانية حول تصريح الإقامة (permesso di soggiorno) والحماية الدولية ولمّ شمل الأسرة.", "eligibility_description": "مواطنو الدول غير الأوروبية المقيمون في باليرمو."},
      "uk": {"name": "Юридична консультація для іноземців", "description": "Безкоштовні консультації щодо посвідки на проживання (permesso di soggiorno), міжнародного захисту та возз'єднання сім'ї.", "eligibility_description": "Громадяни третіх країн, які перебувають у Палермо."},
      "bn": {"name": "বিদেশিদের জন্য আইনি পরামর্শ ডেস্ক", "description": "বসবাসের অনুমতিপত্র (permesso di soggiorno), আন্তর্জাতিক সুরক্ষা ও পারিবারিক পুনর্মিলন বিষয়ে বিনামূল্যে পরামর্শ।", "eligibility_description": "পালের্মোতে অবস্থানরত তৃতীয় দেশের নাগরিক।"}
    },
    "attributes": [
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e09", "taxonomy_term_id": "d1a0c7e2-0001-4000-8000-000000000003", "link_type": "category", "link_entity": "service", "value": "legal"},
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e0a", "taxonomy_term_id": "d1a0c7e2-0002-4000-8000-000000000001", "link_type": "target_group", "link_entity": "service", "value": "all_foreign_nationals"},
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e0b", "taxonomy_term_id": "d1a0c7e2-0003-4000-8000-000000000001", "link_type": "permit_type", "link_entity": "service", "value": "none_required"}
    ],
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
    "translations": {
      "en": {"name": "Shelter for victims of trafficking", "description": "Shelter at a protected address; access through the anti-trafficking freephone 800 290 290."},
      "fr": {"name": "Accueil des victimes de traite", "description": "Maison refuge à adresse protégée ; accès par le numéro vert anti-traite 800 290 290."},
      "ar": {"name": "إيواء ضحايا الاتجار بالبشر", "description": "دار إيواء بعنوان محمي؛ يتم الدخول عبر الرقم المجاني لمكافحة الاتجار 800 290 290."},
      "uk": {"name": "Притулок для жертв торгівлі людьми", "description": "Притулок за захищеною адресою; доступ через безкоштовну лінію проти торгівлі людьми 800 290 290."},
      "bn": {"name": "মানব পাচারের শিকারদের আশ্রয়", "description": "সুরক্ষিত ঠিকানার আশ্রয়কেন্দ্র; পাচারবিরোধী টোল-ফ্রি নম্বর 800 290 290-এর মাধ্যমে প্রবেশ।"}
    },
    "attributes": [
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e19", "taxonomy_term_id": "d1a0c7e2-0001-4000-8000-000000000004", "link_type": "category", "link_entity": "service", "value": "anti_trafficking"},
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e1a", "taxonomy_term_id": "d1a0c7e2-0001-4000-8000-000000000010", "link_type": "category", "link_entity": "service", "value": "reception"},
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e1b", "taxonomy_term_id": "d1a0c7e2-0002-4000-8000-000000000009", "link_type": "target_group", "link_entity": "service", "value": "trafficking_survivors"},
      {"id": "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e1c", "taxonomy_term_id": "d1a0c7e2-0003-4000-8000-000000000001", "link_type": "permit_type", "link_entity": "service", "value": "none_required"}
    ],
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
  auto demo = demo::directory(ctx.today, nlohmann::json::parse(kServices));
  // Through the importer's own reading and checks, as `innet import hsds` would take the file.
  auto package = read_json(demo.services.dump(), "demo", *table("service"));
  INNET_ASSIGN_OR_RETURN(auto report, check_and_save(ctx.conn, std::move(package)));
  if (!report.rejections.empty()) {
    const auto& r = report.rejections.front();
    return Error::internal("demo directory data refused (" +
                           std::to_string(report.rejections.size()) + "): " + r.file + " item " +
                           std::to_string(r.row) + " " + r.field + ": " + r.reason.code);
  }
  demo.confidential.push_back(kShelter);
  for (const auto& location : demo.confidential)
    INNET_TRY(set_confidential(ctx.conn, location, true));
  INNET_TRY(set_last_verified(ctx.conn, demo.verified));
  ctx.report.counts.push_back({std::int64_t(demo.services.size()), "directory services"});
  ctx.report.counts.push_back({std::int64_t(report.translations), "translations", true});
  return Status::success();
}

}  // namespace innet::directory

#include "opportunities/seed.h"

#include "accounts/accounts.h"
#include "opportunities/opportunities.h"

namespace innet::opportunities {
namespace {

// Days are relative to the seed's today: `starts`/`ends` null when they do not apply; a negative
// `expires` is an opportunity that has left the public lists already.
struct Demo {
  const char* publisher;
  const char* kind;
  const char* status;
  const char* title;
  const char* description;
  const char* how_to_apply;
  const char* place;
  const char* municipality;
  std::optional<int> starts;
  std::optional<int> ends;
  int expires;
  bool free;
  std::vector<std::string> groups;
  std::vector<Translation> translations;
};

const std::vector<Demo>& demos() {
  static const std::vector<Demo> all = {
      {"CPIA Palermo 1 (demo)",
       "italian_course",
       "published",
       "Corso di italiano A1 serale",
       "Corso gratuito di lingua italiana di livello A1, tre sere a settimana. Al termine si "
       "ottiene un attestato valido per l'accordo di integrazione.",
       "Iscrizione allo sportello del CPIA con un documento d'identità o il permesso di soggiorno.",
       "Via Sampolo 1, Palermo",
       "082053",
       14,
       134,
       10,
       true,
       {"all_foreign_nationals"},
       {{"en", "Evening Italian course, level A1",
         "Free Italian language course at A1 level, three evenings a week. At the end you get a "
         "certificate that counts for the integration agreement.",
         "Enrol at the CPIA desk with an identity document or your residence permit."},
        {"fr", "Cours du soir d'italien, niveau A1",
         "Cours gratuit de langue italienne de niveau A1, trois soirs par semaine. À la fin, vous "
         "recevez une attestation valable pour l'accord d'intégration.",
         "Inscription au guichet du CPIA avec une pièce d'identité ou le titre de séjour."},
        {"ar", "دورة مسائية للغة الإيطالية، المستوى A1",
         "دورة مجانية في اللغة الإيطالية بمستوى A1، ثلاث أمسيات في الأسبوع. في النهاية تحصل على "
         "شهادة معترف بها في اتفاق الاندماج.",
         "التسجيل في مكتب CPIA بوثيقة هوية أو بتصريح الإقامة."},
        {"uk", "Вечірній курс італійської мови, рівень A1",
         "Безкоштовний курс італійської мови рівня A1, три вечори на тиждень. Наприкінці ви "
         "отримуєте сертифікат, що зараховується до угоди про інтеграцію.",
         "Запис у віконці CPIA з документом, що посвідчує особу, або посвідкою на проживання."},
        {"bn", "সান্ধ্য ইতালীয় ভাষা কোর্স, স্তর A1",
         "A1 স্তরের বিনামূল্যে ইতালীয় ভাষা কোর্স, সপ্তাহে তিন সন্ধ্যা। শেষে একটি সনদ পাবেন যা "
         "ইন্টিগ্রেশন চুক্তির জন্য গণ্য হয়।",
         "পরিচয়পত্র বা বসবাসের অনুমতিপত্র নিয়ে CPIA ডেস্কে নাম লেখান।"}}},
      {"CPIA Palermo 1 (demo)",
       "italian_course",
       "published",
       "Italiano A2 per il permesso di lungo periodo",
       "Preparazione al test di lingua italiana di livello A2 richiesto per il permesso UE per "
       "soggiornanti di lungo periodo.",
       "Colloquio di orientamento il martedì mattina; portare il permesso di soggiorno.",
       "Via Sampolo 1, Palermo",
       "082053",
       30,
       120,
       25,
       true,
       {"all_foreign_nationals"},
       {{"en", "Italian A2 for the long-term permit",
         "Preparation for the A2 Italian test required for the EU long-term residence permit.",
         "Guidance interview on Tuesday mornings; bring your residence permit."}}},
      {"Associazione Diritti in Rete (demo)",
       "training",
       "published",
       "Corso di aiuto cuoco con tirocinio",
       "Corso di 200 ore con tirocinio retribuito in ristoranti di Palermo. Indennità di "
       "frequenza di 6 euro l'ora.",
       "Domanda entro la scadenza con il modulo dell'associazione; colloquio di selezione.",
       "Via Maqueda 100, Palermo",
       "082053",
       21,
       111,
       14,
       true,
       {"asylum_seekers", "refugees"},
       {{"en", "Assistant cook course with traineeship",
         "A 200-hour course with a paid traineeship in Palermo restaurants. Attendance allowance "
         "of 6 euros an hour.",
         "Apply before the deadline with the association's form; selection interview."},
        {"ar", "دورة مساعد طباخ مع تدريب عملي",
         "دورة من 200 ساعة مع تدريب مدفوع الأجر في مطاعم باليرمو. بدل حضور 6 يورو للساعة.",
         "قدّم الطلب قبل الموعد النهائي باستمارة الجمعية؛ مقابلة اختيار."}}},
      {"Associazione Diritti in Rete (demo)",
       "job",
       "published",
       "Operai agricoli per la vendemmia",
       "Aziende agricole della zona di Partinico cercano operai stagionali per la vendemmia. "
       "Contratto regolare secondo il contratto provinciale.",
       "Presentarsi allo sportello lavoro dell'associazione con permesso di soggiorno e codice "
       "fiscale.",
       "Partinico",
       "082054",
       std::nullopt,
       std::nullopt,
       20,
       true,
       {"asylum_seekers", "refugees", "temporary_protection"},
       {{"en", "Farm workers for the grape harvest",
         "Farms around Partinico are looking for seasonal workers for the grape harvest. Regular "
         "contract under the provincial agreement.",
         "Come to the association's job desk with your residence permit and tax code."}}},
      {"Comune di Palermo",
       "event",
       "published",
       "Giornata di orientamento ai servizi della città",
       "Incontro aperto con i servizi sociali, l'anagrafe, l'ASP e le associazioni: come "
       "iscriversi al medico, alla residenza, ai corsi.",
       "Ingresso libero, senza prenotazione.",
       "Palazzo delle Aquile, Palermo",
       "082053",
       9,
       9,
       9,
       true,
       {},
       {{"en", "City services orientation day",
         "Open meeting with social services, the registry office, the health authority and "
         "associations: how to register with a doctor, for residence, for courses.",
         "Free entry, no booking."},
        {"uk", "День орієнтації у міських службах",
         "Відкрита зустріч із соціальними службами, реєстром населення, службою охорони здоров'я "
         "та асоціаціями: як записатися до лікаря, зареєструвати проживання, на курси.",
         "Вхід вільний, без запису."}}},
      {"Prefettura di Palermo",
       "call",
       "published",
       "Avviso: contributi per l'autonomia abitativa",
       "Contributo per il primo affitto per titolari di protezione internazionale usciti da un "
       "centro di accoglienza negli ultimi 12 mesi.",
       "Domanda tramite l'ente che ha seguito l'accoglienza, con il contratto di locazione.",
       nullptr,
       nullptr,
       std::nullopt,
       std::nullopt,
       45,
       true,
       {"refugees"},
       {{"en", "Call: grants for independent housing",
         "A grant towards the first rent for holders of international protection who left a "
         "reception centre in the last 12 months.",
         "Apply through the organisation that ran your reception, with the tenancy agreement."}}},
      {"Cooperativa Sociale Approdo (demo)",
       "event",
       "published",
       "Torneo di calcio dell'accoglienza",
       "Torneo aperto agli ospiti dei centri e ai ragazzi del quartiere.",
       "Iscrizione delle squadre presso il centro entro la scadenza.",
       "Campo sportivo, Palermo",
       "082053",
       16,
       17,
       12,
       true,
       {"unaccompanied_minors", "asylum_seekers"},
       {{"en", "Reception football tournament",
         "A tournament open to the centres' guests and the neighbourhood's young people.",
         "Teams register at the centre before the deadline."}}},
      {"Associazione Diritti in Rete (demo)",
       "training",
       "published",
       "Laboratorio di sartoria per donne",
       "Laboratorio di cucito e sartoria riservato alle donne, con servizio di baby-sitting.",
       "Telefonare allo sportello per fissare un colloquio.",
       "Via Maqueda 100, Palermo",
       "082053",
       7,
       97,
       40,
       true,
       {"women", "families_children"},
       {{"en", "Tailoring workshop for women",
         "A sewing and tailoring workshop for women only, with childcare.",
         "Call the desk to book an interview."},
        {"fr", "Atelier de couture pour les femmes",
         "Atelier de couture réservé aux femmes, avec garde d'enfants.",
         "Téléphonez au guichet pour fixer un entretien."}}},
      {"Comune di Palermo",
       "job",
       "published",
       "Mediatori linguistici per gli uffici comunali",
       "Selezione di mediatori linguistico-culturali per arabo, bengalese e ucraino, con "
       "contratto a tempo determinato.",
       "Candidatura online con curriculum e attestato di mediazione.",
       nullptr,
       "082053",
       std::nullopt,
       std::nullopt,
       30,
       true,
       {"all_foreign_nationals"},
       {{"en", "Language mediators for the city offices",
         "Selection of cultural and language mediators for Arabic, Bengali and Ukrainian, on a "
         "fixed-term contract.",
         "Apply online with a CV and a mediation certificate."}}},
      // Expired and withdrawn ones: the staff see them, the public no longer.
      {"CPIA Palermo 1 (demo)",
       "italian_course",
       "published",
       "Corso estivo di italiano",
       "Corso intensivo estivo di italiano di base.",
       "Iscrizioni chiuse.",
       "Via Sampolo 1, Palermo",
       "082053",
       -120,
       -60,
       -90,
       true,
       {},
       {}},
      {"Associazione Diritti in Rete (demo)",
       "call",
       "withdrawn",
       "Borse lavoro (ritirato)",
       "Avviso ritirato: sostituito dal nuovo bando.",
       "Non più attivo.",
       nullptr,
       nullptr,
       std::nullopt,
       std::nullopt,
       60,
       true,
       {},
       {}},
      {"Cooperativa Sociale Approdo (demo)",
       "training",
       "draft",
       "Corso di primo soccorso (bozza)",
       "Corso base di primo soccorso per gli ospiti.",
       "Da definire.",
       nullptr,
       "082053",
       40,
       41,
       39,
       true,
       {},
       {}},
  };
  return all;
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  if (ctx.scale != api::SeedScale::demo) return Status::success();
  const auto admin = ctx.registry.demo_users.find(auth::Role::admin);
  if (admin == ctx.registry.demo_users.end()) return Status::success();
  const std::string at = ctx.today.to_string() + "T08:00:00Z";
  auto day = [&](std::optional<int> offset) -> std::optional<std::string> {
    if (!offset) return std::nullopt;
    return ctx.today.plus_days(*offset).to_string();
  };
  std::int64_t count = 0;
  for (const auto& d : demos()) {
    INNET_ASSIGN_OR_RETURN(auto org, accounts::find_organization_by_name(ctx.conn, d.publisher));
    if (!org) return Error::internal(std::string("demo organisation missing: ") + d.publisher);
    Opportunity o{
        .kind = d.kind,
        .status = d.status,
        .title = d.title,
        .description = d.description,
        .how_to_apply = d.how_to_apply,
        .place = d.place ? std::optional<std::string>(d.place) : std::nullopt,
        .municipality = d.municipality ? std::optional<std::string>(d.municipality) : std::nullopt,
        .starts_on = day(d.starts),
        .ends_on = day(d.ends),
        .expires_on = *day(d.expires),
        .free = d.free,
        .target_groups = d.groups,
        .translations = d.translations,
        .publisher_organization_id = org->id,
        .updated_by = admin->second};
    INNET_TRY(create(ctx.conn, std::move(o), at));
    ++count;
  }
  ctx.report.counts.push_back({count, "opportunities"});
  return Status::success();
}

}  // namespace innet::opportunities

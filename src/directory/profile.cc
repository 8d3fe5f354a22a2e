// The profile's labels in the six languages (profile.h): plain words a visitor understands, the
// glossary's renderings where it has the term (accoglienza, permesso di soggiorno).
#include "directory/profile.h"

#include <unordered_map>

namespace innet::directory::profile {
namespace {

struct Entry {
  std::string_view id;
  Labels labels;  // it, en, fr, ar, uk, bn
};

// clang-format off
const Entry kEntries[] = {
    // Taxonomies.
    {kCategory.id, {"Categoria", "Category", "Catégorie", "الفئة", "Категорія", "বিভাগ"}},
    {kTargetGroup.id, {"Per chi è", "Who it is for", "Pour qui", "لمن هذه الخدمة", "Для кого", "কাদের জন্য"}},
    {kPermitType.id, {"Permesso di soggiorno", "Residence permit (permesso di soggiorno)", "Titre de séjour (permesso di soggiorno)", "تصريح الإقامة (permesso di soggiorno)", "Посвідка на проживання (permesso di soggiorno)", "বসবাসের অনুমতিপত্র (permesso di soggiorno)"}},
    // Categories.
    {kCategories[0].id, {"Salute", "Health", "Santé", "الصحة", "Здоров'я", "স্বাস্থ্য"}},
    {kCategories[1].id, {"Salute mentale", "Mental health", "Santé mentale", "الصحة النفسية", "Психічне здоров'я", "মানসিক স্বাস্থ্য"}},
    {kCategories[2].id, {"Assistenza legale", "Legal aid", "Aide juridique", "المساعدة القانونية", "Юридична допомога", "আইনি সহায়তা"}},
    {kCategories[3].id, {"Contro la tratta", "Against human trafficking", "Contre la traite des êtres humains", "مكافحة الاتجار بالبشر", "Протидія торгівлі людьми", "মানব পাচার প্রতিরোধ"}},
    {kCategories[4].id, {"Violenza di genere", "Gender-based violence", "Violences fondées sur le genre", "العنف القائم على النوع الاجتماعي", "Гендерне насильство", "লিঙ্গভিত্তিক সহিংসতা"}},
    {kCategories[5].id, {"Corsi di italiano", "Italian courses", "Cours d'italien", "دروس اللغة الإيطالية", "Курси італійської мови", "ইতালীয় ভাষার কোর্স"}},
    {kCategories[6].id, {"Scuola e istruzione", "School and education", "École et éducation", "المدرسة والتعليم", "Школа та освіта", "স্কুল ও শিক্ষা"}},
    {kCategories[7].id, {"Formazione professionale", "Vocational training", "Formation professionnelle", "التدريب المهني", "Професійне навчання", "বৃত্তিমূলক প্রশিক্ষণ"}},
    {kCategories[8].id, {"Lavoro", "Work and jobs", "Travail et emploi", "العمل والتوظيف", "Робота і працевлаштування", "কাজ ও চাকরি"}},
    {kCategories[9].id, {"Casa", "Housing", "Logement", "السكن", "Житло", "বাসস্থান"}},
    {kCategories[10].id, {"Servizi sociali", "Social services", "Services sociaux", "الخدمات الاجتماعية", "Соціальні послуги", "সামাজিক সেবা"}},
    {kCategories[11].id, {"Cibo e vestiti", "Food and clothing", "Nourriture et vêtements", "الطعام والملابس", "Їжа та одяг", "খাবার ও পোশাক"}},
    {kCategories[12].id, {"Documenti", "Documents", "Documents", "الوثائق", "Документи", "কাগজপত্র"}},
    {kCategories[13].id, {"Minori e famiglie", "Children and families", "Enfants et familles", "الأطفال والأسر", "Діти та сім'ї", "শিশু ও পরিবার"}},
    {kCategories[14].id, {"Mediazione culturale", "Cultural mediation", "Médiation culturelle", "الوساطة الثقافية", "Культурне посередництво", "সাংস্কৃতিক মধ্যস্থতা"}},
    {kCategories[15].id, {"Accoglienza", "Reception", "Accueil", "الاستقبال والإيواء", "Прийом", "অভ্যর্থনা ও আবাসন (accoglienza)"}},
    // Target groups.
    {kTargetGroups[0].id, {"Tutte le persone straniere", "All foreign nationals", "Toutes les personnes étrangères", "جميع الأجانب", "Усі іноземці", "সকল বিদেশি নাগরিক"}},
    {kTargetGroups[1].id, {"Richiedenti asilo", "Asylum seekers", "Demandeurs d'asile", "طالبو اللجوء", "Шукачі притулку", "আশ্রয়প্রার্থী"}},
    {kTargetGroups[2].id, {"Rifugiati", "Refugees", "Réfugiés", "اللاجئون", "Біженці", "শরণার্থী"}},
    {kTargetGroups[3].id, {"Protezione temporanea", "Temporary protection", "Protection temporaire", "الحماية المؤقتة", "Тимчасовий захист", "অস্থায়ী সুরক্ষা"}},
    {kTargetGroups[4].id, {"Minori non accompagnati", "Unaccompanied minors", "Mineurs non accompagnés", "القاصرون غير المصحوبين", "Неповнолітні без супроводу", "অভিভাবকহীন অপ্রাপ্তবয়স্ক"}},
    {kTargetGroups[5].id, {"Donne", "Women", "Femmes", "النساء", "Жінки", "নারী"}},
    {kTargetGroups[6].id, {"Famiglie con bambini", "Families with children", "Familles avec enfants", "الأسر مع الأطفال", "Сім'ї з дітьми", "শিশুসহ পরিবার"}},
    {kTargetGroups[7].id, {"Persone LGBTIQ+", "LGBTIQ+ people", "Personnes LGBTIQ+", "أفراد مجتمع الميم (LGBTIQ+)", "ЛГБТІК+ люди", "এলজিবিটিআইকিউ+ মানুষ"}},
    {kTargetGroups[8].id, {"Vittime di tratta", "Survivors of trafficking", "Victimes de la traite", "الناجون من الاتجار بالبشر", "Постраждалі від торгівлі людьми", "মানব পাচারের শিকার"}},
    {kTargetGroups[9].id, {"Vittime di violenza", "Survivors of violence", "Victimes de violences", "الناجون من العنف", "Постраждалі від насильства", "সহিংসতার শিকার"}},
    {kTargetGroups[10].id, {"Persone con disabilità", "People with disabilities", "Personnes handicapées", "الأشخاص ذوو الإعاقة", "Люди з інвалідністю", "প্রতিবন্ধী ব্যক্তি"}},
    // Permit types.
    {kPermitTypes[0].id, {"Nessun permesso richiesto", "No permit needed", "Aucun titre de séjour exigé", "لا يلزم تصريح إقامة", "Посвідка не потрібна", "কোনো অনুমতিপত্র লাগে না"}},
    {kPermitTypes[1].id, {"Richiesta di asilo in corso", "Asylum application in progress", "Demande d'asile en cours", "طلب اللجوء قيد الدراسة", "Заява про притулок на розгляді", "আশ্রয়ের আবেদন চলছে"}},
    {kPermitTypes[2].id, {"Protezione internazionale", "International protection", "Protection internationale", "الحماية الدولية", "Міжнародний захист", "আন্তর্জাতিক সুরক্ষা"}},
    {kPermitTypes[3].id, {"Protezione speciale", "Special protection", "Protection spéciale", "الحماية الخاصة", "Спеціальний захист", "বিশেষ সুরক্ষা"}},
    {kPermitTypes[4].id, {"Protezione temporanea", "Temporary protection", "Protection temporaire", "الحماية المؤقتة", "Тимчасовий захист", "অস্থায়ী সুরক্ষা"}},
    {kPermitTypes[5].id, {"Lavoro", "Work", "Travail", "العمل", "Робота", "কাজ"}},
    {kPermitTypes[6].id, {"Motivi familiari", "Family reasons", "Raisons familiales", "لأسباب عائلية", "Сімейні обставини", "পারিবারিক কারণ"}},
    {kPermitTypes[7].id, {"Studio", "Study", "Études", "الدراسة", "Навчання", "পড়াশোনা"}},
    {kPermitTypes[8].id, {"Soggiornanti UE di lungo periodo", "EU long-term residents", "Résidents de longue durée UE", "الإقامة الطويلة الأمد في الاتحاد الأوروبي", "Довгострокові резиденти ЄС", "ইইউ দীর্ঘমেয়াদি বাসিন্দা"}},
};
// clang-format on

const std::unordered_map<std::string_view, const Labels*>& by_id() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const Labels*> m;
    for (const auto& e : kEntries) m.emplace(e.id, &e.labels);
    return m;
  }();
  return map;
}

}  // namespace

std::array<TaxonomyTerms, 3> taxonomies() {
  return {TaxonomyTerms{&kCategory, kCategories}, TaxonomyTerms{&kTargetGroup, kTargetGroups},
          TaxonomyTerms{&kPermitType, kPermitTypes}};
}

const Labels* labels(std::string_view id) {
  auto it = by_id().find(id);
  return it == by_id().end() ? nullptr : it->second;
}

std::string_view label(const Labels& labels, std::string_view language) {
  for (std::size_t i = 0; i < kLabelLanguages.size(); ++i)
    if (kLabelLanguages[i] == language) return labels[i];
  return labels[0];
}

const TermId* term_by_id(std::string_view id, const Taxonomy** taxonomy) {
  for (const auto& t : taxonomies())
    for (const auto& term : t.terms)
      if (term.id == id) {
        if (taxonomy) *taxonomy = t.taxonomy;
        return &term;
      }
  return nullptr;
}

}  // namespace innet::directory::profile

// The standard checklist's questions in French, Arabic, Ukrainian and Bengali (issue 10 point 1),
// added to the shipped version 1 by the module's migration 11 (decision 0029), with the terms of
// the glossary (/work/shared/reference/glossary.md): ospite is "personne hébergée", "نزيل",
// "мешканець", "আবাসিক"; the contract keeps its Italian name (convenzione) in brackets, and so does
// the tender's specification (capitolato), which the operator meets in Italian. Digits stay Latin
// in every language, as the web app writes them. Italian stays the text of record: these are
// readers' aids, and adding them changes no question, rule or score of the version.
#include "monitoring/checklists.h"

namespace innet::monitoring {

namespace {

struct Texts {
  const char* code;
  const char* fr;
  const char* ar;
  const char* uk;
  const char* bn;
};

// clang-format off
constexpr Texts kTexts[] = {
    {"capacity_presences.guests_counted",
     "Personnes hébergées présentes comptées par les inspecteurs",
     "النزلاء الحاضرون الذين عدّهم المفتشون",
     "Присутні мешканці, пораховані інспекторами",
     "পরিদর্শকদের গোনা উপস্থিত আবাসিক"},
    {"capacity_presences.within_places",
     "Les présences ne dépassent pas les places prévues par la convention (convenzione)",
     "عدد الحاضرين لا يتجاوز الأماكن المنصوص عليها في العقد (convenzione)",
     "Кількість присутніх не перевищує місць за договором (convenzione)",
     "উপস্থিতির সংখ্যা চুক্তিতে (convenzione) নির্ধারিত জায়গার বেশি নয়"},
    {"capacity_presences.register_kept",
     "Le registre des présences est tenu à jour (identité, nationalité, dates d'entrée et de sortie)",
     "سجل الحضور مُمسَك ومحدَّث (الهوية، الجنسية، تواريخ الدخول والمغادرة)",
     "Журнал присутності ведеться й оновлюється (особа, громадянство, дати поселення та вибуття)",
     "উপস্থিতি রেজিস্টার (হাজিরা খাতা) রাখা ও হালনাগাদ করা হয় (পরিচয়, জাতীয়তা, প্রবেশ ও প্রস্থানের তারিখ)"},
    {"capacity_presences.count_matches_register",
     "Les personnes hébergées comptées correspondent au rapport journalier des présences",
     "عدد النزلاء الذين عُدّوا يطابق التقرير اليومي للحضور",
     "Кількість порахованих мешканців відповідає щоденному звіту про присутність",
     "গোনা আবাসিকের সংখ্যা দৈনিক উপস্থিতি প্রতিবেদনের সঙ্গে মেলে"},
    {"building.habitability",
     "L'habitabilité et la conformité urbanistique du bâtiment sont documentées",
     "صلاحية المبنى للسكن ومطابقته لقواعد التخطيط العمراني موثّقتان",
     "Придатність будівлі до експлуатації та її відповідність містобудівним нормам задокументовано",
     "ভবনের বাসযোগ্যতা ও নগর-পরিকল্পনার বিধির সঙ্গে সামঞ্জস্য নথিভুক্ত"},
    {"building.fire_safety",
     "Les équipements de sécurité incendie sont présents et vérifiés",
     "معدات السلامة من الحرائق موجودة ومفحوصة",
     "Протипожежне обладнання наявне й перевірене",
     "অগ্নিনিরাপত্তা সরঞ্জাম আছে এবং পরীক্ষা করা হয়েছে"},
    {"building.no_overcrowding",
     "Les chambres ne sont pas surpeuplées",
     "الغرف غير مكتظة",
     "Кімнати не переповнені",
     "কক্ষগুলোতে অতিরিক্ত ভিড় নেই"},
    {"building.no_pests",
     "Absence de nuisibles (rongeurs, insectes)",
     "عدم وجود آفات (قوارض، حشرات)",
     "Відсутність шкідників (гризунів, комах)",
     "কোনো ক্ষতিকর প্রাণী নেই (ইঁদুর, পোকামাকড়)"},
    {"building.hygiene",
     "Conditions d'hygiène des locaux",
     "الحالة الصحية للمرافق",
     "Санітарно-гігієнічний стан приміщень",
     "কক্ষ ও অন্যান্য স্থানের স্বাস্থ্যবিধিগত অবস্থা"},
    {"building.photos",
     "Photos des locaux",
     "صور المرافق",
     "Фотофіксація приміщень",
     "স্থানগুলোর ছবি"},
    {"meals.regular_supply",
     "Les repas sont fournis régulièrement et en quantité suffisante",
     "تُقدَّم الوجبات بانتظام وبكميات كافية",
     "Харчування надається регулярно й у достатній кількості",
     "নিয়মিত ও পর্যাপ্ত পরিমাণে খাবার দেওয়া হয়"},
    {"meals.special_diets",
     "Des régimes adaptés sont assurés pour raisons religieuses, de santé et pour la petite enfance",
     "تُوفَّر أنظمة غذائية خاصة لأسباب دينية وصحية وللرضّع",
     "Забезпечено спеціальне харчування з релігійних причин, за станом здоров'я та для немовлят",
     "ধর্মীয় ও স্বাস্থ্যগত কারণে এবং শিশুদের জন্য বিশেষ খাবারের ব্যবস্থা আছে"},
    {"cleaning_laundry.cleaning",
     "Le nettoyage est effectué conformément au cahier des charges (capitolato)",
     "يجري التنظيف وفق دفتر الشروط (capitolato)",
     "Прибирання виконується відповідно до технічного завдання (capitolato)",
     "দরপত্রের শর্তাবলি (capitolato) অনুযায়ী পরিষ্কার করা হয়"},
    {"cleaning_laundry.laundry",
     "Le service de blanchisserie est assuré conformément au cahier des charges (capitolato)",
     "تُقدَّم خدمة الغسيل وفق دفتر الشروط (capitolato)",
     "Прання виконується відповідно до технічного завдання (capitolato)",
     "দরপত্রের শর্তাবলি (capitolato) অনুযায়ী কাপড় ধোয়ার সেবা দেওয়া হয়"},
    {"goods_money.pocket_money_paid",
     "L'argent de poche est versé (2,50 euros par jour et par personne, 7,50 euros au plus par famille)",
     "يُصرف مصروف الجيب (2.50 يورو يوميًا للشخص، و7.50 يورو كحد أقصى للأسرة)",
     "Кишенькові гроші виплачуються (2,50 євро на день на особу, не більше 7,50 євро на родину)",
     "হাতখরচ দেওয়া হয় (জনপ্রতি দিনে 2.50 ইউরো, পরিবারপ্রতি সর্বোচ্চ 7.50 ইউরো)"},
    {"goods_money.receipts_signed",
     "Les remises sont attestées par des reçus signés par les personnes hébergées",
     "التسليمات موثّقة بإيصالات يوقّعها النزلاء",
     "Видачі підтверджено розписками, підписаними мешканцями",
     "হস্তান্তরগুলো আবাসিকদের স্বাক্ষর করা রসিদে প্রমাণিত"},
    {"goods_money.entry_kit",
     "Le kit de premier accueil est remis (literie, vêtements de saison, hygiène personnelle)",
     "تُسلَّم حقيبة الدخول الأول (أغطية الأسرّة، ملابس موسمية، مستلزمات النظافة الشخصية)",
     "Набір першого поселення видано (постільна білизна, сезонний одяг, засоби особистої гігієни)",
     "প্রথম প্রবেশের কিট দেওয়া হয় (বিছানাপত্র, মৌসুমি পোশাক, ব্যক্তিগত স্বাস্থ্যবিধির সামগ্রী)"},
    {"goods_money.phone_card",
     "La carte téléphonique (5 euros) est remise à l'entrée",
     "تُسلَّم بطاقة الهاتف (5 يورو) عند الدخول",
     "Телефонну картку (5 євро) видано під час поселення",
     "প্রবেশের সময় ফোন কার্ড (5 ইউরো) দেওয়া হয়"},
    {"goods_money.credit_returned",
     "Le crédit restant est rendu à la sortie du centre",
     "يُعاد الرصيد المتبقي عند مغادرة المركز",
     "Залишок коштів повертається під час вибуття",
     "কেন্দ্র থেকে প্রস্থানের সময় অবশিষ্ট অর্থ ফেরত দেওয়া হয়"},
    {"staff.staffing",
     "Le personnel en service correspond au tableau des effectifs requis pour la capacité du centre",
     "عدد العاملين في الخدمة يطابق الجدول المطلوب لسعة المركز",
     "Персонал на зміні відповідає штатному розкладу, потрібному для місткості центру",
     "দায়িত্বে থাকা কর্মীরা কেন্দ্রের ধারণক্ষমতার জন্য প্রয়োজনীয় তালিকার সঙ্গে মেলে"},
    {"staff.contributions_paid",
     "Les cotisations sociales du personnel sont versées régulièrement",
     "تُدفع اشتراكات الضمان الاجتماعي للعاملين بانتظام",
     "Соціальні внески за персонал сплачуються вчасно",
     "কর্মীদের সামাজিক নিরাপত্তা চাঁদা নিয়মিত জমা দেওয়া হয়"},
    {"services.mediation",
     "La médiation linguistique et culturelle est disponible (médiatrices pour les femmes)",
     "تتوفر الوساطة اللغوية والثقافية (وسيطات للنساء)",
     "Доступне мовно-культурне посередництво (посередниці для жінок)",
     "ভাষাগত ও সাংস্কৃতিক মধ্যস্থতা পাওয়া যায় (নারীদের জন্য নারী মধ্যস্থতাকারী)"},
    {"services.asylum_information",
     "Les personnes hébergées sont informées de la procédure de protection internationale",
     "يتلقى النزلاء معلومات عن إجراءات الحماية الدولية",
     "Мешканці отримують інформацію про процедуру міжнародного захисту",
     "আবাসিকরা আন্তর্জাতিক সুরক্ষার প্রক্রিয়া সম্পর্কে তথ্য পান"},
    {"services.health",
     "Visite médicale d'entrée effectuée et inscription au Service sanitaire national",
     "إجراء الفحص الطبي عند الدخول والتسجيل في الخدمة الصحية الوطنية",
     "Проведено медичний огляд під час поселення та реєстрацію в Національній службі охорони здоров'я",
     "প্রবেশের সময় স্বাস্থ্য পরীক্ষা হয়েছে এবং জাতীয় স্বাস্থ্যসেবায় নিবন্ধন করা হয়েছে"},
    {"services.italian_courses",
     "Des cours d'italien sont organisés",
     "تُنظَّم دورات في اللغة الإيطالية",
     "Проводяться курси італійської мови",
     "ইতালীয় ভাষার কোর্স চালু আছে"},
    {"services.vulnerable_and_minors",
     "Les services pour les personnes vulnérables et pour les mineurs sont en place",
     "الخدمات المخصّصة للأشخاص المستضعفين والقاصرين مفعّلة",
     "Діють послуги для вразливих осіб і неповнолітніх",
     "ঝুঁকিপূর্ণ ব্যক্তি ও নাবালকদের জন্য সেবা চালু আছে"},
    {"finance.no_other_funding",
     "L'organisme gestionnaire ne reçoit pas d'autres financements publics pour les mêmes services",
     "لا تتلقى الجهة المديرة تمويلًا عامًا آخر للخدمات نفسها",
     "Організація, що керує центром, не отримує іншого державного фінансування на ті самі послуги",
     "পরিচালনাকারী সংস্থা একই সেবার জন্য অন্য কোনো সরকারি অর্থায়ন পায় না"},
    {"finance.invoices_match_presences",
     "Les factures correspondent aux présences enregistrées",
     "الفواتير مطابقة للحضور المسجَّل",
     "Рахунки-фактури (fattura) відповідають зареєстрованій присутності",
     "চালানপত্র (fattura) নিবন্ধিত উপস্থিতির সঙ্গে মেলে"},
    {"finance.notes",
     "Observations sur les documents comptables",
     "ملاحظات على المستندات المحاسبية",
     "Зауваження щодо бухгалтерської документації",
     "হিসাবের নথি বিষয়ে পর্যবেক্ষণ"},
};
// clang-format on

}  // namespace

std::map<std::string, std::map<std::string, std::string>> standard_question_translations() {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& t : kTexts)
    out[t.code] = {{"fr", t.fr}, {"ar", t.ar}, {"uk", t.uk}, {"bn", t.bn}};
  return out;
}

std::vector<db::Migration> translation_migrations(db::Engine) {
  return {{.version = 11,
           .name = "monitoring: the standard checklist's questions in French, Arabic, Ukrainian "
                   "and Bengali",
           .sql = "",
           .then = [](db::Connection& conn) -> Status {
             // Version 1 as the product shipped it (no author), by item code; a text already
             // there (written by the Prefettura) is kept, never overwritten.
             INNET_ASSIGN_OR_RETURN(
                 auto items, conn.query("SELECT i.id, i.code FROM checklist_items i JOIN "
                                        "checklists c ON c.id = i.checklist_id WHERE c.code = "
                                        "'standard' AND c.version = 1 AND c.created_by IS NULL"));
             const auto texts = standard_question_translations();
             for (const auto& row : items) {
               auto found = texts.find(row.text(1));
               if (found == texts.end()) continue;
               for (const auto& [language, question] : found->second)
                 INNET_TRY(conn.execute(
                     "INSERT INTO checklist_item_texts (item_id, language, question) VALUES "
                     "(?, ?, ?) ON CONFLICT (item_id, language) DO NOTHING",
                     {row.integer(0), language, question}));
             }
             return Status::success();
           }}};
}

}  // namespace innet::monitoring

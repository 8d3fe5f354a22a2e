#include "procedures/standard_catalogue.h"

namespace innet::procedures {
namespace {

CivilDay from(const char* text) {
  return CivilDay::parse(text).value_or(kEarliestDay);
}

TermRule term(const char* name, CivilDay applies_from, std::int64_t amount, const char* start,
              const char* reference, Counting counting = Counting::calendar,
              bool silent_consent = false) {
  return {.term = name,
          .applies_from = applies_from,
          .amount = amount,
          .counting = counting,
          .start_event = start,
          .silent_consent = silent_consent,
          .legal_reference = reference};
}

std::vector<Guide> guides(const char* it, const char* en, const char* fr, const char* ar,
                          const char* uk, const char* bn) {
  return {{"it", it}, {"en", en}, {"fr", fr}, {"ar", ar}, {"uk", uk}, {"bn", bn}};
}

Procedure family_reunification() {
  return {
      .code = "family_reunification",
      .name = "Nulla osta al ricongiungimento familiare",
      .description =
          "Il cittadino straniero regolarmente soggiornante chiede allo Sportello Unico "
          "il nulla osta per far entrare i familiari.",
      .legal_basis = "art. 29 d.lgs. 286/1998; art. 6 DPR 394/1999; L. 187/2024",
      .fee_cents = 1600,
      .fee_note = "marca da bollo da 16 euro",
      .steps = {{"filed", "Domanda presentata", "Sportello Unico per l'Immigrazione"},
                {"police_checks", "Verifiche della Questura", "Questura di Palermo"},
                {"requirements_check", "Verifica di alloggio e reddito",
                 "Sportello Unico per l'Immigrazione"},
                {"convocation", "Convocazione allo sportello",
                 "Sportello Unico per l'Immigrazione"},
                {"decision", "Decisione sul nulla osta", "Sportello Unico per l'Immigrazione"}},
      .documents = {{"sponsor_permit", "Permesso di soggiorno del richiedente (almeno un anno)"},
                    {"housing_certificate", "Certificato di idoneità alloggiativa"},
                    {"income_proof", "Documentazione del reddito"},
                    {"family_certificates", "Certificati di stato civile e parentela legalizzati"},
                    {"passport_copy", "Copia del passaporto del familiare"},
                    {"health_insurance",
                     "Assicurazione sanitaria (genitori ultrasessantacinquenni)", false}},
      .terms = {term("decision", kEarliestDay, 90, "filed", "art. 29 c.8 d.lgs. 286/1998"),
                term("decision", from("2024-12-11"), 150, "filed",
                     "art. 29 c.8 d.lgs. 286/1998 come modificato dalla L. 187/2024")},
      .guides = guides(
          "Se vivi in Italia con un permesso di almeno un anno puoi chiedere di far venire la tua "
          "famiglia. Servono un alloggio idoneo e un reddito sufficiente. Lo Sportello Unico "
          "risponde entro 150 giorni.",
          "If you live in Italy with a permit of at least one year you can ask to bring your "
          "family. You need suitable housing and enough income. The One-Stop Shop answers within "
          "150 days.",
          "Si vous vivez en Italie avec un titre de séjour d'au moins un an, vous pouvez demander "
          "à faire venir votre famille. Il faut un logement adapté et un revenu suffisant. Le "
          "Guichet unique répond dans les 150 jours.",
          "إذا كنت تعيش في إيطاليا بتصريح إقامة لا تقل مدته عن سنة، يمكنك طلب لمّ شمل أسرتك. "
          "تحتاج إلى سكن مناسب ودخل كافٍ. يرد الشباك الموحد خلال 150 يومًا.",
          "Якщо ви живете в Італії з дозволом на проживання щонайменше на рік, ви можете подати "
          "заяву на возз'єднання з родиною. Потрібні придатне житло та достатній дохід. Єдине "
          "вікно відповідає протягом 150 днів.",
          "আপনি যদি কমপক্ষে এক বছরের পারমিট নিয়ে ইতালিতে থাকেন, তাহলে পরিবারকে আনার জন্য আবেদন "
          "করতে পারেন। উপযুক্ত বাসস্থান ও যথেষ্ট আয় প্রয়োজন। ওয়ান-স্টপ শপ ১৫০ দিনের মধ্যে উত্তর "
          "দেয়।")};
}

Procedure work_entry() {
  return {
      .code = "work_entry",
      .name = "Nulla osta al lavoro subordinato (decreto flussi)",
      .description =
          "Il datore di lavoro chiede nel click day il nulla osta per assumere un "
          "lavoratore che vive all'estero, nei limiti delle quote.",
      .legal_basis = "art. 22 d.lgs. 286/1998; DL 145/2024 conv. L. 187/2024; DL 146/2025",
      .fee_cents = 1600,
      .fee_note = "marca da bollo da 16 euro",
      .steps = {{"filed", "Domanda presentata nel click day", "Sportello Unico per l'Immigrazione"},
                {"quota_charged", "Domanda imputata alla quota",
                 "Sportello Unico per l'Immigrazione"},
                {"checks", "Verifiche dell'Ispettorato del lavoro e della Questura",
                 "Ispettorato Territoriale del Lavoro; Questura di Palermo"},
                {"confirmation_requested", "Richiesta di conferma al datore di lavoro",
                 "Sportello Unico per l'Immigrazione"},
                {"decision", "Rilascio del nulla osta", "Sportello Unico per l'Immigrazione"}},
      .documents = {{"employer_id", "Documento del datore di lavoro"},
                    {"job_offer", "Proposta di contratto di soggiorno"},
                    {"housing_statement", "Dichiarazione sull'alloggio del lavoratore"},
                    {"worker_passport", "Passaporto del lavoratore"},
                    {"employer_confirmation", "Conferma del datore di lavoro"}},
      .terms = {term("decision", kEarliestDay, 60, "quota_charged",
                     "art. 22 c.5 d.lgs. 286/1998: 60 giorni dall'imputazione alla quota, "
                     "silenzio-assenso",
                     Counting::calendar, true),
                term("employer_confirmation", kEarliestDay, 7, "confirmation_requested",
                     "DL 145/2024 conv. L. 187/2024"),
                term("employer_confirmation", from("2025-10-04"), 15, "confirmation_requested",
                     "DL 146/2025")},
      .guides = guides(
          "Il datore di lavoro presenta la domanda nel click day. Dopo l'imputazione alla quota "
          "lo Sportello Unico decide entro 60 giorni; senza risposta il nulla osta si considera "
          "rilasciato. Il datore conferma entro 15 giorni dalla richiesta.",
          "The employer applies on the click day. Once the application is charged to the quota, "
          "the One-Stop Shop decides within 60 days; without an answer the permit is deemed "
          "granted. The employer confirms within 15 days of the request.",
          "L'employeur dépose la demande le jour du click day. Une fois la demande imputée au "
          "quota, le Guichet unique décide dans les 60 jours ; sans réponse, l'autorisation est "
          "réputée accordée. L'employeur confirme dans les 15 jours suivant la demande.",
          "يقدّم صاحب العمل الطلب في يوم النقر. بعد احتساب الطلب ضمن الحصة يقرر الشباك الموحد خلال "
          "60 يومًا، وإذا لم يصدر رد يُعتبر الإذن ممنوحًا. يؤكد صاحب العمل خلال 15 يومًا من الطلب.",
          "Роботодавець подає заяву в день подачі (click day). Після зарахування заяви до квоти "
          "Єдине вікно ухвалює рішення протягом 60 днів; якщо відповіді немає, дозвіл вважається "
          "наданим. Роботодавець підтверджує протягом 15 днів після запиту.",
          "নিয়োগকর্তা ক্লিক ডে-তে আবেদন করেন। আবেদন কোটায় অন্তর্ভুক্ত হওয়ার পর ওয়ান-স্টপ শপ ৬০ "
          "দিনের মধ্যে সিদ্ধান্ত দেয়; উত্তর না এলে অনুমতি দেওয়া হয়েছে বলে ধরা হয়। নিয়োগকর্তা "
          "অনুরোধের ১৫ দিনের মধ্যে নিশ্চিত করেন।")};
}

Procedure permit_conversion() {
  return {
      .code = "permit_conversion",
      .name = "Conversione del permesso di soggiorno",
      .description =
          "Conversione del permesso per studio o lavoro stagionale in permesso per "
          "lavoro subordinato o autonomo.",
      .legal_basis = "art. 6 e art. 5 c.9 d.lgs. 286/1998; art. 14 DPR 394/1999",
      .fee_cents = 1600,
      .fee_note = "marca da bollo da 16 euro; contributo e kit postale a parte",
      .steps = {{"filed", "Domanda presentata", "Sportello Unico per l'Immigrazione"},
                {"first_appointment", "Primo appuntamento allo sportello",
                 "Sportello Unico per l'Immigrazione"},
                {"second_appointment", "Secondo appuntamento: firma del contratto di soggiorno",
                 "Sportello Unico per l'Immigrazione"},
                {"postal_kit", "Kit postale inviato alla Questura", "Questura di Palermo"},
                {"decision", "Esito della conversione", "Questura di Palermo"}},
      .documents = {{"current_permit", "Permesso di soggiorno in corso di validità"},
                    {"passport", "Passaporto"},
                    {"employment_contract", "Contratto di almeno 6 mesi e 20 ore settimanali"}},
      .terms = {term("decision", kEarliestDay, 60, "filed",
                     "art. 5 c.9 d.lgs. 286/1998 (termine generale per il permesso)")},
      .guides = guides(
          "Con un permesso per studio o lavoro stagionale e un contratto di almeno 6 mesi e 20 ore "
          "a settimana puoi chiedere un permesso per lavoro. Ci sono due appuntamenti allo "
          "Sportello Unico, poi il kit postale per la Questura.",
          "With a study or seasonal work permit and a contract of at least 6 months and 20 hours "
          "a week you can ask for a work permit. There are two appointments at the One-Stop Shop, "
          "then the postal kit for the Questura.",
          "Avec un titre d'études ou de travail saisonnier et un contrat d'au moins 6 mois et 20 "
          "heures par semaine, vous pouvez demander un titre de travail. Il y a deux rendez-vous "
          "au Guichet unique, puis le kit postal pour la Questura.",
          "إذا كان لديك تصريح دراسة أو عمل موسمي وعقد لا تقل مدته عن 6 أشهر و20 ساعة أسبوعيًا، "
          "يمكنك طلب تصريح عمل. هناك موعدان في الشباك الموحد، ثم الطرد البريدي إلى الكويستورا.",
          "Маючи дозвіл на навчання або сезонну роботу і договір щонайменше на 6 місяців і 20 "
          "годин на тиждень, ви можете попросити дозвіл на роботу. Є два візити до Єдиного вікна, "
          "потім поштовий пакет до Квестури.",
          "পড়াশোনা বা মৌসুমি কাজের পারমিট এবং কমপক্ষে ৬ মাস ও সপ্তাহে ২০ ঘণ্টার চুক্তি থাকলে আপনি "
          "কাজের পারমিটের আবেদন করতে পারেন। ওয়ান-স্টপ শপে দুটি অ্যাপয়েন্টমেন্ট, তারপর কোয়েস্তুরার "
          "জন্য পোস্টাল কিট।")};
}

Procedure integration_agreement() {
  return {
      .code = "integration_agreement",
      .name = "Accordo di integrazione",
      .description =
          "Chi entra per la prima volta con un permesso di almeno un anno e ha almeno "
          "16 anni firma l'accordo: 16 crediti alla firma, verifica dopo due anni.",
      .legal_basis = "art. 4-bis d.lgs. 286/1998; DPR 179/2011",
      .max_suspensions = 0,
      .steps = {{"signed", "Firma dell'accordo", "Sportello Unico per l'Immigrazione"},
                {"civic_training", "Sessione di formazione civica", "Prefettura di Palermo"},
                {"verification", "Verifica dei crediti", "Sportello Unico per l'Immigrazione"},
                {"decision", "Esito della verifica", "Sportello Unico per l'Immigrazione"}},
      .documents = {{"permit_of_stay", "Permesso di soggiorno"},
                    {"language_certificate", "Certificato di lingua italiana", false},
                    {"course_certificates", "Attestati di corsi e titoli di studio", false}},
      .terms = {term("decision", kEarliestDay, 24, "signed",
                     "art. 4-bis d.lgs. 286/1998; DPR 179/2011 art. 2: durata di due anni",
                     Counting::months)},
      .guides = guides(
          "Al primo permesso firmi l'accordo di integrazione e ricevi 16 crediti. In due anni "
          "segui la formazione civica e impari l'italiano (livello A2): con 30 crediti l'accordo è "
          "rispettato.",
          "With your first permit you sign the integration agreement and receive 16 credits. "
          "Within two years you attend civic training and learn Italian (level A2): with 30 "
          "credits the agreement is fulfilled.",
          "Avec votre premier titre de séjour, vous signez l'accord d'intégration et recevez 16 "
          "crédits. En deux ans, vous suivez la formation civique et apprenez l'italien (niveau "
          "A2) : avec 30 crédits l'accord est respecté.",
          "مع أول تصريح إقامة توقّع اتفاق الاندماج وتحصل على 16 نقطة. خلال سنتين تحضر التدريب "
          "المدني وتتعلم الإيطالية (المستوى A2): بـ30 نقطة يكون الاتفاق قد استوفي.",
          "З першим дозволом ви підписуєте угоду про інтеграцію і отримуєте 16 кредитів. За два "
          "роки ви проходите громадянське навчання і вивчаєте італійську (рівень A2): з 30 "
          "кредитами угоду виконано.",
          "প্রথম পারমিটের সময় আপনি ইন্টিগ্রেশন চুক্তিতে সই করেন এবং ১৬ ক্রেডিট পান। দুই বছরের মধ্যে "
          "নাগরিক প্রশিক্ষণে অংশ নেন এবং ইতালীয় ভাষা (A2 স্তর) শেখেন: ৩০ ক্রেডিট হলে চুক্তি পূরণ "
          "হয়।")};
}

Procedure italian_test() {
  return {
      .code = "italian_test",
      .name = "Test di lingua italiana per il permesso UE per soggiornanti di lungo periodo",
      .description =
          "Test di livello A2 per chi chiede il permesso UE per soggiornanti di lungo "
          "periodo; dopo un esito negativo o un'assenza, nuova domanda dopo 90 giorni.",
      .legal_basis = "art. 9 c.2-bis d.lgs. 286/1998; DM 4 giugno 2010",
      .max_suspensions = 0,
      .clock_term = "convocation",
      .steps = {{"filed", "Domanda presentata", "Prefettura di Palermo"},
                {"convocation", "Convocazione al test", "Prefettura di Palermo"},
                {"test", "Svolgimento del test", "CPIA di Palermo"},
                {"decision", "Esito del test", "Prefettura di Palermo"}},
      .documents = {{"identity_document", "Documento di identità"},
                    {"exemption_certificate", "Certificato A2, attestato CPIA o titolo italiano",
                     false}},
      .terms = {term("convocation", kEarliestDay, 60, "filed",
                     "DM 4 giugno 2010 art. 3: convocazione entro 60 giorni"),
                term("new_application", kEarliestDay, 90, "decision",
                     "DM 4 giugno 2010: nuova domanda dopo 90 giorni dall'esito negativo")},
      .guides = guides(
          "Per il permesso UE di lungo periodo serve l'italiano di livello A2. Dopo la domanda la "
          "Prefettura ti convoca al test entro 60 giorni. Chi ha un certificato A2 o un titolo "
          "italiano non fa il test.",
          "The EU long-term permit requires Italian at level A2. After you apply, the Prefettura "
          "calls you to the test within 60 days. If you hold an A2 certificate or an Italian "
          "diploma you do not take the test.",
          "Le titre UE de longue durée exige l'italien de niveau A2. Après la demande, la "
          "Prefettura vous convoque au test dans les 60 jours. Avec un certificat A2 ou un diplôme "
          "italien, pas de test.",
          "يتطلب تصريح الإقامة الأوروبي طويل الأمد مستوى A2 في الإيطالية. بعد الطلب تستدعيك "
          "المحافظة إلى الاختبار خلال 60 يومًا. من لديه شهادة A2 أو شهادة دراسية إيطالية لا يخضع "
          "للاختبار.",
          "Для дозволу ЄС на довгострокове проживання потрібна італійська на рівні A2. Після заяви "
          "Префектура запрошує вас на тест протягом 60 днів. Якщо у вас є сертифікат A2 або "
          "італійський диплом, тест не потрібен.",
          "ইইউ দীর্ঘমেয়াদি পারমিটের জন্য A2 স্তরের ইতালীয় ভাষা দরকার। আবেদনের পর প্রেফেত্তুরা ৬০ "
          "দিনের মধ্যে পরীক্ষায় ডাকে। A2 সনদ বা ইতালীয় শিক্ষাগত সনদ থাকলে পরীক্ষা দিতে হয় না।")};
}

Procedure citizenship() {
  return {
      .code = "citizenship",
      .name = "Cittadinanza italiana per residenza o matrimonio",
      .description =
          "Domanda di cittadinanza per residenza (art. 9) o per matrimonio (art. 5); "
          "giuramento entro sei mesi dalla notifica del decreto.",
      .legal_basis = "L. 91/1992, artt. 5, 9, 9-bis, 9-ter",
      .fee_cents = 25000,
      .fee_note = "contributo di 250 euro (art. 9-bis L. 91/1992); marca da bollo a parte",
      .steps = {{"filed", "Domanda presentata", "Prefettura di Palermo"},
                {"documents_check", "Verifica dei documenti", "Prefettura di Palermo"},
                {"opinions", "Pareri degli organi di sicurezza", "Questura di Palermo"},
                {"decision", "Decreto", "Ministero dell'Interno"}},
      .documents = {{"birth_certificate", "Atto di nascita legalizzato e tradotto"},
                    {"criminal_records", "Certificati penali del Paese di origine"},
                    {"language_b1", "Certificazione di italiano B1"},
                    {"income_proof", "Redditi degli ultimi tre anni"},
                    {"fee_receipt", "Ricevuta del contributo"}},
      .terms = {term("decision", kEarliestDay, 24, "filed",
                     "art. 9-ter L. 91/1992 (DL 130/2020): 24 mesi, prorogabili fino a 36",
                     Counting::months),
                term("oath", kEarliestDay, 6, "decision",
                     "art. 10 L. 91/1992: giuramento entro sei mesi", Counting::months)},
      .guides = guides(
          "Puoi chiedere la cittadinanza dopo 10 anni di residenza (5 per rifugiati e apolidi, 4 "
          "per cittadini UE) o dopo 2 anni di matrimonio. Servono l'italiano B1 e un contributo di "
          "250 euro. La decisione arriva entro 24 mesi.",
          "You can apply for citizenship after 10 years of residence (5 for refugees and "
          "stateless people, 4 for EU citizens) or after 2 years of marriage. You need Italian at "
          "B1 and a fee of 250 euros. The decision comes within 24 months.",
          "Vous pouvez demander la nationalité après 10 ans de résidence (5 pour les réfugiés et "
          "apatrides, 4 pour les citoyens de l'UE) ou après 2 ans de mariage. Il faut l'italien "
          "B1 et une contribution de 250 euros. La décision arrive dans les 24 mois.",
          "يمكنك طلب الجنسية بعد 10 سنوات من الإقامة (5 للاجئين وعديمي الجنسية، 4 لمواطني الاتحاد "
          "الأوروبي) أو بعد سنتين من الزواج. تحتاج إلى مستوى B1 في الإيطالية ورسم 250 يورو. يصدر "
          "القرار خلال 24 شهرًا.",
          "Подати заяву на громадянство можна після 10 років проживання (5 для біженців і осіб "
          "без громадянства, 4 для громадян ЄС) або після 2 років шлюбу. Потрібні італійська B1 і "
          "внесок 250 євро. Рішення ухвалюють протягом 24 місяців.",
          "১০ বছর বসবাসের পর (শরণার্থী ও রাষ্ট্রহীনদের জন্য ৫, ইইউ নাগরিকদের জন্য ৪) বা বিয়ের ২ "
          "বছর পর নাগরিকত্বের আবেদন করা যায়। B1 স্তরের ইতালীয় এবং ২৫০ ইউরো ফি লাগে। ২৪ মাসের "
          "মধ্যে সিদ্ধান্ত আসে।")};
}

Procedure temporary_protection_ukraine() {
  return {
      .code = "temporary_protection_ukraine",
      .name = "Protezione temporanea per le persone provenienti dall'Ucraina",
      .description =
          "Permesso per protezione temporanea rilasciato dalla Questura, rinnovato "
          "di anno in anno; consente lavoro, iscrizione al SSN e studio.",
      .legal_basis =
          "DPCM 28 marzo 2022; Decisione di esecuzione (UE) 2022/382; Decisione (UE) "
          "2025/1460 (fino al 4 marzo 2027)",
      .steps = {{"filed", "Richiesta presentata", "Questura di Palermo"},
                {"fingerprints", "Fotosegnalamento", "Questura di Palermo"},
                {"decision", "Rilascio del permesso", "Questura di Palermo"}},
      .documents = {{"identity_document", "Passaporto o documento di identità ucraino"},
                    {"residence_in_ukraine",
                     "Prova della residenza in Ucraina prima del 24 "
                     "febbraio 2022",
                     false}},
      .terms = {term("decision", kEarliestDay, 60, "filed",
                     "art. 5 c.9 d.lgs. 286/1998 (termine generale per il permesso)")},
      .guides = guides(
          "Se sei arrivato dall'Ucraina puoi chiedere in Questura il permesso per protezione "
          "temporanea. Ti permette di lavorare, studiare e avere il medico di base. Vale fino al 4 "
          "marzo 2027.",
          "If you came from Ukraine you can ask the Questura for a temporary protection permit. "
          "It lets you work, study and have a family doctor. It is valid until 4 March 2027.",
          "Si vous êtes arrivé d'Ukraine, vous pouvez demander à la Questura un titre de "
          "protection temporaire. Il permet de travailler, d'étudier et d'avoir un médecin "
          "traitant. Il est valable jusqu'au 4 mars 2027.",
          "إذا وصلت من أوكرانيا يمكنك أن تطلب من الكويستورا تصريح الحماية المؤقتة. يسمح لك بالعمل "
          "والدراسة والحصول على طبيب أسرة. وهو صالح حتى 4 مارس 2027.",
          "Якщо ви прибули з України, ви можете звернутися до Квестури по дозвіл на тимчасовий "
          "захист. Він дає право працювати, навчатися і мати сімейного лікаря. Діє до 4 березня "
          "2027 року.",
          "আপনি ইউক্রেন থেকে এসে থাকলে কোয়েস্তুরায় অস্থায়ী সুরক্ষার পারমিট চাইতে পারেন। এতে কাজ, "
          "পড়াশোনা ও পারিবারিক ডাক্তার পাওয়া যায়। এটি ৪ মার্চ ২০২৭ পর্যন্ত বৈধ।")};
}

}  // namespace

std::vector<Procedure> standard_catalogue() {
  std::vector<Procedure> all = {family_reunification(),        work_entry(),   permit_conversion(),
                                integration_agreement(),       italian_test(), citizenship(),
                                temporary_protection_ukraine()};
  for (auto& p : all) add_standard_names(p);
  return all;
}

}  // namespace innet::procedures

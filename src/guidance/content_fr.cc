// The French text of the guidance pages, translated from the Italian (content_it.cc).
#include "guidance/content.h"

namespace innet::guidance {

const std::vector<SeedPage>& pages_fr() {
  static const std::vector<SeedPage> pages =
      {
          {"minor", "fr",
           R"x(- Âge déclaré ou apparent inférieur à 18 ans, en famille ou avec un adulte de référence
- Enfants qui ne vont pas à l'école ou qui travaillent
- Signes de négligence, de malnutrition, blessures inexpliquées
- Changements de comportement : repli, agressivité, troubles du sommeil)x",
           R"x(Parlez à l'enfant en présence du parent, mais demandez aussi à le voir seul si quelque chose vous inquiète. Utilisez des mots simples et un médiateur de sa langue, et expliquez qui vous êtes et ce que vous ferez de ce qu'il raconte.)x",
           R"x(- Pédiatre de l'ASP Palerme, après l'inscription au Service sanitaire national
- Hôpital des enfants « G. Di Cristina » et urgences pédiatriques pour les urgences (118)
- Service social de la commune pour la protection de l'enfance
- Danger immédiat : 112 ; urgence enfance : 114)x",
           R"x(Tout enfant a droit à l'école et aux soins, quelle que soit sa situation. L'intérêt supérieur de l'enfant guide chaque décision, et la famille reste unie lors d'un transfert.)x",
           R"x(- Art. 17 du décret législatif 142/2015 ([Normattiva](https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2015-08-18;142))
- Outil IPSN de l'EUAA ([ipsn.euaa.europa.eu](https://ipsn.euaa.europa.eu)))x"},
          {"unaccompanied_minor", "fr",
           R"x(- Personne qui dit avoir moins de 18 ans et qui est arrivée sans adulte responsable
- Un adulte qui se présente comme parent mais ne sait pas répondre à son sujet
- Dettes de voyage, demandes d'argent, contacts avec des personnes qui l'attendent
- Peur, fugues du centre, travail non déclaré)x",
           R"x(En cas de doute sur l'âge, la minorité est présumée. Expliquez ses droits avec un médiateur, et qu'un tuteur l'accompagnera. Ne demandez pas de détails sur le voyage avant qu'il soit en sécurité.)x",
           R"x(- Signalement immédiat au Parquet près le Tribunal pour mineurs de Palerme et au Tribunal pour la nomination du tuteur
- Service social de la commune et structure d'accueil pour mineurs
- Évaluation de l'âge uniquement par une procédure pluridisciplinaire, sur décision de l'autorité
- Numéro vert anti-traite 800 290 290 en cas de signes d'exploitation)x",
           R"x(Le mineur non accompagné ne peut être ni refoulé ni expulsé et doit être accueilli dans des places pour mineurs. Il a droit à un tuteur, à être entendu, à l'école et aux soins.)x",
           R"x(- Loi 47/2017 (mesures de protection des mineurs étrangers non accompagnés)
- Art. 19 du décret législatif 142/2015)x"},
          {"disability", "fr",
           R"x(- Difficultés à se déplacer, à voir, à entendre ou à parler
- Aides techniques absentes ou cassées (fauteuil roulant, lunettes, appareil auditif)
- Difficultés à comprendre ou à retenir les informations : handicap intellectuel possible
- Dépendance envers d'autres pour les soins personnels)x",
           R"x(Demandez à la personne ce dont elle a besoin pour participer : ne décidez pas à sa place. Vérifiez qu'elle a compris, avec des phrases courtes et, si nécessaire, écrites ou illustrées. Demandez si elle a des documents médicaux de son pays d'origine.)x",
           R"x(- Médecin généraliste de l'ASP Palerme après l'inscription au Service sanitaire national
- Services de rééducation et fourniture d'aides techniques de l'ASP
- Demande de reconnaissance de l'invalidité civile (INPS, visite de la commission de l'ASP)
- Service social de la commune pour l'aide)x",
           R"x(La personne a droit à un logement accessible et à des services adaptés dans le centre (art. 17, al. 3, décret législatif 142/2015) et, pour les entretiens, à un accompagnant si elle le demande.)x",
           R"x(- Loi 104/1992
- Convention de l'ONU relative aux droits des personnes handicapées)x"},
          {"elderly", "fr",
           R"x(- Personne âgée, seule ou avec des proches qui ne peuvent pas s'occuper d'elle
- Maladies chroniques, médicaments à prendre régulièrement
- Chutes, difficultés à marcher, pertes de mémoire
- Isolement, manque d'appétit, négligence de soi)x",
           R"x(Adressez-vous directement à la personne, avec respect, et pas seulement aux proches. Procédez calmement, répétez si nécessaire et demandez quels médicaments elle prend et si elle a des ordonnances ou des comptes rendus médicaux.)x",
           R"x(- Médecin généraliste de l'ASP Palerme pour les traitements de longue durée
- Hôpitaux publics de Palerme (ARNAS Civico, Policlinico « P. Giaccone », Villa Sofia-Cervello) pour les consultations spécialisées
- Service social de la commune pour l'aide à domicile
- 118 pour les urgences)x",
           R"x(Elle a droit à une place adaptée à son état, près des proches qui l'assistent, et à la continuité des soins.)x",
           R"x(- Art. 17 du décret législatif 142/2015
- HCR, codes des besoins spécifiques (personne âgée à risque))x"},
          {"woman", "fr",
           R"x(- Femme seule ou avec des enfants, sans réseau de soutien
- Signes de contrôle par un homme : elle ne parle jamais seule, elle n'a pas ses documents
- Blessures, peur, demande de ne pas être près de certaines personnes
- Violences subies pendant le voyage ou en Libye, risque d'exploitation)x",
           R"x(Proposez un entretien avec une intervenante et une médiatrice, dans un lieu discret et sans les proches. N'insistez pas : expliquez qu'elle peut en reparler quand elle le souhaite et que les services sont gratuits et confidentiels.)x",
           R"x(- 1522, numéro contre les violences et le harcèlement, gratuit et joignable 24 h sur 24, aussi dans d'autres langues
- Centres antiviolence du réseau 1522 à Palerme
- Centres de consultation familiale (consultori) de l'ASP Palerme
- Numéro vert anti-traite 800 290 290 en cas de signes de traite)x",
           R"x(Elle a droit à un hébergement séparé et sûr, à une interprète femme lors des entretiens si elle le demande, et à être informée des services pour les victimes de violence.)x",
           R"x(- Art. 17 du décret législatif 142/2015 modifié par le décret-loi 133/2023
- Convention d'Istanbul)x"},
          {"pregnant_woman", "fr",
           R"x(- Grossesse déclarée ou visible, accouchement récent (jusqu'à six mois)
- Aucun suivi médical pendant la grossesse
- Nausées, douleurs, saignements, gonflements : signes à évaluer tout de suite
- Grossesse issue de violences)x",
           R"x(Demandez avec délicatesse comment elle va et si elle a déjà été examinée. Proposez une médiatrice. Si la grossesse est issue de violences, ne demandez pas de détails : proposez le centre de consultation familiale et un soutien psychologique.)x",
           R"x(- Centres de consultation familiale de l'ASP Palerme pour le suivi de grossesse
- Maternité d'un hôpital public de Palerme ; 118 pour les urgences
- Pédiatre pour le nouveau-né
- 1522 si la femme fait état de violences)x",
           R"x(Elle a droit aux soins pendant la grossesse et l'accouchement ; elle ne peut pas être expulsée pendant la grossesse et les six mois suivant la naissance. Elle est prioritaire pour l'accueil.)x",
           R"x(- Art. 17 du décret législatif 142/2015
- Art. 19 du décret législatif 286/1998 (Texte unique sur l'immigration))x"},
          {"single_parent", "fr",
           R"x(- Mère ou père seul avec des enfants de moins de 18 ans
- Difficulté à concilier la garde des enfants et les rendez-vous
- Enfants qui ne vont pas à l'école ni à la crèche
- Fatigue, isolement, problèmes d'argent)x",
           R"x(Écoutez les difficultés du quotidien et fixez les rendez-vous à des heures compatibles avec les enfants. Demandez si l'autre parent est vivant et où il se trouve, sans insister.)x",
           R"x(- Service social de la commune
- Inscription à l'école et aux services de la petite enfance
- Pédiatre de l'ASP Palerme
- Centres de consultation familiale pour le soutien à la parentalité)x",
           R"x(La famille est accueillie ensemble, dans le même centre. Les enfants ont droit à l'école ; le parent a droit à des informations claires sur les services de soutien.)x",
           R"x(- Art. 17 du décret législatif 142/2015
- HCR, codes des besoins spécifiques (parent seul))x"},
          {"trafficking_victim", "fr",
           R"x(- Quelqu'un parle à la place de la personne ou l'accompagne toujours
- Documents gardés par d'autres, dette à rembourser pour le voyage
- Tatouages ou marques d'appartenance, appels insistants, sorties la nuit
- Récit vague et identique à celui d'autres personnes, peur de représailles contre la famille)x",
           R"x(Parlez à la personne seule, avec un médiateur de confiance, jamais avec la personne qui l'accompagne. Ne demandez pas de preuves : expliquez qu'une aide confidentielle et gratuite existe, même sans porter plainte.)x",
           R"x(- Numéro vert anti-traite 800 290 290 : gratuit, anonyme, 24 h sur 24, en plusieurs langues
- Projets anti-traite de Sicile, qui évaluent la situation et prennent la personne en charge
- Commission territoriale, avec le consentement de la personne, pour les garanties de la procédure d'asile
- Associations d'aide juridique)x",
           R"x(La victime a droit à un programme d'assistance et à un titre de séjour (permesso di soggiorno) pour protection sociale (art. 18 décret législatif 286/1998), même sans porter plainte.)x",
           R"x(- Art. 18 du décret législatif 286/1998
- Lignes directrices du HCR pour les Commissions territoriales sur l'identification des victimes de traite)x"},
          {"serious_illness", "fr",
           R"x(- Maladie diagnostiquée, traitements ou médicaments à ne pas interrompre
- Signes visibles : amaigrissement, fièvre, toux persistante, plaies qui ne guérissent pas
- Comptes rendus médicaux apportés du pays d'origine
- Demandes répétées de voir un médecin)x",
           R"x(Posez des questions sur la santé avec discrétion : les informations médicales restent confidentielles et ne sont partagées qu'avec le consentement de la personne. Vérifiez qu'elle a compris le traitement.)x",
           R"x(- Inscription au Service sanitaire national et médecin généraliste de l'ASP Palerme
- Hôpitaux publics de Palerme (ARNAS Civico, Policlinico « P. Giaccone », Villa Sofia-Cervello) pour les soins spécialisés
- 118 pour les urgences)x",
           R"x(Elle a droit aux soins et à une place adaptée à son état. Un état grave peut donner lieu à un titre de séjour (permesso di soggiorno) pour soins médicaux.)x",
           R"x(- Art. 19, al. 2, let. d-bis du décret législatif 286/1998
- Art. 17 du décret législatif 142/2015)x"},
          {"mental_disorder", "fr",
           R"x(- Insomnie, cauchemars, forte anxiété, tristesse qui dure
- Comportements inhabituels ou impulsifs, propos confus ou absents
- Négligence de soi, perte d'appétit
- Pensées ou gestes d'automutilation)x",
           R"x(Gardez un ton calme et sans jugement, dans un lieu tranquille. Demandez comment elle dort et comment elle se sent. Si elle parle de se faire du mal, ne la laissez pas seule et demandez de l'aide immédiatement.)x",
           R"x(- Centre de santé mentale du district de l'ASP Palerme
- Services d'ethnopsychiatrie et soutien psychologique des associations
- 118 pour les urgences ou un risque de suicide)x",
           R"x(Elle a droit à des soins confidentiels et à un entretien adapté à son état ; le trouble doit être pris en compte dans la procédure d'asile et dans les décisions sur l'accueil.)x",
           R"x(- Art. 17 du décret législatif 142/2015
- Lignes directrices du ministère de la Santé pour les victimes de torture et de violence (2017))x"},
          {"torture_violence", "fr",
           R"x(- Cicatrices, fractures mal consolidées, blessures dues à des agressions ou à des contraintes
- Récits de détention, de coups, de violences sexuelles, y compris en Libye
- Cauchemars, souvenirs envahissants, peur, difficultés de concentration
- Utilisez le questionnaire PROTECT pour une première évaluation)x",
           R"x(Ne demandez pas de raconter les faits : il suffit de savoir que cela est arrivé. Laissez la personne choisir le sexe du médiateur et de l'intervenant, respectez les silences et expliquez à quoi sert l'orientation.)x",
           R"x(- Services de santé mentale et de médecine légale de l'ASP Palerme
- Hôpitaux publics de Palerme pour le certificat médico-légal (Protocole d'Istanbul)
- Commission territoriale, avec le consentement, pour les garanties lors de l'entretien
- 1522 pour les violences fondées sur le genre)x",
           R"x(Elle a droit à des soins et à une réadaptation adaptés, à un entretien devant la Commission avec un personnel formé et à un certificat médico-légal utile à sa demande.)x",
           R"x(- Art. 17 du décret législatif 142/2015
- Protocole d'Istanbul (ONU))x"},
          {"fgm", "fr",
           R"x(- Origine d'un pays où les mutilations génitales féminines sont répandues
- Douleurs, infections urinaires à répétition, difficultés lors de l'accouchement
- Crainte qu'une fille subisse la pratique
- Demande d'un examen gynécologique)x",
           R"x(Parlez uniquement entre femmes, avec une médiatrice. N'utilisez pas de mots qui jugent : interrogez sur la santé et proposez un examen, sans insister.)x",
           R"x(- Centres de consultation familiale de l'ASP Palerme
- Service de gynécologie d'un hôpital public de Palerme
- 1522 et centres antiviolence
- Service social de la commune si une fillette est en danger)x",
           R"x(Cette pratique est un délit en Italie (art. 583-bis du Code pénal). La crainte de la subir peut fonder une protection internationale ; les soins sont gratuits et confidentiels.)x",
           R"x(- Loi 7/2006
- Art. 17 du décret législatif 142/2015)x"},
          {"lgbtiq", "fr",
           R"x(- La personne dit être lesbienne, gay, bisexuelle, trans ou intersexe, ou craint d'être reconnue comme telle
- Menaces ou violences de la part d'autres personnes hébergées ou de proches
- Isolement, peur de parler devant des compatriotes
- Documents avec un nom ou un genre différents de ceux auxquels la personne s'identifie)x",
           R"x(Utilisez le prénom et les pronoms indiqués par la personne et garantissez la confidentialité. Ne demandez pas de détails intimes : demandez si elle se sent en sécurité dans le centre.)x",
           R"x(- Associations LGBTIQ+ de Palerme qui offrent soutien et orientation
- Services de santé mentale de l'ASP Palerme si un soutien est nécessaire
- Associations d'aide juridique pour la demande d'asile)x",
           R"x(Elle a droit à un hébergement sûr et à ne pas être exposée à ceux qui la menacent ; la violence liée à l'orientation sexuelle ou à l'identité de genre est une violence grave au sens de l'art. 17.)x",
           R"x(- Art. 17 du décret législatif 142/2015
- Catégorie LGBTIQ+ de l'outil IPSN de l'EUAA)x"},
      };
  return pages;
}

}  // namespace innet::guidance

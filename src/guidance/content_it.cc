// The Italian text of the guidance pages: the original the other languages translate.
#include "guidance/content.h"

namespace innet::guidance {

const std::vector<SeedPage>& pages_it() {
  static const std::
      vector<SeedPage>
          pages =
              {
                  {"minor", "it",
                   R"x(- Età dichiarata o apparente sotto i 18 anni, in famiglia o con un adulto di riferimento
- Bambini che non frequentano la scuola o che lavorano
- Segni di trascuratezza, malnutrizione, ferite non spiegate
- Cambiamenti di comportamento: ritiro, aggressività, disturbi del sonno)x",
                   R"x(Parla con il bambino in presenza del genitore, ma chiedi anche di vederlo da solo se qualcosa preoccupa. Usa parole semplici, un mediatore della sua lingua e spiega chi sei e cosa farai con ciò che racconta.)x",
                   R"x(- Pediatra di libera scelta dell'ASP Palermo, dopo l'iscrizione al Servizio sanitario nazionale
- Ospedale dei Bambini "G. Di Cristina" e pronto soccorso pediatrico per le urgenze (118)
- Servizio sociale del Comune per la tutela dei minori
- Per un pericolo immediato: 112; Emergenza infanzia: 114)x",
                   R"x(Ogni minore ha diritto alla scuola e alle cure qualunque sia la sua posizione. L'interesse superiore del minore guida ogni decisione e l'unità familiare va preservata nel trasferimento.)x",
                   R"x(- Art. 17 d.lgs. 142/2015 ([Normattiva](https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2015-08-18;142))
- Strumento EUAA IPSN ([ipsn.euaa.europa.eu](https://ipsn.euaa.europa.eu)))x"},
                  {"unaccompanied_minor", "it",
                   R"x(- Persona che dice di avere meno di 18 anni ed è arrivata senza un adulto responsabile
- Un adulto che si presenta come parente ma non sa rispondere su di lui
- Debiti di viaggio, richieste di denaro, contatti con persone che lo aspettano
- Paura, fughe dal centro, lavoro in nero)x",
                   R"x(In caso di dubbio sull'età si presume la minore età. Spiega con un mediatore i suoi diritti e che un tutore lo accompagnerà. Non chiedere dettagli del viaggio prima che sia al sicuro.)x",
                   R"x(- Segnalazione immediata alla Procura presso il Tribunale per i minorenni di Palermo e al Tribunale per la nomina del tutore
- Servizio sociale del Comune e struttura di accoglienza per minori
- Accertamento dell'età solo con procedura multidisciplinare, su disposizione dell'autorità
- Numero Verde Antitratta 800 290 290 se ci sono segni di sfruttamento)x",
                   R"x(Il minore non accompagnato non può essere respinto né espulso e va accolto in posti per minori. Ha diritto a un tutore, all'ascolto, alla scuola e alle cure.)x",
                   R"x(- Legge 47/2017 (misure di protezione dei minori stranieri non accompagnati)
- Art. 19 d.lgs. 142/2015)x"},
                  {"disability", "it",
                   R"x(- Difficoltà a muoversi, a vedere, a sentire o a parlare
- Ausili mancanti o rotti (carrozzina, occhiali, apparecchio acustico)
- Difficoltà a capire le informazioni o a ricordarle: possibile disabilità intellettiva
- Dipendenza da altri per la cura di sé)x",
                   R"x(Chiedi alla persona di cosa ha bisogno per partecipare: non decidere al suo posto. Verifica che abbia capito, con frasi brevi e, se serve, scritte o illustrate. Chiedi se ha documenti medici del paese di origine.)x",
                   R"x(- Medico di medicina generale dell'ASP Palermo dopo l'iscrizione al Servizio sanitario nazionale
- Servizi di riabilitazione e fornitura di ausili dell'ASP
- Domanda di accertamento dell'invalidità civile (INPS, visita della commissione ASP)
- Servizio sociale del Comune per l'assistenza)x",
                   R"x(La persona ha diritto a un alloggio accessibile e a servizi adeguati nel centro (art. 17 c. 3 d.lgs. 142/2015) e, per i colloqui, a un accompagnatore se lo chiede.)x",
                   R"x(- Legge 104/1992
- Convenzione ONU sui diritti delle persone con disabilità)x"},
                  {"elderly", "it",
                   R"x(- Persona anziana, sola o con familiari che non riescono ad assisterla
- Malattie croniche, farmaci da assumere con regolarità
- Cadute, difficoltà a camminare, perdita di memoria
- Isolamento, scarso appetito, trascuratezza di sé)x",
                   R"x(Rivolgiti alla persona direttamente e con rispetto, senza parlare solo con i familiari. Procedi con calma, ripeti se serve e chiedi quali farmaci prende e se ha ricette o referti.)x",
                   R"x(- Medico di medicina generale dell'ASP Palermo per le terapie continuative
- Ospedali pubblici di Palermo (ARNAS Civico, Policlinico "P. Giaccone", Villa Sofia-Cervello) per le visite specialistiche
- Servizio sociale del Comune per l'assistenza domiciliare
- 118 per le emergenze)x",
                   R"x(Ha diritto a un posto adeguato alle sue condizioni, vicino ai familiari che lo assistono, e alla continuità delle cure.)x",
                   R"x(- Art. 17 d.lgs. 142/2015
- UNHCR, codici dei bisogni specifici (persona anziana a rischio))x"},
                  {"woman", "it",
                   R"x(- Donna sola o con bambini, senza una rete di sostegno
- Segni di controllo da parte di un uomo: non parla da sola, non ha i suoi documenti
- Ferite, paura, richiesta di non stare vicino a certe persone
- Violenza subita nel viaggio o in Libia, rischio di sfruttamento)x",
                   R"x(Offri un colloquio con un'operatrice e una mediatrice donna, in un luogo riservato e senza familiari. Non insistere: spiega che può tornare a parlarne quando vuole e che i servizi sono gratuiti e riservati.)x",
                   R"x(- 1522, numero antiviolenza e stalking, gratuito e attivo 24 ore su 24, anche in altre lingue
- Centri antiviolenza della rete 1522 a Palermo
- Consultori familiari dell'ASP Palermo
- Numero Verde Antitratta 800 290 290 se ci sono segni di tratta)x",
                   R"x(Ha diritto a un alloggio separato e sicuro, a un'interprete donna nei colloqui se lo chiede e a essere informata sui servizi per le vittime di violenza.)x",
                   R"x(- Art. 17 d.lgs. 142/2015 come modificato dal DL 133/2023
- Convenzione di Istanbul)x"},
                  {"pregnant_woman", "it",
                   R"x(- Gravidanza dichiarata o visibile, parto recente (fino a sei mesi)
- Nessun controllo medico in gravidanza
- Nausea, dolori, perdite di sangue, gonfiori: segni da valutare subito
- Gravidanza frutto di violenza)x",
                   R"x(Chiedi con delicatezza come sta e se è già stata visitata. Offri una mediatrice donna. Se la gravidanza è frutto di violenza, non chiedere dettagli: proponi il consultorio e il sostegno psicologico.)x",
                   R"x(- Consultori familiari dell'ASP Palermo per i controlli in gravidanza
- Punto nascita di un ospedale pubblico di Palermo; 118 per le urgenze
- Pediatra di libera scelta per il neonato
- 1522 se la donna riferisce violenza)x",
                   R"x(Ha diritto alle cure in gravidanza e al parto; non può essere espulsa durante la gravidanza e nei sei mesi dopo la nascita. Ha priorità nell'accoglienza.)x",
                   R"x(- Art. 17 d.lgs. 142/2015
- Art. 19 d.lgs. 286/1998 (Testo unico immigrazione))x"},
                  {"single_parent", "it",
                   R"x(- Madre o padre solo con figli sotto i 18 anni
- Fatica a conciliare la cura dei figli con gli appuntamenti
- Figli che non vanno a scuola o all'asilo
- Stanchezza, isolamento, problemi economici)x",
                   R"x(Ascolta quali sono le difficoltà quotidiane e organizza gli appuntamenti in orari compatibili con i figli. Chiedi se l'altro genitore è vivo e dove si trova, senza forzare.)x",
                   R"x(- Servizio sociale del Comune
- Iscrizione a scuola e ai servizi per l'infanzia
- Pediatra di libera scelta dell'ASP Palermo
- Consultori familiari per il sostegno alla genitorialità)x",
                   R"x(La famiglia va accolta insieme, nello stesso centro. I figli hanno diritto alla scuola; il genitore ha diritto a informazioni chiare sui servizi di sostegno.)x",
                   R"x(- Art. 17 d.lgs. 142/2015
- UNHCR, codici dei bisogni specifici (genitore solo))x"},
                  {"trafficking_victim", "it",
                   R"x(- Qualcuno parla al posto della persona o la accompagna sempre
- Documenti trattenuti da altri, debito da ripagare per il viaggio
- Tatuaggi o segni di appartenenza, telefonate insistenti, uscite notturne
- Racconto vago e uguale a quello di altri, paura di ritorsioni sulla famiglia)x",
                   R"x(Parla con la persona da sola, con un mediatore di fiducia e mai con chi la accompagna. Non chiedere prove: spiega che esiste aiuto riservato e gratuito, anche senza denuncia.)x",
                   R"x(- Numero Verde Antitratta 800 290 290: gratuito, anonimo, 24 ore su 24, in più lingue
- Progetti antitratta della Sicilia, che valutano e prendono in carico
- Commissione territoriale, con il consenso della persona, per le garanzie nella procedura d'asilo
- Associazioni di tutela legale)x",
                   R"x(La vittima ha diritto a un programma di assistenza e a un permesso di soggiorno per protezione sociale (art. 18 d.lgs. 286/1998), anche senza denunciare.)x",
                   R"x(- Art. 18 d.lgs. 286/1998
- Linee guida UNHCR per le Commissioni territoriali sull'identificazione delle vittime di tratta)x"},
                  {"serious_illness", "it",
                   R"x(- Malattia diagnosticata, terapie o farmaci da non interrompere
- Segni visibili: dimagrimento, febbre, tosse persistente, ferite che non guariscono
- Referti medici portati dal paese di origine
- Richiesta ripetuta di vedere un medico)x",
                   R"x(Chiedi della salute con discrezione: le informazioni sanitarie restano riservate e si condividono solo con il consenso della persona. Verifica che abbia capito la terapia.)x",
                   R"x(- Iscrizione al Servizio sanitario nazionale e medico di medicina generale dell'ASP Palermo
- Ospedali pubblici di Palermo (ARNAS Civico, Policlinico "P. Giaccone", Villa Sofia-Cervello) per le cure specialistiche
- 118 per le emergenze)x",
                   R"x(Ha diritto alle cure e a un posto adatto alle sue condizioni. In caso di condizioni gravi può essere rilasciato un permesso di soggiorno per cure mediche.)x",
                   R"x(- Art. 19 c. 2 lett. d-bis d.lgs. 286/1998
- Art. 17 d.lgs. 142/2015)x"},
                  {"mental_disorder", "it",
                   R"x(- Insonnia, incubi, forte ansia, tristezza che dura
- Comportamenti insoliti o impulsivi, discorsi confusi o assenti
- Trascuratezza di sé, perdita dell'appetito
- Pensieri o gesti di autolesionismo)x",
                   R"x(Mantieni un tono calmo e non giudicante, in un luogo tranquillo. Chiedi come dorme e come si sente. Se parla di farsi del male, non lasciarla sola e chiedi aiuto subito.)x",
                   R"x(- Centro di salute mentale dell'ASP Palermo del distretto
- Servizi di etnopsichiatria e sostegno psicologico delle associazioni
- 118 per le emergenze o il rischio di suicidio)x",
                   R"x(Ha diritto a cure riservate e a un colloquio adatto alle sue condizioni; il disturbo va considerato nella procedura d'asilo e nelle decisioni sull'accoglienza.)x",
                   R"x(- Art. 17 d.lgs. 142/2015
- Linee guida del Ministero della Salute per le vittime di tortura e violenza (2017))x"},
                  {"torture_violence", "it",
                   R"x(- Cicatrici, fratture mal consolidate, ferite da aggressione o da costrizione
- Racconto di detenzione, percosse, violenza sessuale, anche in Libia
- Incubi, ricordi intrusivi, paura, difficoltà di concentrazione
- Usa il questionario PROTECT per una prima valutazione)x",
                   R"x(Non chiedere di raccontare i fatti: basta sapere che è successo. Lascia che la persona scelga il sesso del mediatore e dell'operatore, rispetta i silenzi e spiega a cosa serve l'invio.)x",
                   R"x(- Servizi di salute mentale e medicina legale dell'ASP Palermo
- Ospedali pubblici di Palermo per la certificazione medico-legale (Protocollo di Istanbul)
- Commissione territoriale, con il consenso, per le garanzie nel colloquio
- 1522 per la violenza di genere)x",
                   R"x(Ha diritto a cure e riabilitazione adeguate, a un colloquio in Commissione con personale formato e a una certificazione medico-legale utile alla domanda.)x",
                   R"x(- Art. 17 d.lgs. 142/2015
- Protocollo di Istanbul (ONU))x"},
                  {"fgm", "it",
                   R"x(- Provenienza da paesi in cui le mutilazioni genitali femminili sono diffuse
- Dolori, infezioni urinarie ripetute, difficoltà nel parto
- Timore che una figlia venga sottoposta alla pratica
- Richiesta di una visita ginecologica)x",
                   R"x(Parla solo tra donne e con una mediatrice donna. Non usare parole che giudicano: chiedi della salute e offri una visita, senza insistere.)x",
                   R"x(- Consultori familiari dell'ASP Palermo
- Ginecologia di un ospedale pubblico di Palermo
- 1522 e centri antiviolenza
- Servizio sociale del Comune se una bambina è a rischio)x",
                   R"x(La pratica è un reato in Italia (art. 583-bis del codice penale). Il timore di subirla può fondare la protezione internazionale; le cure sono gratuite e riservate.)x",
                   R"x(- Legge 7/2006
- Art. 17 d.lgs. 142/2015)x"},
                  {"lgbtiq", "it",
                   R"x(- La persona dice di essere lesbica, gay, bisessuale, trans o intersex, o teme di essere riconosciuta come tale
- Minacce o violenze da altri ospiti o da familiari
- Isolamento, paura di parlare davanti ai connazionali
- Documenti con un nome o un genere diversi da quelli in cui la persona si riconosce)x",
                   R"x(Usa il nome e i pronomi che la persona indica e garantisci la riservatezza. Non chiedere dettagli intimi: chiedi se si sente al sicuro nel centro.)x",
                   R"x(- Associazioni LGBTIQ+ di Palermo che offrono sostegno e orientamento
- Servizi di salute mentale dell'ASP Palermo se serve sostegno
- Associazioni di tutela legale per la domanda d'asilo)x",
                   R"x(Ha diritto a un alloggio sicuro e a non essere esposta a chi la minaccia; la violenza legata all'orientamento sessuale o all'identità di genere è una violenza grave ai sensi dell'art. 17.)x",
                   R"x(- Art. 17 d.lgs. 142/2015
- Categoria LGBTIQ+ dello strumento EUAA IPSN)x"},
              };
  return pages;
}

}  // namespace innet::guidance

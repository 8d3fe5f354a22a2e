// The English text of the guidance pages, translated from the Italian (content_it.cc).
#include "guidance/content.h"

namespace innet::guidance {

const std::vector<SeedPage>& pages_en() {
  static const std::
      vector<SeedPage>
          pages =
              {
                  {"minor", "en",
                   R"x(- Stated or apparent age under 18, in a family or with an adult of reference
- Children who do not go to school or who work
- Signs of neglect, malnutrition, unexplained injuries
- Changes in behaviour: withdrawal, aggression, sleep problems)x",
                   R"x(Talk to the child with the parent present, but also ask to see the child alone if something worries you. Use simple words and a cultural mediator who speaks the child's language, and explain who you are and what you will do with what the child tells you.)x",
                   R"x(- A family paediatrician of the ASP Palermo, after enrolment in the national health service
- The "G. Di Cristina" Children's Hospital and the paediatric emergency department for emergencies (118)
- The municipality's social services for child protection
- Immediate danger: 112; child emergency line: 114)x",
                   R"x(Every child has the right to school and to health care whatever their status. The best interests of the child guide every decision, and the family stays together in a transfer.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015 ([Normattiva](https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2015-08-18;142))
- EUAA IPSN tool ([ipsn.euaa.europa.eu](https://ipsn.euaa.europa.eu)))x"},
                  {"unaccompanied_minor", "en",
                   R"x(- A person who says they are under 18 and arrived without a responsible adult
- An adult who claims to be a relative but cannot answer questions about the child
- Travel debts, demands for money, contacts with people waiting for them
- Fear, running away from the centre, undeclared work)x",
                   R"x(When in doubt about age, the person is presumed to be a minor. Explain their rights with a cultural mediator, and that a guardian will accompany them. Do not ask for details of the journey before they are safe.)x",
                   R"x(- Immediate report to the Public Prosecutor at the Juvenile Court of Palermo and to the Court for the appointment of a guardian
- The municipality's social services and a reception facility for minors
- Age assessment only through a multidisciplinary procedure ordered by the authority
- Anti-trafficking helpline 800 290 290 if there are signs of exploitation)x",
                   R"x(An unaccompanied minor cannot be turned back or expelled and must be received in places for minors. They have the right to a guardian, to be heard, to school and to health care.)x",
                   R"x(- Law 47/2017 (protection measures for unaccompanied foreign minors)
- Art. 19 Legislative Decree 142/2015)x"},
                  {"disability", "en",
                   R"x(- Difficulty moving, seeing, hearing or speaking
- Missing or broken aids (wheelchair, glasses, hearing aid)
- Difficulty understanding or remembering information: a possible intellectual disability
- Depending on others for personal care)x",
                   R"x(Ask the person what they need in order to take part: do not decide for them. Check that they have understood, with short sentences and, if needed, written or illustrated ones. Ask whether they have medical documents from their country of origin.)x",
                   R"x(- A general practitioner of the ASP Palermo after enrolment in the national health service
- The ASP's rehabilitation services and supply of aids
- Application for the assessment of civil disability (INPS, examination by the ASP's medical board)
- The municipality's social services for assistance)x",
                   R"x(The person has the right to accessible accommodation and to suitable services in the centre (art. 17(3) Legislative Decree 142/2015) and, for interviews, to a companion if they ask for one.)x",
                   R"x(- Law 104/1992
- UN Convention on the Rights of Persons with Disabilities)x"},
                  {"elderly", "en",
                   R"x(- An older person, alone or with relatives who cannot care for them
- Chronic illnesses, medicines to be taken regularly
- Falls, difficulty walking, memory loss
- Isolation, poor appetite, self-neglect)x",
                   R"x(Speak to the person directly and with respect, not only to the relatives. Go calmly, repeat when needed, and ask which medicines they take and whether they have prescriptions or medical reports.)x",
                   R"x(- A general practitioner of the ASP Palermo for continuing treatment
- Public hospitals in Palermo (ARNAS Civico, "P. Giaccone" University Hospital, Villa Sofia-Cervello) for specialist visits
- The municipality's social services for home care
- 118 for emergencies)x",
                   R"x(They have the right to a place suited to their condition, close to the relatives who care for them, and to continuity of care.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015
- UNHCR specific-needs codes (older person at risk))x"},
                  {"woman", "en",
                   R"x(- A woman alone or with children, without a support network
- Signs of control by a man: she never speaks alone, she does not hold her own documents
- Injuries, fear, asking not to be near certain people
- Violence suffered on the journey or in Libya, risk of exploitation)x",
                   R"x(Offer an interview with a female staff member and a female cultural mediator, in a private place and without relatives. Do not insist: explain that she can come back to it whenever she wants and that the services are free and confidential.)x",
                   R"x(- 1522, the anti-violence and stalking helpline, free and open 24 hours a day, also in other languages
- The anti-violence centres of the 1522 network in Palermo
- The family counselling centres (consultori) of the ASP Palermo
- Anti-trafficking helpline 800 290 290 if there are signs of trafficking)x",
                   R"x(She has the right to separate and safe accommodation, to a female interpreter in interviews if she asks for one, and to be told about the services for victims of violence.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015 as amended by Decree-Law 133/2023
- Istanbul Convention)x"},
                  {"pregnant_woman", "en",
                   R"x(- Stated or visible pregnancy, recent birth (up to six months)
- No medical check-up during the pregnancy
- Nausea, pain, bleeding, swelling: signs to be assessed at once
- Pregnancy resulting from violence)x",
                   R"x(Ask gently how she is and whether she has already been examined. Offer a female cultural mediator. If the pregnancy results from violence, do not ask for details: offer the family counselling centre and psychological support.)x",
                   R"x(- The family counselling centres of the ASP Palermo for pregnancy check-ups
- The maternity unit of a public hospital in Palermo; 118 for emergencies
- A family paediatrician for the newborn
- 1522 if the woman reports violence)x",
                   R"x(She has the right to care during pregnancy and childbirth; she cannot be expelled during pregnancy and in the six months after the birth. She has priority in reception.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015
- Art. 19 Legislative Decree 286/1998 (Consolidated Immigration Act))x"},
                  {"single_parent", "en",
                   R"x(- A mother or father alone with children under 18
- Struggling to combine caring for the children with appointments
- Children who do not go to school or nursery
- Tiredness, isolation, money problems)x",
                   R"x(Listen to the daily difficulties and set appointments at times that fit with the children. Ask whether the other parent is alive and where they are, without pressing.)x",
                   R"x(- The municipality's social services
- Enrolment in school and in early-childhood services
- A family paediatrician of the ASP Palermo
- The family counselling centres for parenting support)x",
                   R"x(The family is received together, in the same centre. The children have the right to school; the parent has the right to clear information about support services.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015
- UNHCR specific-needs codes (single parent))x"},
                  {"trafficking_victim", "en",
                   R"x(- Someone speaks for the person or always accompanies them
- Documents held by others, a debt to repay for the journey
- Tattoos or marks of ownership, insistent phone calls, going out at night
- A vague story, the same as other people's, fear of reprisals against the family)x",
                   R"x(Talk to the person alone, with a trusted cultural mediator, never with whoever accompanies them. Do not ask for proof: explain that confidential and free help exists, also without reporting to the police.)x",
                   R"x(- Anti-trafficking helpline 800 290 290: free, anonymous, 24 hours a day, in several languages
- The anti-trafficking projects of Sicily, which assess and take the person in charge
- The Territorial Commission, with the person's consent, for the safeguards in the asylum procedure
- Legal aid organisations)x",
                   R"x(A victim has the right to an assistance programme and to a residence permit (permesso di soggiorno) for social protection (art. 18 Legislative Decree 286/1998), also without reporting.)x",
                   R"x(- Art. 18 Legislative Decree 286/1998
- UNHCR guidelines for the Territorial Commissions on the identification of victims of trafficking)x"},
                  {"serious_illness", "en",
                   R"x(- A diagnosed illness, treatments or medicines that must not be interrupted
- Visible signs: weight loss, fever, persistent cough, wounds that do not heal
- Medical reports brought from the country of origin
- Repeated requests to see a doctor)x",
                   R"x(Ask about health discreetly: health information stays confidential and is shared only with the person's consent. Check that they have understood the treatment.)x",
                   R"x(- Enrolment in the national health service and a general practitioner of the ASP Palermo
- Public hospitals in Palermo (ARNAS Civico, "P. Giaccone" University Hospital, Villa Sofia-Cervello) for specialist care
- 118 for emergencies)x",
                   R"x(They have the right to health care and to a place suited to their condition. A serious condition can lead to a residence permit (permesso di soggiorno) for medical treatment.)x",
                   R"x(- Art. 19(2)(d-bis) Legislative Decree 286/1998
- Art. 17 Legislative Decree 142/2015)x"},
                  {"mental_disorder", "en",
                   R"x(- Insomnia, nightmares, strong anxiety, lasting sadness
- Unusual or impulsive behaviour, confused or absent speech
- Self-neglect, loss of appetite
- Thoughts or acts of self-harm)x",
                   R"x(Keep a calm, non-judgemental tone, in a quiet place. Ask how they sleep and how they feel. If they speak of harming themselves, do not leave them alone and get help at once.)x",
                   R"x(- The district mental health centre of the ASP Palermo
- Ethnopsychiatry services and psychological support from associations
- 118 for emergencies or a risk of suicide)x",
                   R"x(They have the right to confidential care and to an interview suited to their condition; the disorder must be taken into account in the asylum procedure and in decisions about reception.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015
- Ministry of Health guidelines for victims of torture and violence (2017))x"},
                  {"torture_violence", "en",
                   R"x(- Scars, badly healed fractures, injuries from assault or restraint
- Accounts of detention, beatings, sexual violence, also in Libya
- Nightmares, intrusive memories, fear, difficulty concentrating
- Use the PROTECT questionnaire for a first assessment)x",
                   R"x(Do not ask the person to tell what happened: knowing that it happened is enough. Let the person choose the sex of the cultural mediator and of the staff member, respect silences, and explain what the referral is for.)x",
                   R"x(- The mental health and forensic medicine services of the ASP Palermo
- Public hospitals in Palermo for the medico-legal certificate (Istanbul Protocol)
- The Territorial Commission, with consent, for the safeguards in the interview
- 1522 for gender-based violence)x",
                   R"x(They have the right to suitable care and rehabilitation, to an interview at the Commission with trained staff, and to a medico-legal certificate that supports the application.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015
- Istanbul Protocol (UN))x"},
                  {"fgm", "en",
                   R"x(- Coming from countries where female genital mutilation is widespread
- Pain, repeated urinary infections, difficulties in childbirth
- Fear that a daughter will be subjected to the practice
- Asking for a gynaecological examination)x",
                   R"x(Talk among women only, with a female cultural mediator. Avoid judgemental words: ask about health and offer an examination, without insisting.)x",
                   R"x(- The family counselling centres of the ASP Palermo
- The gynaecology unit of a public hospital in Palermo
- 1522 and the anti-violence centres
- The municipality's social services if a girl is at risk)x",
                   R"x(The practice is a crime in Italy (art. 583-bis of the Criminal Code). Fear of being subjected to it can ground international protection; care is free and confidential.)x",
                   R"x(- Law 7/2006
- Art. 17 Legislative Decree 142/2015)x"},
                  {"lgbtiq", "en",
                   R"x(- The person says they are lesbian, gay, bisexual, trans or intersex, or fears being recognised as such
- Threats or violence from other guests or from relatives
- Isolation, fear of speaking in front of fellow nationals
- Documents with a name or gender other than the one the person identifies with)x",
                   R"x(Use the name and pronouns the person gives and guarantee confidentiality. Do not ask intimate details: ask whether they feel safe in the centre.)x",
                   R"x(- LGBTIQ+ associations in Palermo that offer support and guidance
- The mental health services of the ASP Palermo if support is needed
- Legal aid organisations for the asylum application)x",
                   R"x(They have the right to safe accommodation and not to be exposed to whoever threatens them; violence linked to sexual orientation or gender identity is serious violence under art. 17.)x",
                   R"x(- Art. 17 Legislative Decree 142/2015
- The LGBTIQ+ category of the EUAA IPSN tool)x"},
              };
  return pages;
}

}  // namespace innet::guidance

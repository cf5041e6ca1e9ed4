"""Swedish words for synthetic minutes: the topics of social-services networks."""

from __future__ import annotations

_FIRST_NAMES = """Anna Maria Karin Eva Lena Sara Emma Linda Johanna Malin Sofia Helena Camilla
Therese Jenny Ida Hanna Elin Frida Jessica Åsa Ulrika Annika Petra Cecilia Maria Lars Anders
Johan Per Erik Peter Mikael Fredrik Magnus Daniel Andreas Jonas Niklas Stefan Tomas Henrik
Mattias Martin Björn Göran Ola Håkan Jörgen Örjan Kerstin Birgitta Ingrid Margareta Agneta
Mona Susanne Charlotte Louise Josefin Amir Leila Fatima Mohammed Ali"""
FIRST_NAMES = _FIRST_NAMES.split()

_LAST_NAMES = """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson
Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson
Olofsson Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist
Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Ali Engström Mohamed
Eklund Danielsson Håkansson Lundin Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson
Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson
Nordström Ström Åberg Öberg Hedlund Sundberg Sjögren"""
LAST_NAMES = _LAST_NAMES.split()

JOB_TITLES = [
    "socialchef",
    "verksamhetschef IFO",
    "enhetschef barn och familj",
    "myndighetschef äldreomsorg",
    "myndighetschef LSS",
    "avdelningschef vuxen",
    "förvaltningschef",
    "utvecklingsledare",
    "planeringsledare",
    "processledare",
]

NETWORK_KINDS = [
    ("Socialchefsnätverket", "att samordna socialtjänstens ledning i delregionen"),
    ("IFO-chefsnätverket", "att utveckla individ- och familjeomsorgen gemensamt"),
    (
        "Myndighetschefsnätverket ÄO/LSS",
        "att likrikta myndighetsutövningen inom äldreomsorg och LSS",
    ),
    ("Nätverket för försörjningsstöd", "att jämföra och utveckla arbetet med ekonomiskt bistånd"),
    ("Nätverket för familjehemsvård", "att rekrytera, utbilda och stödja familjehem och jourhem"),
    ("Barn- och ungdomsnätverket", "att följa upp placeringar och förebyggande arbete för barn"),
    ("Nätverket mot våld i nära relationer", "att samordna arbetet mot våld i nära relationer"),
    ("Missbruks- och beroendenätverket", "att utveckla vård och stöd vid missbruk och beroende"),
    ("Hemtjänstnätverket", "att utveckla hemtjänst och hemsjukvård tillsammans"),
    ("Nätverket för kompetensförsörjning", "att säkra rekrytering och kompetens i socialtjänsten"),
]

# (title, one sentence of notes) for agenda items.
ITEMS = [
    ("Familjehemsrekrytering", "Gemensam familjehemsrekrytering planeras med en ny kampanj i vår."),
    ("Jourhem", "Behovet av jourhem är fortsatt stort och flera kommuner saknar lediga platser."),
    (
        "Placeringar av barn och unga",
        "Antalet placeringar har ökat och kostnaderna för HVB stiger.",
    ),
    ("Försörjningsstöd", "Försörjningsstödet ökar i flera kommuner, främst bland unga vuxna."),
    ("Ekonomiskt bistånd och arbetsmarknad", "Samverkan med Arbetsförmedlingen behöver stärkas."),
    ("Våld i nära relationer", "Kommunerna redovisar fler ärenden om våld i nära relationer."),
    ("Barnahus", "Barnahus rapporterar om väntetider och ett ökat antal samråd."),
    ("Orosanmälningar", "Antalet orosanmälningar är högt och utredningstiderna överskrids."),
    ("Ensamkommande barn", "Färre ensamkommande barn anvisas men behovet av stöd kvarstår."),
    (
        "Missbruk och beroende",
        "Samordnad individuell plan, SIP, används för sällan i missbruksvården.",
    ),
    ("Samordnad individuell plan", "Rutinen för SIP med regionen ska revideras under året."),
    ("Medelpunkten", "Medelpunkten informerar om hjälpmedel och det lokala samrådet."),
    ("Hemtjänst och hemsjukvård", "Bemanningen inom hemtjänsten är ansträngd under sommaren."),
    ("LSS-boenden", "Köerna till gruppbostad enligt LSS växer i flera kommuner."),
    ("Kompetensförsörjning", "Det är svårt att rekrytera erfarna socialsekreterare."),
    ("Introduktion av nya socialsekreterare", "En gemensam introduktion för nyanställda föreslås."),
    ("Digitalisering", "Flera kommuner inför e-tjänster för ansökan om ekonomiskt bistånd."),
    ("Heltid som norm", "Arbetet med heltid som norm följs upp i samtliga kommuner."),
    (
        "Hedersrelaterat våld och förtryck",
        "Utbildning om hedersrelaterat våld erbjuds under hösten.",
    ),
    ("Budget och verksamhetsplan", "Verksamhetsplanen för nästa år diskuteras och förankras."),
    ("Återrapport från regionala samverkansgruppen", "Region Skåne informerar om nya avtal."),
    ("Lex Sarah och Lex Maria", "Några lex Sarah-rapporter har inkommit och analyseras."),
    ("Socialtjänstlagen", "Den nya socialtjänstlagen ställer krav på förebyggande arbete."),
    ("Barnets bästa", "Barnkonventionen som lag påverkar hur utredningar dokumenteras."),
    ("Öppenvård för unga", "Öppenvården för unga med missbruk behöver byggas ut."),
    ("Kontaktfamiljer och kontaktpersoner", "Det råder brist på kontaktfamiljer i flera kommuner."),
    ("Äldreomsorgens biståndsbedömning", "Handläggningstiderna för särskilt boende har kortats."),
    ("Trygg hemgång", "Trygg hemgång efter sjukhusvistelse fungerar väl i de flesta kommuner."),
    ("Skyddat boende", "Upphandlingen av skyddat boende för våldsutsatta är klar."),
    ("Sommarplanering", "Bemanningen under sommaren ser ut att lösas med vikarier."),
]

STATUS_FRAGMENTS = [
    "Ökat antal placeringar av barn och unga.",
    "Försörjningsstödet ligger stabilt jämfört med föregående år.",
    "Försörjningsstödet ökar, främst bland unga vuxna.",
    "Fler orosanmälningar än vanligt under perioden.",
    "Svårt att rekrytera socialsekreterare till barn och familj.",
    "Två nya familjehem har godkänts.",
    "Brist på jourhem, barn placeras på HVB i väntan på familjehem.",
    "Ökning av ärenden om våld i nära relationer.",
    "Budgeten för placeringar är överskriden.",
    "Hemtjänsten har hög sjukfrånvaro.",
    "Ny enhetschef för vuxenenheten är rekryterad.",
    "Omorganisation av individ- och familjeomsorgen pågår.",
    "Minskat antal ensamkommande barn.",
    "Köerna till LSS-boende växer.",
    "Samarbetet med skolan kring barn i behov av stöd har förbättrats.",
    "Missbruksvården ser ett ökat behov av öppenvård.",
    "Digital ansökan om ekonomiskt bistånd har införts.",
    "Inga större förändringar sedan förra mötet.",
]

DECISIONS = [
    "att notera informationen",
    "att godkänna verksamhetsplanen för {year}",
    "att ge planeringsledaren i uppdrag att ta fram en gemensam rutin för {topic}",
    "att bjuda in {organisation} till nästa möte",
    "att nätverket ställer sig bakom förslaget om gemensam {topic}",
    "att frågan om {topic} återkommer på nästa möte",
    "att anta mötesplanen för {year}",
    "att lyfta frågan om {topic} till socialchefsnätverket",
]

ASSIGNMENTS = [
    "kontaktar {organisation} om {topic} och återkopplar till nätverket",
    "tar fram ett underlag om {topic} till nästa möte",
    "sammanställer kommunernas statistik om {topic}",
    "bjuder in representanten från {organisation}",
    "skickar ut rutinen för {topic} till samtliga medlemmar",
]

TOPICS = [
    "familjehemsvård",
    "jourhem",
    "placeringar",
    "försörjningsstöd",
    "våld i nära relationer",
    "barnahus",
    "orosanmälningar",
    "missbruksvård",
    "hemtjänst",
    "kompetensförsörjning",
    "introduktion av nyanställda",
    "samordnad individuell plan",
    "skyddat boende",
    "kontaktfamiljer",
]

BODIES = ["Region Skåne", "Medelpunkten", "SKR", "Arbetsförmedlingen", "Försäkringskassan"]

PLACES = ["Teams", "Stadshuset", "Kommunhuset, sammanträdesrum Kullen", "Socialkontoret"]

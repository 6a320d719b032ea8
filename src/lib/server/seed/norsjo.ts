/**
 * Norsjö's medborgarlöfte 2019 as data, word for word from data/reference/norsjo-medborgarloften-2019.txt.
 * Decisions where the document is silent are marked "decided:" and explained in docs/NORSJO.md.
 */
export const NORSJO_CODE = '2417';

/** Parties named in the plan, by the key used below; police and municipality are the two signing parties. */
export const NORSJO_PARTIES = {
  polisen: { name: 'Lokalpolisområde Skellefteå', partyType: 'police' },
  kommunen: { name: 'Norsjö', partyType: 'municipality' },
  forebyggarradet: { name: 'Förebyggarrådet', partyType: 'council' },
  foreningar: { name: 'Föreningar', partyType: 'association' },
  organisationer: { name: 'Organisationer', partyType: 'organisation' },
  halsocentralen: { name: 'Hälsocentralen', partyType: 'health-centre' },
  mentorer: { name: 'Mentorer', partyType: 'school' },
  fritidsledare: { name: 'Fritidsledare', partyType: 'youth-centre' },
  ungdomar: { name: 'Ungdomar', partyType: 'group' },
  fritidsgarden: { name: 'Fritidsgården', partyType: 'youth-centre' }
} as const;

export type NorsjoPartyKey = keyof typeof NORSJO_PARTIES;

export const NORSJO_AGREEMENT = {
  title: 'Norsjö – medborgarlöften',
  periodStart: '2019-01-01',
  // "Avtalet löper på fyra år med början 1/1 2019": four years, so the last day is 2022-12-31.
  periodEnd: '2022-12-31',
  // The period's words, then what else the document says about its period (shown beside it).
  periodText:
    'Avtalet löper på fyra år med början 1/1 2019. Dokumentet säger också 2019–2023: rubriken "Medborgarlöfte 2019-2023" och "genomförandeplan för 2019 – 2023".',
  preamble:
    'Följande avtal ingås härmed avseende samarbete mellan polis och Norsjö kommun i syfte att arbeta brottsförebyggande, minska brottsligheten och öka tryggheten.',
  situationSummary:
    'Framtagande av medborgarlöftena har föregåtts av medborgardialoger det vill säga öppna möten med nyckelgrupper, medarbetardialoger och webbenkät. Mötena har präglats av tvåvägskommunikation, öppet och aktivt lyssnade. Polis och representanter för kommunen har gemensamt analyserat svaren. Från svaren har fyra olika fokusområden framträtt, områden där innevånarna i kommunen vill att arbetet ska intensifieras och prioriteras.',
  communication:
    'Redovisningen av arbetet och resultatet kommuniceras ut via kommunens och polisens hemsidor samt i Norsjöbladet som skickas ut till alla hushåll i kommunen. Årligen görs justeringar i genomförandeplanen utifrån hur arbetet fortskrider och detta kan utläsas i genomförandeplanen och uppföljningen av densamma.',
  focusAreas: [
    {
      key: 'narkotika',
      title: 'Insatser mot narkotika',
      description:
        'Insatser mot narkotika med syfte att minska nyrekrytering samt försvåra genomförandet av narkotikabrott. Särskilt ska beaktas brott som uppstår eller begås av och i kring ungdomar.',
      // decided: recruitment prevention is social, obstructing drug crime is situational.
      preventionTypes: ['social', 'situational'],
      specialAttention: 'ungdomar'
    },
    {
      key: 'trafik',
      title: 'Insatser mot brott och förseelser i trafikmiljön',
      description:
        'Insatser mot brott och förseelser i trafikmiljön så som störande körning, vårdslöshet i trafik, rattfylleri, olovlig körning m.fl.',
      preventionTypes: ['situational'],
      specialAttention: null
    },
    {
      key: 'tillgrepp',
      title: 'Insatser mot tillgreppsbrott',
      description:
        'Insatser mot tillgreppsbrott såsom inbrott i bostäder, sommarstugor, industrier, butiker och andra objekt.',
      preventionTypes: ['situational'],
      specialAttention: null
    },
    {
      key: 'trygghet',
      title: 'Trygghetsskapande arbete',
      description: 'Trygghetsskapande arbete i form av ökad polisiär närvaro och tillgänglighet.',
      preventionTypes: ['safety'],
      specialAttention: null
    }
  ],
  effects: [
    {
      title: 'Ökad upplevd trygghet.',
      direction: 'increase',
      indicator: {
        name: 'Andel som känner sig trygga utomhus sent på kvällen',
        unit: '%',
        source: 'Trygghetsmätning (enkät)'
      }
    },
    {
      title: 'Minska brottslighet.',
      direction: 'decrease',
      indicator: {
        name: 'Anmälda brott',
        unit: 'antal per år',
        source: 'Brottsförebyggande rådets kommunstatistik'
      }
    },
    {
      title:
        'En förflyttning av dold brottslighet till synlig brottslighet. Viktigt speciellt när det gäller ungdomar.',
      // The seed wants hidden crime to become visible: a rise in reported drug crime is the goal.
      direction: 'increase',
      indicator: {
        name: 'Anmälda narkotikabrott',
        unit: 'antal per år',
        source: 'Brottsförebyggande rådets kommunstatistik'
      }
    },
    {
      title:
        'Medborgarna ska göras mer delaktiga i det trygghetsskapande och brottsförebyggande arbetet.',
      direction: 'increase',
      indicator: {
        name: 'Deltagare i medborgardialoger och trygghetsvandringar',
        unit: 'personer per år',
        source: 'Löftens dialogregister'
      }
    },
    {
      title:
        'Polisen och Norsjö kommun ökar samarbetet vilket förväntas öka förtroendet och tilliten samt effektivisera arbetet för båda parter.',
      direction: 'increase',
      indicator: { name: 'Förtroende för polisen', unit: '%', source: 'Trygghetsmätning (enkät)' }
    }
  ],
  // decided: a group with one measure gives the measure the group's title.
  // The document names only who takes part ("Samverkan: …"), never who is responsible for a measure
  // nor how it is followed up, so no measure gets a responsible party or a follow-up method: the
  // product says "anges inte i överenskommelsen". `parties` are the words after "Samverkan:".
  measureGroups: [
    {
      title: 'Narkotika/livsstilskriminella',
      measures: [
        {
          key: 'rattegangsbalken',
          // Police operations are published only afterwards, as a count per month.
          publication: 'monthly',
          title: 'Narkotika/livsstilskriminella',
          description:
            'Aktivt användande av rättegångsbalken. Underrättelsebaserat arbete. Lagföring - beslag av narkotika.',
          target: 'Som minst 1 gång i månaden',
          parties: ['polisen'],
          focusAreas: ['narkotika']
        }
      ]
    },
    {
      title: 'Tillgreppsbrott',
      measures: [
        {
          key: 'mark-dna',
          title: 'Märk-DNA',
          description: 'Märk-DNA.',
          target: 'Kontinuerligt',
          parties: ['polisen'],
          focusAreas: ['tillgrepp']
        },
        {
          key: 'information-allmanhet',
          title: 'Information till allmänhet, företagare m.fl.',
          description: 'Information till allmänhet, företagare m.fl.',
          target: 'Lägga ut information på hemsidor och Norsjöbladet 2 gånger/år',
          parties: ['kommunen'],
          focusAreas: ['tillgrepp']
        },
        {
          key: 'riktad-patrullering',
          // Police operations are published only afterwards, as a count per month.
          publication: 'monthly',
          title: 'Riktad patrullering i valda områden',
          description: 'Riktad patrullering i valda områden.',
          target: 'Varje arbetspass',
          parties: ['polisen'],
          focusAreas: ['tillgrepp']
        }
      ]
    },
    {
      title: 'Minska nyrekrytering av unga som börjar med narkotika eller alkohol',
      measures: [
        {
          key: 'ungdomsmiljoer',
          // Police operations are published only afterwards, as a count per month.
          publication: 'monthly',
          title: 'Minska nyrekrytering av unga som börjar med narkotika eller alkohol',
          description:
            'Besöka miljöer där ungdomar vistas. Stänga fester. Kontakta vårdnadshavare.',
          target: 'Vid behov',
          parties: ['polisen', 'kommunen'],
          focusAreas: ['narkotika']
        }
      ]
    },
    {
      title: 'Trafikkontroller',
      measures: [
        {
          key: 'trafikkontroller',
          // Police operations are published only afterwards, as a count per month.
          publication: 'monthly',
          title: 'Trafikkontroller',
          description: 'Hastighet, alkohol och drograttfylla m.m.',
          target: 'Minst 10 kontroller per månad',
          parties: ['polisen'],
          focusAreas: ['trafik']
        }
      ]
    },
    {
      title: 'Informations- eller kunskapshöjande åtgärder',
      measures: [
        {
          key: 'samverkan-aktorer',
          title: 'Samverkan med andra aktörer i samhället',
          description:
            'Samverkan med andra aktörer i samhället. Dialog med aktörer i det drog- och brottsförebyggande arbetet.',
          target: 'Minst 4 möten per år med olika nyckelgrupper',
          parties: [
            'kommunen',
            'polisen',
            'forebyggarradet',
            'foreningar',
            'organisationer',
            'halsocentralen'
          ],
          focusAreas: ['narkotika']
        },
        {
          key: 'informationsinsatser',
          title:
            'Informationsinsatser inom narkotikaområdet och trafik till föräldrar och personal inom barn- och ungdomsverksamhet',
          description:
            'Informationsinsatser inom narkotikaområdet och trafik till föräldrar och personal inom barn- och ungdomsverksamhet.',
          target: '1 gång per år på föräldramöten och personalträffar',
          parties: ['polisen', 'kommunen'],
          focusAreas: ['narkotika', 'trafik']
        },
        {
          key: 'klassrumsbesok',
          title: 'Klassrumsbesök',
          description:
            'Kunskapshöjning till eleverna inom lag och rätt och området ANDT, trafik och kränkande behandling.',
          target: 'Besöka klasserna år 6-9 1 gång per år',
          parties: ['polisen', 'mentorer'],
          focusAreas: ['narkotika', 'trafik']
        },
        {
          key: 'fritidsgardsbesok',
          title: 'Fritidsgårdsbesök',
          description:
            'Kunskapshöjning till ungdomar inom lag och rätt och området ANDT, trafik och kränkande behandling.',
          target: 'Var tredje helg besöka fritidsgårdens öppna verksamhet',
          parties: ['polisen', 'fritidsledare', 'ungdomar'],
          focusAreas: ['narkotika', 'trafik']
        }
      ]
    },
    {
      title: 'Trygghetsskapande åtgärder',
      measures: [
        {
          key: 'trygghetsvandring',
          title: 'Trygghetsvandring',
          description: 'Trygghetsvandring.',
          target: '2 gånger per år',
          parties: ['kommunen'],
          focusAreas: ['trygghet']
        },
        {
          key: 'dorrknackning',
          title: 'Dörrknackning i valda områden',
          description: 'Dörrknackning i valda områden.',
          target: '2 gånger per år',
          parties: ['polisen'],
          focusAreas: ['trygghet', 'tillgrepp']
        },
        {
          key: 'polisnarvaro',
          // Police operations are published only afterwards, as a count per month.
          publication: 'monthly',
          title: 'Ökad polisnärvaro i kommunen under kvällar och helger',
          description: 'Ökad polisnärvaro i kommunen under kvällar och helger.',
          target: 'Löpande under året',
          parties: ['polisen'],
          focusAreas: ['trygghet']
        },
        {
          key: 'nattvandring',
          title: 'Nattvandring',
          description: 'Nattvandring.',
          target: 'Under riskhelger, löpande under året',
          parties: ['kommunen', 'polisen', 'fritidsgarden'],
          focusAreas: ['trygghet']
        }
      ]
    }
  ]
} as const;

import { SYSTEM } from '../auth/policy';
import type { Ctx } from '../context';
import { addCitation, citationBoard } from '../services/dialogue/assessment-citations.service';
import {
  approveAssessment,
  getAssessment,
  saveAssessment,
  setFocusLinks
} from '../services/dialogue/assessment.service';
import { actorFor } from '../services/accounts/auth.service';
import { importBraStatistics } from '../services/dialogue/crime-statistics.service';
import { saveDialogue } from '../services/dialogue/dialogue.service';
import { findNorsjoAgreementId } from './norsjo.service';
import { importPoliceEvents } from '../services/dialogue/police-events.service';
import { evidenceSources } from '../services/dialogue/theme-frame';
import { findUserIdByEmail } from '../services/accounts/user.service';

/** Demo Brå table for Norsjö (invented figures, in Brå's layout with a title line and Swedish numbers). */
const DEMO_BRA = `"Anmälda brott, Norsjö kommun, 2015–2018 (demo: påhittade siffror)";;;;
"Kommun";"Brottskategori";"År";"Antal";"Per 100 000 inv."
${[
  ['Narkotikabrott', [18, 22, 27, 34]],
  ['Trafikbrott', [41, 44, 49, 55]],
  ['Rattfylleri', [9, 11, 12, 14]],
  ['Stöld- och tillgreppsbrott', [88, 92, 97, 104]],
  ['Inbrottsstöld', [21, 24, 23, 29]],
  ['Skadegörelsebrott', [40, 37, 35, 31]],
  ['Misshandel inkl. grov', [19, 18, 20, 19]]
]
  .flatMap(([c, counts]) =>
    (counts as number[]).map(
      (n, i) =>
        `"2417 Norsjö";"${c}";"${2015 + i}";"${n}";"${String(((n * 100_000) / 4150).toFixed(1)).replace('.', ',')}"`
    )
  )
  .join('\n')}
`;

const EVENT_TYPES: [string, number][] = [
  ['Rattfylleri', 9],
  ['Trafikkontroll', 7],
  ['Trafikolycka', 4],
  ['Inbrott', 8],
  ['Stöld', 6],
  ['Narkotikabrott', 6],
  ['Bråk', 3],
  ['Skadegörelse', 2]
];

/** Demo events in the feed's own form, ids prefixed so they never meet real ones. */
const demoEvents = () =>
  JSON.stringify(
    EVENT_TYPES.flatMap(([type, n], t) =>
      Array.from({ length: n }, (_, i) => {
        const day = `${2016 + (i % 3)}-${String(((i * 5 + t) % 12) + 1).padStart(2, '0')}-${String(((i * 7 + t) % 27) + 1).padStart(2, '0')}`;
        return {
          id: `demo-${t}-${i}`,
          datetime: `${day} 22:${String(10 + i).padStart(2, '0')}:00 +01:00`,
          name: `${day}, ${type}, Norsjö (demo)`,
          summary: 'Demo: påhittad händelse.',
          url: '/aktuellt/handelser/',
          type,
          location: { name: 'Norsjö', gps: '64.9,19.48' }
        };
      })
    )
  );

const MEETING_INPUT: [string, string][] = [
  ['narkotika', 'Det säljs narkotika nära skolan och busstationen.'],
  ['narkotika', 'Unga börjar med alkohol och droger allt tidigare.'],
  ['narkotika', 'Föräldrar vet inte vart de ska vända sig vid oro för droger.'],
  ['narkotika', 'Fester hemma utan vuxna blir stökiga.'],
  ['trafik', 'Bilar och mopeder kör för fort genom centrum på kvällarna.'],
  ['trafik', 'Rattfulla förare på vägarna efter helgfester.'],
  ['trafik', 'Störande körning (bränningar) vid torget.'],
  ['inbrott-stold', 'Inbrott i sommarstugor vid sjöarna.'],
  ['inbrott-stold', 'Stölder av diesel och verktyg från företag.'],
  ['inbrott-stold', 'Cykelstölder vid skolan.'],
  ['polisnarvaro', 'Polisen syns för sällan, särskilt på helgerna.'],
  ['polisnarvaro', 'Otryggt att gå hem från centrum på kvällen.'],
  ['polisnarvaro', 'Svårt att nå polisen när något händer.'],
  ['skadegorelse', 'Klotter på busskuren.']
];

const STAFF_INPUT: [string, string][] = [
  ['narkotika', 'Skolpersonal ser tecken på narkotika bland elever i årskurs 9.'],
  ['narkotika', 'Fritidsgården vill ha fler besök av polisen.'],
  ['trafik', 'Fler trafikkontroller behövs på väg 370.'],
  ['inbrott-stold', 'Hemtjänsten har mött äldre som utsatts för stöld.'],
  ['polisnarvaro', 'Kommunens personal vill ha tydligare kontaktvägar till kommunpolisen.']
];

/**
 * Demo mode only: how Norsjö's four focus areas came out of dialogue and statistics. An open
 * meeting and a staff dialogue with input, Brå statistics and police events (all labelled demo), a
 * picture approved by both demo editors, its themes linked to the focus areas, and measures
 * citing what they answer. Runs once: it stops if the agreement already has a picture.
 */
export async function ensureNorsjoDialogueDemo(ctx: Ctx): Promise<void> {
  const agreementId = await findNorsjoAgreementId(ctx);
  if (!agreementId || (await getAssessment(ctx, SYSTEM, agreementId))?.assessment) return;
  const scope = { municipalityId: 'kommun-2417', agreementId };
  const themeOf = new Map((await evidenceSources.themes(ctx, scope)).map((t) => [t.key, t.id]));
  const inputs = (list: [string, string][]) =>
    list.map(([k, text]) => ({ text, themeId: themeOf.get(k) ?? null }));
  await saveDialogue(
    ctx,
    SYSTEM,
    agreementId,
    {
      kind: 'open_meeting',
      title: 'Öppet möte i Folkets hus (demo)',
      heldOn: '2018-10-02',
      place: 'Folkets hus, Norsjö',
      keyGroups: ['Ungdomar', 'Föräldrar', 'Företagare', 'Äldre'],
      participants: 42,
      organisationsPresent:
        'Norsjö kommun, Polisen LPO Skellefteå, Förebyggarrådet, hälsocentralen',
      minutes:
        'Demo: påhittade minnesanteckningar. Kommunpolisen och den brottsförebyggande samordnaren ledde mötet.',
      inputs: inputs(MEETING_INPUT)
    },
    { demo: true }
  );
  await saveDialogue(
    ctx,
    SYSTEM,
    agreementId,
    {
      kind: 'staff_dialogue',
      title: 'Medarbetardialog skola, socialtjänst och polis (demo)',
      heldOn: '2018-09-12',
      place: 'Kommunhuset, Norsjö',
      keyGroups: ['Skolpersonal', 'Fritidsledare', 'Hemtjänst', 'Poliser'],
      participants: 18,
      organisationsPresent: 'Norsjö kommun, Polisen LPO Skellefteå',
      minutes: 'Demo: påhittade minnesanteckningar.',
      inputs: inputs(STAFF_INPUT)
    },
    { demo: true }
  );
  await importBraStatistics(
    ctx,
    SYSTEM,
    { name: 'demo-bra-norsjo.csv', bytes: new TextEncoder().encode(DEMO_BRA) },
    { demo: true }
  );
  await importPoliceEvents(
    ctx,
    SYSTEM,
    { name: 'demo-polisen-events.json', text: demoEvents() },
    { demo: true }
  );
  const { version } = await saveAssessment(
    ctx,
    SYSTEM,
    agreementId,
    {
      title: 'Gemensam lägesbild 2018 (demo)',
      summary:
        'Demo: polisen och Norsjö kommun analyserade svaren från möten, medarbetardialoger och webbenkät tillsammans med anmälda brott och polisens händelser. Fyra områden framträdde: narkotika, trafik, tillgreppsbrott och trygghet.',
      fromYear: 2015,
      toYear: 2018
    },
    { demo: true }
  );
  const view = await getAssessment(ctx, SYSTEM, agreementId);
  const focus = (title: string) => view?.focusAreas.find((f) => f.title.startsWith(title))?.id;
  const links = (
    [
      ['narkotika', 'Insatser mot narkotika'],
      ['trafik', 'Insatser mot brott och förseelser i trafikmiljön'],
      ['inbrott-stold', 'Insatser mot tillgreppsbrott'],
      ['polisnarvaro', 'Trygghetsskapande arbete'],
      // Young people come up most often; the plan answers through its work against drugs among
      // the young (fewer recruited, class visits, youth centre visits).
      ['ungdomar', 'Insatser mot narkotika'],
      ['belysning-miljo', 'Trygghetsskapande arbete']
    ] as const
  ).flatMap(([k, f]) =>
    themeOf.get(k) && focus(f) ? [{ themeId: themeOf.get(k)!, focusAreaId: focus(f)! }] : []
  );
  await setFocusLinks(ctx, SYSTEM, agreementId, links);
  const board = await citationBoard(ctx, SYSTEM, agreementId);
  const input = (start: string) => board?.inputs.find((i) => i.text.startsWith(start))?.id;
  const cite: [string, string | undefined][] = [
    ['rattegangsbalken', input('Det säljs narkotika') && `input:${input('Det säljs narkotika')}`],
    ['fritidsgardsbesok', input('Fritidsgården vill') && `input:${input('Fritidsgården vill')}`],
    ['trafikkontroller', input('Bilar och mopeder') && `input:${input('Bilar och mopeder')}`],
    ['trafikkontroller', 'statistic:Rattfylleri'],
    [
      'riktad-patrullering',
      input('Inbrott i sommarstugor') && `input:${input('Inbrott i sommarstugor')}`
    ],
    ['mark-dna', 'statistic:Stöld- och tillgreppsbrott'],
    [
      'polisnarvaro',
      input('Polisen syns för sällan') && `input:${input('Polisen syns för sällan')}`
    ],
    ['nattvandring', input('Otryggt att gå hem') && `input:${input('Otryggt att gå hem')}`]
  ];
  for (const [measureKey, source] of cite)
    if (source) await addCitation(ctx, SYSTEM, agreementId, { measureKey, source });
  for (const email of ['polis@demo.loften.se', 'kommun@demo.loften.se']) {
    const id = await findUserIdByEmail(ctx, email);
    const actor = id ? await actorFor(ctx, id) : null;
    if (actor) await approveAssessment(ctx, actor, agreementId, version);
  }
}

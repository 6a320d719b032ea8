import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLoefte, type DocumentDraft } from '../../../core/loefte-import';
import { htmlToText } from './document-import-read';
import { readLoefte } from './document-import.service';

/** What real documents do, each read from the import corpus (test/fixtures/import-corpus). */
const corpus = async (file: string) =>
  (
    await readLoefte({
      fileName: file,
      bytes: new Uint8Array(readFileSync(`test/fixtures/import-corpus/${file}`))
    })
  ).draft;
const measures = (d: DocumentDraft) => d.groups.flatMap((g) => g.measures);

describe('what real medborgarlöften do', () => {
  it('reads a real Word table whose cells hold paragraphs, row by row, by column', async () => {
    expect(
      htmlToText(
        '<table><tr><td><p>Aktivitet</p></td><td><p>Mål</p></td></tr><tr><td><p>Narkotikasök</p><p>med hund</p></td><td><ul><li>2 per termin</li><li>vid behov</li></ul></td></tr></table>'
      ).trim()
    ).toBe('Aktivitet | Mål\nNarkotikasök med hund | 2 per termin; vid behov');
    const draft = await corpus('kungsor-2023.docx');
    expect(measures(draft).map((m) => [m.title, m.targetText, m.responsible])).toEqual([
      ['Förebyggande narkotikasök med hund på skolorna', 'Minst 2 gånger per termin', 'polisen'],
      ['Fältarbete på skolor och fritidsgårdar', 'Minst 10 tillfällen', 'kommunen'],
      ['Polisen besöker skolorna', 'Minst 1 gång per månad', 'polisen'],
      [
        'Hastighetskontroller på platser medborgarna pekat ut',
        'Minst 3 gånger per månad',
        'polisen'
      ],
      ['Insatser mot trimmade mopeder', 'Minst 4 insatser', 'polisen']
    ]);
    // A table straight under its heading keeps its header row ("Åtgärd | Mål | Ansvarig").
    const falkoping = await corpus('falkoping-2023.docx');
    expect(measures(falkoping).map((m) => m.responsible)).toEqual([
      'polisen',
      'kommunen',
      'kommunen',
      'kommunen'
    ]);
    expect(falkoping.period).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
  });

  it('imports a follow-up section as results on the measures they report on, not as measures', async () => {
    const draft = await corpus('goteborg-centrum-2018.txt');
    const ms = measures(draft);
    expect(ms).toHaveLength(3);
    expect(draft.outcomes.map((o) => [o.text, o.measureKey, o.lines])).toEqual([
      [
        'Hög synlighet genom så kallad hot spot-patrullering på utvalda platser och tider.',
        null,
        [17, 17]
      ],
      ['Elva riktade narkotikainsatser', ms[1]!.key, [18, 18]],
      ['Fyra trafikinsatser under kvälls- och nattetid', ms[2]!.key, [19, 19]]
    ]);
    // A result that matches no measure is a review item, not a guess.
    expect(draft.review.find((r) => r.path === 'outcomes.0')).toMatchObject({
      kind: 'uncertain',
      lines: [17, 17]
    });
    // The sub-bullet says how the measure is done: it is its description, not a measure.
    expect(ms[1]).toMatchObject({
      title: 'Minst sex riktade insatser mot narkotika',
      lines: [12, 13],
      target: { kind: 'count', count: 6, per: 'period' }
    });
    expect(ms[1]!.description).toContain('Fokus på öppen narkotikahandel');

    const strangnas = await corpus('strangnas-2019.txt');
    const keys = measures(strangnas).map((m) => m.key);
    expect(strangnas.outcomes.map((o) => o.measureKey)).toEqual([
      keys[2], // 303 trafikkontroller
      keys[0], // 20 nya grannsamverkansområden
      keys[1], // 3 nya båtsamverkansområden
      keys[3] // 4 trygghetsvandringar
    ]);
  });

  it('reads "… lovar polisen att:" and "… lovar kommunerna att:" over list items wrapped onto new lines', async () => {
    const draft = await corpus('stenungsund-orust-tjorn-2023-2024.txt');
    expect(measures(draft).map((m) => [m.title, m.responsible, m.lines])).toEqual([
      [
        'Tillsammans med skola, socialtjänst, föreningsliv och näringsliv arbeta och samverka utifrån det brottsförebyggande perspektivet',
        'polisen',
        [8, 9]
      ],
      [
        'Tillsammans med motorburen ungdom och deras vårdnadshavare genomföra insatser i syfte att höja trafiksäkerheten',
        'polisen',
        [10, 11]
      ],
      [
        'Intensifiera arbetet mot droger, kränkningar och våld i miljöer där barn och ungdomar vistas',
        'polisen',
        [12, 13]
      ],
      ['Prioritera särskilt utsatta brottsoffer', 'polisen', [14, 14]],
      ['Genomföra insatser för att motverka kränkningar och psykisk ohälsa', 'kommunen', [17, 17]],
      [
        'Genomföra insatser för att öka trafiksäkerheten och minska buskörningen, med särskilda insatser mot A-traktorer och EPA-traktorer',
        'kommunen',
        [18, 19]
      ],
      ['Genomföra tidiga föräldrastärkande insatser', 'kommunen', [20, 20]]
    ]);
    expect(draft.period).toMatchObject({ start: '2023-01-01', end: '2024-12-31' });
  });

  it('reads a sentence introducing the prioritised areas as focus areas, and an indented paragraph as part of its item', async () => {
    const draft = await corpus('stockholm-ostermalm-2019.txt');
    // A focus area's title ends at its first comma; the rest is its description.
    expect(draft.focusAreas.map((f) => f.title)).toEqual([
      'Trygghet på offentlig plats',
      'Ungdomar',
      'Inbrott i bostad'
    ]);
    const ms = measures(draft);
    expect(ms).toHaveLength(3);
    expect(ms[1]!.lines).toEqual([12, 13]);
    expect(ms[1]!.description).toContain('bedrägerier till äldre');
  });

  it('reads problems listed under "Problemområden" as the situation, and a year after the place in the title', async () => {
    const draft = await corpus('grums-2016.txt');
    expect(measures(draft)).toHaveLength(4);
    expect(draft.situationSummary.value).toContain('Stölder och inbrott');
    expect(draft.period).toMatchObject({ start: '2016-01-01', end: '2016-12-31' });
    // "Polisen, Räddningstjänsten och Grums kommun kommer att …": all three take part.
    expect(measures(draft)[3]!.parties).toEqual(['polisen', 'raddningstjansten', 'kommunen']);
  });

  it('gives every measure a confidence and lists the most doubtful review items first', () => {
    const { draft } = importLoefte(
      [
        'Medborgarlöfte 2024 för Exempelby',
        '',
        'Polisen och Exempelby kommun lovar att:',
        '- Polisen ska göra 4 trafikkontroller per månad.',
        '- Kommunen ska bjuda in till trygghetsvandringar.',
        '- Delta i föräldramöten.',
        '',
        'Så har det gått',
        '- 50 trafikkontroller har gjorts.',
        '- Mopedinsats genomförd.'
      ].join('\n'),
      []
    );
    expect(measures(draft).map((m) => [m.title, m.confidence])).toEqual([
      ['Göra 4 trafikkontroller per månad', 1],
      ['Bjuda in till trygghetsvandringar', 0.6],
      ['Delta i föräldramöten', 0.6]
    ]);
    expect(draft.outcomes.map((o) => o.measureKey)).toEqual([measures(draft)[0]!.key, null]);
    // Ordered by doubt; ids follow the order.
    expect(draft.review.map((r) => [r.id, r.kind, r.path])).toEqual([
      ['r1', 'missing', 'measures.1.target'],
      ['r2', 'missing', 'measures.2.target'],
      ['r3', 'uncertain', 'outcomes.1'],
      ['r4', 'missing', 'municipality'],
      ['r5', 'missing', 'focusAreas']
    ]);
  });

  it('reads a news item: "Här är alla punkter:" opens the measures, a question heading does not, "gäller under 2024"', async () => {
    const draft = await corpus('mala-2024-nyhet.txt');
    expect(measures(draft)).toHaveLength(6);
    expect(draft.period).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    // "Vad är medborgarlöften?" explains: its text is not read as measures.
    expect(measures(draft).some((m) => /lyssnar/.test(m.title))).toBe(false);
    expect(measures(draft)[1]).toMatchObject({
      responsible: 'kommunen',
      parties: ['kommunen', 'polisen'],
      target: { kind: 'count', count: 1, per: 'year' }
    });
  });

  it('reads "X och Y lovar:", a present-tense sentence that names its parties, and a year anywhere in the title', async () => {
    const svedala = await corpus('svedala-2020.txt');
    const ms = measures(svedala);
    expect(ms).toHaveLength(6);
    // The lead-in names the municipality first; a sentence naming the police first wins.
    expect(ms.map((m) => m.responsible)).toEqual([
      'kommunen',
      'polisen',
      'kommunen',
      'kommunen',
      'polisen',
      'polisen'
    ]);
    expect(ms[1]!.title).toMatch(
      /^Polisen och kommunen genomför tillsammans riktade medborgardialoger/
    );
    const skovde = await corpus('skovde-2020.txt');
    expect(skovde.period).toMatchObject({ start: '2020-01-01', end: '2020-12-31' });
    // "Det här vill vi uppnå": effects, "Vi vill minska …" a decrease.
    expect(skovde.effects.map((e) => e.direction)).toEqual(['decrease', 'increase', 'decrease']);
  });

  it('reads one measure a line under a numbered heading, without bullets', async () => {
    const draft = await corpus('gnosjo-2024.txt');
    expect(draft.groups.map((g) => [g.title, g.measures.map((m) => m.lines[0])])).toEqual([
      ['Trafik', [8, 9]],
      ['Ungdomar och droger', [12, 13]]
    ]);
    expect(measures(draft)[3]).toMatchObject({
      responsible: 'polisen',
      target: { kind: 'on-demand' }
    });
  });

  it('reads a PDF table by its columns (no "|" in the PDF) under "Fokusområde:" headings', async () => {
    const draft = await corpus('kalix-2025.pdf');
    expect(draft.focusAreas.map((f) => f.title)).toEqual(['Trafik', 'Trygghet']);
    expect(measures(draft).map((m) => [m.title, m.targetText, m.responsible])).toEqual([
      ['Hastighetskontroller i centrum', 'Minst 2 gånger per månad', 'polisen'],
      ['Informationsträff om mopeder', '1 gång per termin', 'kommunen'],
      ['Fotpatrullering vid busstationen', 'Varje fredag', 'polisen'],
      ['Trygghetsvandring med boende', 'Minst 2 gånger per år', 'kommunen']
    ]);
  });
});

/**
 * The joint situational picture's proposal: themes ranked by the evidence behind them. Five
 * sources give each theme 0–20 points, so the score (0–100) and every part of it can be shown:
 * survey mentions and meeting input relative to the theme raised most, the survey's problem
 * index as it stands, reported crimes by how much they rose over the years, police events
 * relative to the theme with most. See docs/DIALOGUE.md.
 */

/** The most points one source can give a theme. */
export const SOURCE_POINTS = 20;

/** The sources of evidence, in the order they are shown. */
export const EVIDENCE_SOURCES = [
  'survey',
  'problemIndex',
  'input',
  'crimeTrend',
  'events'
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** A crime category's counts in the first and last year of the picture. */
export type CategoryTrend = {
  category: string;
  firstYear: number;
  firstCount: number;
  lastYear: number;
  lastCount: number;
};

/** What is known about one theme. */
export type ThemeEvidence = {
  themeId: string;
  label: string;
  /** Respondents whose survey answers mention the theme. */
  surveyMentions: number;
  /** The survey's problem index for the theme's items, 0–100 (higher: a bigger problem); null without items. */
  problemIndex: number | null;
  /** Input items from meetings and staff dialogues tagged with the theme. */
  inputItems: number;
  trends: CategoryTrend[];
  /** Police events of the types that belong to the theme. */
  events: number;
};

/** One source's part of a theme's score, with the plain-Swedish reason. */
export type ScorePart = { source: EvidenceSource; points: number; reason: string };

/** A ranked theme: its place, score and the parts that make it. */
export type RankedTheme = {
  rank: number;
  themeId: string;
  label: string;
  score: number;
  parts: ScorePart[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (v: number, max: number) => (max > 0 ? (SOURCE_POINTS * v) / max : 0);

/** The relative rise of a theme's reported crimes from the first to the last year (all its categories together); 0 without data. */
export function crimeRise(trends: CategoryTrend[]): number {
  const first = trends.reduce((n, t) => n + t.firstCount, 0);
  const last = trends.reduce((n, t) => n + t.lastCount, 0);
  if (!trends.length || first <= 0) return last > 0 && trends.length ? 1 : 0;
  return (last - first) / first;
}

const pct = (r: number) => `${r >= 0 ? '+' : '−'}${Math.round(Math.abs(r) * 100)} %`;

function trendReason(trends: CategoryTrend[], rise: number): string {
  if (!trends.length) return 'Ingen brottsstatistik hör till temat.';
  const first = trends.reduce((n, t) => n + t.firstCount, 0);
  const last = trends.reduce((n, t) => n + t.lastCount, 0);
  const years = `${trends[0]!.firstYear}–${trends[0]!.lastYear}`;
  const names = trends.map((t) => t.category).join(', ');
  return `Anmälda brott (${names}) ${years}: ${first} → ${last} (${pct(rise)}).${rise <= 0 ? ' Ingen ökning ger inga poäng.' : ''}`;
}

/** Ranks themes by their evidence; ties go to the theme with more meeting input, then by name. */
export function rankThemes(themes: ThemeEvidence[]): RankedTheme[] {
  const max = (f: (t: ThemeEvidence) => number) => Math.max(0, ...themes.map(f));
  const rises = new Map(themes.map((t) => [t.themeId, crimeRise(t.trends)]));
  const maxSurvey = max((t) => t.surveyMentions);
  const maxInput = max((t) => t.inputItems);
  const maxEvents = max((t) => t.events);
  const maxRise = max((t) => rises.get(t.themeId) ?? 0);
  const scored = themes.map((t) => {
    const rise = rises.get(t.themeId) ?? 0;
    const parts: ScorePart[] = [
      {
        source: 'survey',
        points: round1(share(t.surveyMentions, maxSurvey)),
        reason: `${t.surveyMentions} svarande i enkäten tar upp temat (flest för ett tema: ${maxSurvey}).`
      },
      {
        source: 'problemIndex',
        points: round1(t.problemIndex === null ? 0 : (SOURCE_POINTS * t.problemIndex) / 100),
        reason:
          t.problemIndex === null
            ? 'Enkäten har inga frågor om temat.'
            : `Problemindex i enkäten: ${Math.round(t.problemIndex)} av 100.`
      },
      {
        source: 'input',
        points: round1(share(t.inputItems, maxInput)),
        reason: `${t.inputItems} ${t.inputItems === 1 ? 'synpunkt' : 'synpunkter'} från möten och medarbetardialoger (flest för ett tema: ${maxInput}).`
      },
      {
        source: 'crimeTrend',
        points: round1(rise > 0 ? share(rise, maxRise) : 0),
        reason: trendReason(t.trends, rise)
      },
      {
        source: 'events',
        points: round1(share(t.events, maxEvents)),
        reason: `${t.events} händelser från polisen (flest för ett tema: ${maxEvents}).`
      }
    ];
    return {
      themeId: t.themeId,
      label: t.label,
      inputItems: t.inputItems,
      score: round1(parts.reduce((n, p) => n + p.points, 0)),
      parts
    };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score || b.inputItems - a.inputItems || a.label.localeCompare(b.label, 'sv')
  );
  return scored.map((s, i) => ({
    rank: i + 1,
    themeId: s.themeId,
    label: s.label,
    score: s.score,
    parts: s.parts
  }));
}

/** Words that tie a crime category or an event type to common themes, by theme key. */
const SIGNALS: Record<string, RegExp | null> = {
  narkotika: /narkotik|drog|knark/i,
  trafik: /trafik|rattfyll|olovlig körning|hastighet|vårdslös/i,
  'inbrott-stold': /stöld|inbrott|tillgrepp|snatteri|rån/i,
  tillgrepp: /stöld|inbrott|tillgrepp|snatteri|rån/i,
  skadegorelse: /skadegörelse|klotter|brand/i,
  polisnarvaro: /misshandel|ofredande|ordningslag|bråk|hot/i,
  trygghet: /misshandel|ofredande|ordningslag|bråk|hot/i,
  alkohol: /\bfylleri|alkohol|langning/i,
  ungdomar: null,
  'belysning-miljo': null,
  nedskrapning: /nedskräpning/i
};

/** Does a crime category or police event type belong to the theme (by its key, else its name's first word)? */
export function belongsToTheme(theme: { key: string; label: string }, text: string): boolean {
  const signal = SIGNALS[theme.key];
  if (signal !== undefined) return signal !== null && signal.test(text);
  const word = theme.label.split(/\s+/)[0]?.toLowerCase().slice(0, 6) ?? '';
  return word.length >= 4 && text.toLowerCase().includes(word);
}

import { addDays, defaultRiskOccasions, riskWeekendOf } from '../../core/index';

/** One demo activity: a measure key, a day, a count, shifts worked and a grade. */
export type DemoActivity = {
  key: string;
  date: string;
  count: number;
  shifts: number;
  grade: string | null;
};

// A small deterministic generator, so every demo database is the same.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Invented activities for Norsjö's agreement years up to `until`, shaped so that the follow-up shows met
 * and missed periods (and on-track/behind when viewed as of a date inside the period).
 * Everything here is demo data and is stored and shown as such.
 */
export function norsjoDemoActivities(until = '2022-12-31'): DemoActivity[] {
  const years = Array.from({ length: Number(until.slice(0, 4)) - 2018 }, (_, i) => 2019 + i);
  const rnd = random(2417);
  const out: DemoActivity[] = [];
  const add = (key: string, date: string, count = 1, shifts = 0, grade: string | null = null) =>
    out.push({ key, date, count, shifts, grade });
  for (const y of years) {
    for (let month = 1; month <= 12; month++) {
      const d = (day: number) => `${y}-${pad(month)}-${pad(day)}`;
      // At least once a month, missed in a few months.
      if (!(y === 2020 && month === 7) && !(y === 2022 && month === 2))
        add('rattegangsbalken', d(3 + Math.floor(rnd() * 20)), 1 + Math.floor(rnd() * 2));
      // Ten traffic controls a month: usually 10–14, some months fall short.
      const controls =
        (y === 2019 && month === 12) || (y === 2021 && (month === 4 || month === 8))
          ? 6 + Math.floor(rnd() * 3)
          : 10 + Math.floor(rnd() * 5);
      for (let i = 0; i < controls; i++) add('trafikkontroller', d(1 + Math.floor(rnd() * 28)));
      // Every shift: most weeks a patrol each shift, some weeks one short.
      for (const day of [4, 11, 18, 25])
        add('riktad-patrullering', d(day), rnd() < 0.85 ? 5 : 4, 5);
      // Police presence evenings and weekends: continuous, with a quiet spell in 2021.
      if (!(y === 2021 && month >= 5 && month <= 8))
        add('polisnarvaro', d(6 + Math.floor(rnd() * 20)));
    }
    // Märk-DNA: continuous, a few times a year; quiet through most of 2020.
    for (const md of y === 2020 ? ['01-15'] : ['02-10', '05-20', '09-02', '11-25'])
      add('mark-dna', `${y}-${md}`);
    // Twice a year on websites and in Norsjöbladet; once only in 2021.
    for (const md of y === 2021 ? ['04-12'] : ['03-18', '10-07'])
      add('information-allmanhet', `${y}-${md}`);
    // On demand: counted, never a failure.
    for (let i = 0; i < 3 + Math.floor(rnd() * 4); i++)
      add(
        'ungdomsmiljoer',
        `${y}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`
      );
    // At least four meetings a year; three in 2021.
    for (const md of y === 2021
      ? ['02-09', '06-01', '10-19']
      : ['02-12', '05-07', '09-17', '11-12'])
      add('samverkan-aktorer', `${y}-${md}`);
    // Once a year at parents' meetings; none in 2020.
    if (y !== 2020) add('informationsinsatser', `${y}-09-24`);
    // Grades 6–9 once a year each; grade 9 missed in 2020.
    for (const g of y === 2020 ? ['6', '7', '8'] : ['6', '7', '8', '9'])
      add('klassrumsbesok', `${y}-${g === '9' ? '11' : '10'}-${pad(5 + Number(g))}`, 1, 0, g);
    // Safety walks and door-knocking twice a year.
    for (const md of ['04-23', '10-15']) add('trygghetsvandring', `${y}-${md}`);
    for (const md of y === 2020 ? ['05-12'] : ['05-12', '11-03'])
      add('dorrknackning', `${y}-${md}`);
  }
  // Youth centre on Saturdays, every second or third weekend, with a long gap in autumn 2021.
  for (let day = '2019-01-05'; day <= until; day = addDays(day, 7 * (rnd() < 0.6 ? 2 : 3))) {
    if (!(day >= '2021-09-01' && day <= '2021-10-31')) add('fritidsgardsbesok', day);
  }
  // Night-walking on the risk weekend of each default occasion, one occasion missed a year.
  for (const y of years) {
    defaultRiskOccasions(y).forEach((occasion, i) => {
      if (i === y % 5) return;
      add('nattvandring', riskWeekendOf(occasion.date).start, 1);
    });
  }
  // Nothing after `until`: the demo never logs the future.
  return out.filter((a) => a.date <= until);
}

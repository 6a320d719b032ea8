import { labelledBarsSvg } from '../shared/chart-svg';

export { labelledBarsSvg, type LabelledBar } from '../shared/chart-svg';

/** A question's answers as bars: count and share of those who answered. */
export function answerBarsSvg(question: {
  text: string;
  answered: number;
  options: readonly { label: string; n: number; share: number }[];
}): string {
  return labelledBarsSvg({
    label: `Svar på frågan "${question.text}" (${question.answered} svarande)`,
    bars: question.options.map((o) => ({
      name: o.label,
      value: o.n,
      text: `${o.n} (${Math.round(o.share * 100)} %)`
    }))
  });
}

/** The problem index per item on its 0–10 scale. */
export function problemIndexSvg(
  items: readonly { text: string; index: number | null }[],
  scaleMax: number
): string {
  return labelledBarsSvg({
    label: `Problemindex per fråga, skala 0–${scaleMax}`,
    max: scaleMax,
    bars: items.map((i) => ({
      name: i.text.replace(/^Hur stort problem är /, '').replace(/ i området där du bor\?$/, ''),
      value: i.index ?? 0,
      text: i.index === null ? 'inget underlag' : i.index.toFixed(1).replace('.', ',')
    }))
  });
}

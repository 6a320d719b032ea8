/**
 * Survey questions and reading a respondent's answers: which questions are shown (conditions),
 * which answers count, and what is missing. Pure, so the same rules hold for the public form,
 * paper entry and tests. A form without JavaScript shows every question; answers to questions
 * whose condition is not met are dropped here.
 */

/** The kinds of question a survey can have. */
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text', 'area', 'age'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A text in Swedish and English (English may be empty: Swedish is shown instead). */
export type Localized = { sv: string; en: string };

/** An answer option; `score` orders a scale (null for "Ingen uppfattning"). */
export type SurveyOption = { id: string; value: string; label: Localized; score: number | null };

/** Show a question only when an earlier question was answered with a given option. */
export type Condition = { questionId: string; optionId: string };

/** A question as the form and the rules see it. */
export type SurveyQuestion = {
  id: string;
  key: string;
  kind: QuestionKind;
  text: Localized;
  help: Localized;
  required: boolean;
  /** A problem item that counts in the problem index. */
  indexItem: boolean;
  options: SurveyOption[];
  condition: Condition | null;
};

/** One counted answer: the options chosen, or the text written. */
export type ParsedAnswer = { questionId: string; optionIds: string[]; text: string | null };

/** The longest free-text answer accepted. */
export const MAX_TEXT = 2000;

/** The form field of a question. */
export const fieldOf = (questionId: string): string => `q_${questionId}`;

/** Picks the text in a language, falling back to Swedish. */
export const localized = (text: Localized, lang: 'sv' | 'en'): string =>
  lang === 'en' && text.en.trim() ? text.en : text.sv;

/** True when the question has options to choose from. */
export const hasOptions = (kind: QuestionKind): boolean => kind !== 'text';

/** Is the question shown, given the answers to the questions before it? */
export function isShown(
  question: SurveyQuestion,
  chosen: ReadonlyMap<string, readonly string[]>
): boolean {
  if (!question.condition) return true;
  return chosen.get(question.condition.questionId)?.includes(question.condition.optionId) ?? false;
}

/** A field that was wrong, in the shape services report. */
export type AnswerProblem = { field: string; message: string };

/**
 * Reads raw form values (field → values) into counted answers: options must belong to the
 * question, single-choice questions take one, hidden questions are ignored, required visible
 * questions must be answered.
 */
export function readAnswers(
  questions: readonly SurveyQuestion[],
  raw: Readonly<Record<string, readonly string[]>>
): { answers: ParsedAnswer[]; problems: AnswerProblem[] } {
  const chosen = new Map<string, string[]>();
  const answers: ParsedAnswer[] = [];
  const problems: AnswerProblem[] = [];
  for (const q of questions) {
    const field = fieldOf(q.id);
    if (!isShown(q, chosen)) continue;
    const values = (raw[field] ?? []).map((v) => v.trim()).filter(Boolean);
    if (q.kind === 'text') {
      const text = values.join('\n').trim();
      if (text.length > MAX_TEXT)
        problems.push({ field, message: `Skriv högst ${MAX_TEXT} tecken (nu ${text.length}).` });
      else if (text) answers.push({ questionId: q.id, optionIds: [], text });
      else if (q.required) problems.push({ field, message: 'Skriv ett svar på frågan.' });
      continue;
    }
    const known = new Set(q.options.map((o) => o.id));
    const ids = [...new Set(values)].filter((v) => known.has(v));
    if (ids.length !== new Set(values).size) {
      problems.push({ field, message: 'Välj bland svarsalternativen.' });
      continue;
    }
    if (q.kind !== 'multiple' && ids.length > 1) {
      problems.push({ field, message: 'Välj ett alternativ.' });
      continue;
    }
    if (!ids.length) {
      if (q.required) problems.push({ field, message: 'Välj ett svar på frågan.' });
      continue;
    }
    chosen.set(q.id, ids);
    answers.push({ questionId: q.id, optionIds: ids, text: null });
  }
  return { answers, problems };
}

/** A stable text of an answer set, for spotting the same answers sent twice. */
export const answerSetText = (answers: readonly ParsedAnswer[]): string =>
  JSON.stringify(
    [...answers]
      .sort((a, b) => a.questionId.localeCompare(b.questionId))
      .map((a) => [a.questionId, [...a.optionIds].sort(), a.text ?? ''])
  );

/** Problems with a condition: it must point to an earlier choice question and one of its options. */
export function conditionProblem(
  questions: readonly SurveyQuestion[],
  position: number,
  condition: Condition
): string | null {
  const index = questions.findIndex((q) => q.id === condition.questionId);
  const q = questions[index];
  if (!q || index >= position) return 'Villkoret måste gälla en tidigare fråga.';
  if (!hasOptions(q.kind)) return 'Villkoret måste gälla en fråga med svarsalternativ.';
  if (!q.options.some((o) => o.id === condition.optionId))
    return 'Välj ett av den frågans svarsalternativ.';
  return null;
}

/**
 * Form values from answers by question key and option value (text questions take the text), as
 * the public form would send them: { omrade: 'kusfors', 'problem-inbrott': 'litet' }.
 */
export function valuesByKey(
  questions: readonly SurveyQuestion[],
  byKey: Readonly<Record<string, string | readonly string[]>>
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(byKey)) {
    const q = questions.find((x) => x.key === key);
    if (!q) throw new Error(`The survey has no question "${key}"`);
    const values = typeof value === 'string' ? [value] : [...value];
    out[fieldOf(q.id)] =
      q.kind === 'text'
        ? values
        : values.map((v) => {
            const o = q.options.find((x) => x.value === v);
            if (!o) throw new Error(`Question "${key}" has no option "${v}"`);
            return o.id;
          });
  }
  return out;
}

/** The words of a question's condition: the option and the question it depends on, in a language. */
export function conditionWords(
  questions: readonly SurveyQuestion[],
  question: SurveyQuestion,
  lang: 'sv' | 'en'
): { option: string; question: string } | null {
  const c = question.condition;
  const on = c && questions.find((q) => q.id === c.questionId);
  const option = on && on.options.find((o) => o.id === c.optionId);
  return on && option
    ? { option: localized(option.label, lang), question: localized(on.text, lang) }
    : null;
}

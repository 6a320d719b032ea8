import { describe, expect, it } from 'vitest';
import { answerSetText, conditionProblem, readAnswers, type SurveyQuestion } from './survey';

const o = (id: string) => ({ id, value: id, label: { sv: id, en: '' }, score: null });
const q = (id: string, kind: SurveyQuestion['kind'], extra: Partial<SurveyQuestion> = {}) =>
  ({
    id,
    key: id,
    kind,
    text: { sv: id, en: '' },
    help: { sv: '', en: '' },
    required: false,
    indexItem: false,
    options: kind === 'text' ? [] : [o(`${id}1`), o(`${id}2`)],
    condition: null,
    ...extra
  }) satisfies SurveyQuestion;

const avoid = q('a', 'single', { required: true });
const where = q('b', 'text', { condition: { questionId: 'a', optionId: 'a1' }, required: true });
const more = q('c', 'multiple');
const questions = [avoid, where, more];

describe('reading a respondent’s answers', () => {
  it('counts an answer to a conditional question only when its condition is met', () => {
    const shown = readAnswers(questions, { q_a: ['a1'], q_b: ['Vid busstationen'] });
    expect(shown.answers.map((a) => a.questionId)).toEqual(['a', 'b']);
    // Without JavaScript the hidden question is on the page too: its answer is dropped, not refused.
    const hidden = readAnswers(questions, { q_a: ['a2'], q_b: ['Vid busstationen'] });
    expect(hidden).toEqual({
      answers: [{ questionId: 'a', optionIds: ['a2'], text: null }],
      problems: []
    });
  });

  it('asks for required visible answers, one choice and known options', () => {
    expect(readAnswers(questions, { q_a: ['a1'] }).problems).toEqual([
      { field: 'q_b', message: 'Skriv ett svar på frågan.' }
    ]);
    expect(readAnswers(questions, { q_a: ['a1', 'a2'] }).problems[0]?.message).toBe(
      'Välj ett alternativ.'
    );
    expect(readAnswers(questions, { q_a: ['a2'], q_c: ['x'] }).problems[0]?.field).toBe('q_c');
    expect(
      readAnswers(questions, { q_a: ['a2'], q_c: ['c1', 'c2'] }).answers[1]?.optionIds
    ).toEqual(['c1', 'c2']);
  });

  it('writes the same answer set the same way whatever the order', () => {
    const x = readAnswers(questions, { q_a: ['a2'], q_c: ['c2', 'c1'] }).answers;
    const y = readAnswers(questions, { q_c: ['c1', 'c2'], q_a: ['a2'] }).answers;
    expect(answerSetText(x)).toBe(answerSetText(y));
  });

  it('accepts a condition only on an earlier choice question and one of its options', () => {
    expect(conditionProblem(questions, 1, { questionId: 'a', optionId: 'a1' })).toBeNull();
    expect(conditionProblem(questions, 0, { questionId: 'c', optionId: 'c1' })).toMatch(/tidigare/);
    expect(conditionProblem(questions, 2, { questionId: 'b', optionId: 'x' })).toMatch(
      /svarsalternativ/
    );
    expect(conditionProblem(questions, 1, { questionId: 'a', optionId: 'c1' })).toMatch(/Välj/);
  });
});

/** Swedish words for a survey's status. */
export const SURVEY_STATUS = { draft: 'Utkast', open: 'Öppen', closed: 'Stängd' } as const;

/** Swedish names of the question kinds. */
export const QUESTION_KIND_LABELS = {
  single: 'Ett val',
  multiple: 'Flera val',
  scale: 'Skala',
  text: 'Fritext',
  area: 'Område',
  age: 'Åldersgrupp'
} as const;

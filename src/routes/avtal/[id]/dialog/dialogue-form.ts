/** How many empty input rows the form offers below the filled ones (no JavaScript needed to add more). */
export const EMPTY_INPUT_ROWS = 5;

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Turns the dialogue form into the service's input: blank input rows are left out, numbers parsed. */
export function dialogueFromForm(form: FormData) {
  const participants = str(form, 'participants').trim();
  const inputs: { id: string | null; text: string; themeId: string | null }[] = [];
  for (let i = 0; form.has(`input_text_${i}`); i++) {
    const text = str(form, `input_text_${i}`).trim();
    if (!text) continue;
    inputs.push({
      id: str(form, `input_id_${i}`) || null,
      text,
      themeId: str(form, `input_theme_${i}`) || null
    });
  }
  return {
    kind: str(form, 'kind'),
    title: str(form, 'title'),
    heldOn: str(form, 'heldOn'),
    place: str(form, 'place'),
    keyGroups: str(form, 'keyGroups')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
    participants:
      participants === '' ? null : /^\d+$/.test(participants) ? Number(participants) : participants,
    organisationsPresent: str(form, 'organisationsPresent'),
    minutes: str(form, 'minutes'),
    surveyId: str(form, 'surveyId').trim() || null,
    inputs
  };
}

/** Labels for the error summary. */
export const DIALOGUE_LABELS: Record<string, string> = {
  kind: 'Sorts dialog',
  title: 'Rubrik',
  heldOn: 'Datum',
  place: 'Plats',
  keyGroups: 'Nyckelgrupper',
  participants: 'Antal deltagare',
  organisationsPresent: 'Organisationer på plats',
  minutes: 'Minnesanteckningar',
  surveyId: 'Enkät'
};

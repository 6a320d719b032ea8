/** Reads the measure form's fields into the shape the plan services take. */
export function measureFromForm(form: FormData) {
  const str = (k: string) => String(form.get(k) ?? '');
  return {
    title: str('title'),
    description: str('description'),
    targetText: str('targetText'),
    responsiblePartyId: str('responsiblePartyId') || null,
    partyIds: form.getAll('partyIds').map(String),
    focusAreaKeys: form.getAll('focusAreaIds').map(String),
    followUpMethod: str('followUpMethod'),
    visibility: str('visibility') || 'public',
    changeReason: str('changeReason')
  };
}

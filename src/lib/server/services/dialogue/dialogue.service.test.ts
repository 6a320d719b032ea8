import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { getDialogue, listDialogues, saveDialogue } from './dialogue.service';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { evidenceSources, type ThemeOption } from './theme-frame';

const meetingWith = (narkotika: string, trafik: string) => ({
  kind: 'open_meeting',
  title: 'Öppet möte i Folkets hus',
  heldOn: '2018-10-02',
  place: 'Folkets hus, Norsjö',
  keyGroups: ['Ungdomar', 'Föräldrar'],
  participants: 34,
  organisationsPresent: 'Kommunen, polisen, Förebyggarrådet',
  minutes: 'Mötet öppnades kl. 18.',
  inputs: [
    { text: 'Det säljs narkotika vid skolan.', themeId: narkotika },
    { text: 'Bilar kör för fort på Storgatan.', themeId: trafik },
    { text: 'Fler kvällsöppna lokaler.' }
  ]
});

describe.each(DATABASES)('dialogues on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let meeting: ReturnType<typeof meetingWith>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    const themes: ThemeOption[] = await evidenceSources.themes(ctx, {
      municipalityId: 'kommun-2417',
      agreementId
    });
    const id = (key: string) => themes.find((t) => t.key === key)!.id;
    meeting = meetingWith(id('narkotika'), id('trafik'));
  });
  afterAll(() => close());

  it('lets the municipality’s editor record an open meeting with its input, each item optionally tagged', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const { id } = await saveDialogue(ctx, editor, agreementId, meeting);
    const viewer = (await makeUser(ctx, 'viewer', 'lpo-skelleftea')).actor;
    const got = await getDialogue(ctx, viewer, agreementId, id);
    expect(got.editable).toBe(false);
    expect(got.dialogue).toMatchObject({
      kindLabel: 'Öppet möte',
      keyGroups: ['Ungdomar', 'Föräldrar'],
      participants: 34
    });
    expect(got.dialogue.inputs.map((i) => i.theme)).toEqual(['Narkotika', 'Trafik', null]);
    const list = await listDialogues(ctx, viewer, agreementId);
    expect(list.dialogues).toEqual([
      expect.objectContaining({ id, inputs: 3, kindLabel: 'Öppet möte' })
    ]);
  });

  it('keeps the ids of input items that stay when a dialogue is edited', async () => {
    const editor = (await makeUser(ctx, 'editor', 'lpo-skelleftea')).actor;
    const { id } = await saveDialogue(ctx, editor, agreementId, {
      ...meeting,
      kind: 'staff_dialogue',
      title: 'Medarbetardialog'
    });
    const before = (await getDialogue(ctx, editor, agreementId, id)).dialogue.inputs;
    await saveDialogue(
      ctx,
      editor,
      agreementId,
      {
        ...meeting,
        inputs: [{ id: before[1]!.id, text: 'Bilar kör för fort.', themeId: before[1]!.themeId }]
      },
      { id }
    );
    const after = (await getDialogue(ctx, editor, agreementId, id)).dialogue;
    expect(after.inputs).toEqual([
      expect.objectContaining({ id: before[1]!.id, text: 'Bilar kör för fort.' })
    ]);
    expect(after.kind).toBe('open_meeting');
  });

  it('names each wrong field and refuses people outside the agreement', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const err = await saveDialogue(ctx, editor, agreementId, {
      ...meeting,
      heldOn: '2018-02-30',
      participants: -1,
      kind: 'survey_round',
      inputs: [{ text: 'x', themeId: 'inget-tema' }]
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields.map((f) => f.field).sort()).toEqual([
      'heldOn',
      'participants',
      'surveyId'
    ]);
    await expect(
      saveDialogue(ctx, editor, agreementId, {
        ...meeting,
        inputs: [{ text: 'x', themeId: 'inget' }]
      })
    ).rejects.toThrow(/Välj ett tema ur listan/);
    const other = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    await expect(saveDialogue(ctx, other, agreementId, meeting)).rejects.toBeInstanceOf(
      ForbiddenError
    );
    await expect(listDialogues(ctx, null, agreementId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

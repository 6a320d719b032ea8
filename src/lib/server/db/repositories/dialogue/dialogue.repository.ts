import type { Executor } from '../../../context';
import type { DialogueInputTable, DialogueTable } from '../../schema';

/** An agreement's dialogues, newest first, a page at a time, with their input counts. */
export const listDialogueRows = (
  db: Executor,
  agreementId: string,
  limit: number,
  offset: number
) =>
  db
    .selectFrom('dialogues as d')
    .leftJoin('dialogue_inputs as i', 'i.dialogue_id', 'd.id')
    .select(['d.id', 'd.kind', 'd.title', 'd.held_on', 'd.place', 'd.participants', 'd.demo'])
    .select((eb) => eb.fn.count<number>('i.id').as('inputs'))
    .where('d.agreement_id', '=', agreementId)
    .groupBy(['d.id', 'd.kind', 'd.title', 'd.held_on', 'd.place', 'd.participants', 'd.demo'])
    .orderBy('d.held_on', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .offset(offset)
    .execute();

/** How many dialogues an agreement has. */
export const countDialogues = async (db: Executor, agreementId: string) =>
  Number(
    (
      await db
        .selectFrom('dialogues')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agreement_id', '=', agreementId)
        .executeTakeFirst()
    )?.n ?? 0
  );

export const findDialogue = (db: Executor, id: string) =>
  db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();

export const dialogueInputs = (db: Executor, dialogueId: string) =>
  db
    .selectFrom('dialogue_inputs')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .orderBy('position')
    .execute();

export const insertDialogue = (db: Executor, row: DialogueTable) =>
  db.insertInto('dialogues').values(row).execute();

export const updateDialogueRow = (db: Executor, id: string, patch: Partial<DialogueTable>) =>
  db.updateTable('dialogues').set(patch).where('id', '=', id).execute();

/** Replaces a dialogue's input items, keeping the ids of items that stay (citations point at them). */
export async function replaceInputs(
  db: Executor,
  dialogueId: string,
  rows: DialogueInputTable[]
): Promise<void> {
  const keep = rows.map((r) => r.id);
  let del = db.deleteFrom('dialogue_inputs').where('dialogue_id', '=', dialogueId);
  if (keep.length) del = del.where('id', 'not in', keep);
  await del.execute();
  for (const r of rows) {
    await db
      .insertInto('dialogue_inputs')
      .values(r)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ position: r.position, text: r.text, theme_id: r.theme_id })
      )
      .execute();
  }
}

/** Input items per theme across an agreement's meetings and staff dialogues (survey rounds are counted by the survey). */
export const inputCountsByTheme = (db: Executor, agreementId: string) =>
  db
    .selectFrom('dialogue_inputs as i')
    .innerJoin('dialogues as d', 'd.id', 'i.dialogue_id')
    .select(['i.theme_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.agreement_id', '=', agreementId)
    .where('d.kind', '!=', 'survey_round')
    .where('i.theme_id', 'is not', null)
    .groupBy('i.theme_id')
    .execute();

/** Every input item of an agreement's dialogues, with its dialogue (for citations and the public page). */
export const agreementInputs = (db: Executor, agreementId: string) =>
  db
    .selectFrom('dialogue_inputs as i')
    .innerJoin('dialogues as d', 'd.id', 'i.dialogue_id')
    .select([
      'i.id',
      'i.text',
      'i.theme_id',
      'd.id as dialogue_id',
      'd.title as dialogue_title',
      'd.kind',
      'd.held_on',
      'd.demo'
    ])
    .where('d.agreement_id', '=', agreementId)
    .orderBy('d.held_on')
    .orderBy('i.position')
    .execute();

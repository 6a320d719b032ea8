import { z } from 'zod';
import { changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  contactsOf,
  deleteContact,
  insertContact
} from '../../db/repositories/publication/public-event.repository';
import { assertCanEdit } from '../agreements/agreement.service';
import { recordAudit } from '../shared/audit.service';
import { NotFoundError } from '../shared/errors';
import { parseInput } from '../shared/validation';

/** A person the public may contact about an agreement (work contact details only). */
export type PublicContact = {
  id: string;
  name: string;
  role: string;
  organisation: string;
  email: string | null;
  phone: string | null;
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null)
    .nullable()
    .default(null);

const contactInput = z
  .object({
    name: z.string().trim().min(1, { message: 'Skriv namnet, till exempel Anna Berg.' }).max(200),
    role: z
      .string()
      .trim()
      .min(1, { message: 'Skriv vad personen gör, till exempel kommunpolis.' })
      .max(200),
    organisation: z
      .string()
      .trim()
      .min(1, { message: 'Skriv organisationen, till exempel Norsjö kommun.' })
      .max(200),
    email: optionalText(200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: 'Skriv en e-postadress som namn@kommun.se, eller lämna fältet tomt.'
    }),
    phone: optionalText(40).refine((v) => v === null || /^[+\d][\d\s-]{4,}$/.test(v), {
      message: 'Skriv telefonnumret med siffror, till exempel 0918-141 00, eller lämna tomt.'
    })
  })
  .refine((v) => v.email || v.phone, {
    path: ['email'],
    message: 'Ange e-post eller telefon, så att man kan nå personen.'
  });

/** The agreement's public contacts in their order. */
export async function listContacts(ctx: Ctx, agreementId: string): Promise<PublicContact[]> {
  return (await contactsOf(ctx.db, agreementId)).map((c) => ({
    id: c.id,
    name: c.name,
    role: c.role,
    organisation: c.organisation,
    email: c.email,
    phone: c.phone
  }));
}

/** Adds a contact shown on the municipality's public page; only the agreement's editors may. */
export async function addContact(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parseInput(contactInput, input);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertContact(trx, {
      id,
      agreement_id: agreementId,
      ...v,
      created_at: ctx.now().toISOString()
    });
    // Contact details are personal data: the audit trail names the entry, not its content.
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'contact.create',
      entity: 'agreement_contact',
      entityId: id
    });
  });
  return { id };
}

/** Removes a contact from the public page. */
export async function removeContact(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  contactId: string
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await deleteContact(trx, agreementId, contactId)) === 0)
      throw new NotFoundError('Kontakten finns inte.');
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'contact.delete',
      entity: 'agreement_contact',
      entityId: contactId
    });
  });
}

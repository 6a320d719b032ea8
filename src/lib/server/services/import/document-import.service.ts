import {
  documentDraft,
  importLoefte,
  NotALoefteError,
  type DocumentDraft
} from '../../../core/loefte-import';
import { can, SYSTEM, type Changer } from '../../auth/policy';
import { newId, type Ctx } from '../../context';
import { listLocalPoliceAreas } from '../../db/repositories/accounts/organisation.repository';
import {
  deleteExpiredImports,
  findLiveDocumentImport,
  insertDocumentImport,
  markDocumentImportAccepted
} from '../../db/repositories/import/document-import.repository';
import type { DocumentImportTable, OrganisationTable } from '../../db/schema';
import { insertOrganisations } from '../../db/repositories/accounts/organisation.repository';
import { MUNICIPALITIES } from '../../reference/sweden';
import { agreementDraft } from '../agreements/agreement.schema';
import { createAgreement } from '../agreements/agreement.service';
import { recordAudit } from '../shared/audit.service';
import { readDocument, type DocumentKind } from './document-import-read';
import { suggestPoliceArea, toAgreementDraft } from './document-import-draft';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { municipalityId } from '../accounts/organisation.service';

/** Drafts wait a week for review; then they and their text are deleted. */
const KEEP_DAYS = 7;
/** Largest pasted text (characters), like the largest file. */
export const MAX_PASTED_CHARS = 5 * 1024 * 1024;

const fileError = (message: string) => new ValidationError([{ field: 'file', message }]);

/** Reads a file (or pasted text) into a draft; nothing is stored. For the CLI and the upload step. */
export async function readLoefte(
  input: { fileName: string; bytes: Uint8Array } | { text: string }
): Promise<{ kind: DocumentKind | 'paste'; text: string; draft: DocumentDraft }> {
  let kind: DocumentKind | 'paste' = 'paste';
  let raw: string;
  if ('text' in input) {
    if (!input.text.trim())
      throw new ValidationError([
        { field: 'text', message: 'Klistra in texten i medborgarlöftet, eller välj en fil.' }
      ]);
    if (input.text.length > MAX_PASTED_CHARS)
      throw new ValidationError([
        {
          field: 'text',
          message: 'Texten är för lång (högst 5 MB). Ta bara med själva medborgarlöftet.'
        }
      ]);
    raw = input.text;
  } else {
    const read = await readDocument(input.fileName, input.bytes);
    kind = read.kind;
    raw = read.text;
  }
  try {
    const { text, draft } = importLoefte(raw, MUNICIPALITIES);
    return { kind, text, draft };
  } catch (e) {
    if (e instanceof NotALoefteError) throw fileError(e.message);
    throw e;
  }
}

const mayImport = (actor: Changer) => {
  if (!actor) throw new UnauthenticatedError();
  if (actor === SYSTEM) return;
  if (!actor.memberships.some((m) => m.role === 'editor' || m.role === 'admin'))
    throw new ForbiddenError(
      'Bara redaktörer kan importera ett medborgarlöfte. Be en administratör om rollen redaktör.'
    );
};

/** Reads an uploaded or pasted löfte and keeps its draft for review (a week). */
export async function startDocumentImport(
  ctx: Ctx,
  actor: Changer,
  input: { fileName: string; bytes: Uint8Array } | { text: string }
): Promise<{ id: string }> {
  mayImport(actor);
  const read = await readLoefte(input);
  const now = ctx.now();
  const row: DocumentImportTable = {
    id: newId(),
    organisation_id: read.draft.municipality.code
      ? municipalityId(read.draft.municipality.code)
      : null,
    created_by: actor && actor !== SYSTEM ? actor.userId : null,
    file_name: 'fileName' in input ? input.fileName.slice(0, 200) : 'Inklistrad text',
    kind: read.kind,
    normalised_text: read.text,
    draft_json: JSON.stringify(read.draft),
    review_json: JSON.stringify(read.draft.review),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + KEEP_DAYS * 86_400_000).toISOString(),
    accepted_agreement_id: null
  };
  await deleteExpiredDocumentImports(ctx);
  await insertDocumentImport(ctx.db, row);
  return { id: row.id };
}

/** A stored draft with its source text, for the review page. */
export type DocumentImportView = {
  id: string;
  fileName: string;
  kind: DocumentImportTable['kind'];
  lines: string[];
  draft: DocumentDraft;
  expiresAt: string;
  acceptedAgreementId: string | null;
  policeAreaId: string | null;
  policeAreaWhy: 'named' | 'earlier-agreement' | null;
  policeAreas: { id: string; name: string }[];
};

async function loadRow(ctx: Ctx, actor: Changer, id: string): Promise<DocumentImportTable> {
  if (!actor) throw new UnauthenticatedError();
  const row = await findLiveDocumentImport(ctx.db, id, ctx.now().toISOString());
  // Another person's draft is as absent as an expired one.
  if (!row || (actor !== SYSTEM && row.created_by !== actor.userId))
    throw new NotFoundError(
      'Importen finns inte eller har gått ut (efter en vecka). Ladda upp filen igen.'
    );
  return row;
}

export async function getDocumentImport(
  ctx: Ctx,
  actor: Changer,
  id: string
): Promise<DocumentImportView> {
  const row = await loadRow(ctx, actor, id);
  const draft = documentDraft.parse(JSON.parse(row.draft_json));
  const suggestion = await suggestPoliceArea(ctx.db, draft);
  const policeAreas = await listLocalPoliceAreas(ctx.db, 500);
  return {
    id: row.id,
    fileName: row.file_name,
    kind: row.kind,
    lines: row.normalised_text ? row.normalised_text.split('\n') : [],
    draft,
    expiresAt: row.expires_at,
    acceptedAgreementId: row.accepted_agreement_id,
    policeAreaId: suggestion.id,
    policeAreaWhy: suggestion.why,
    policeAreas
  };
}

/**
 * Accepts a reviewed draft: creates the agreement as a draft through createAgreement (which checks
 * that the actor edits the municipality or police area), creates new named parties, and forgets
 * the text. The import keeps only the id of the agreement it became.
 */
export async function acceptDocumentImport(
  ctx: Ctx,
  actor: Changer,
  id: string,
  edited: unknown,
  choice: { policeAreaId: string | null }
): Promise<{ agreementId: string }> {
  const row = await loadRow(ctx, actor, id);
  if (row.accepted_agreement_id) return { agreementId: row.accepted_agreement_id };
  const parsed = documentDraft.safeParse(edited);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const draft = parsed.data;
  const kommun = draft.municipality.code ? municipalityId(draft.municipality.code) : null;
  const orgs = [kommun, choice.policeAreaId].filter((x): x is string => !!x);
  if (actor !== SYSTEM && orgs.length && !can(actor, 'agreement.edit', orgs))
    throw new ForbiddenError(
      'Du kan bara importera löften för kommuner och polisområden där du är redaktör.'
    );
  const create = { at: ctx.now().toISOString(), rows: [] as OrganisationTable[] };
  const agreement = await toAgreementDraft(ctx.db, draft, choice, create);
  // Check the whole draft before creating any party, so a rejected draft leaves nothing behind.
  const checked = agreementDraft.safeParse(agreement);
  if (!checked.success) throw new ValidationError(fieldErrorsFromZod(checked.error.issues));
  if (create.rows.length)
    await ctx.db.transaction().execute(async (trx) => {
      await insertOrganisations(trx, create.rows);
      await recordAudit(trx, ctx.now(), {
        actorId: actor && actor !== SYSTEM ? actor.userId : null,
        organisationId: kommun,
        action: 'organisation.create',
        entity: 'document_import',
        entityId: id,
        after: create.rows.map((r) => r.name)
      });
    });
  const { id: agreementId } = await createAgreement(ctx, actor, agreement);
  await markDocumentImportAccepted(ctx.db, id, agreementId, JSON.stringify(draft));
  return { agreementId };
}

/** Deletes drafts past their time; returns how many. */
export async function deleteExpiredDocumentImports(ctx: Ctx): Promise<number> {
  return deleteExpiredImports(ctx.db, ctx.now().toISOString());
}

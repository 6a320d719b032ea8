import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import {
  NotFoundError,
  ValidationError,
  type FieldError
} from '$lib/server/services/shared/errors';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportMapping } from '$lib/core/import-mapping';
import {
  canImport,
  chooseHeaderRow,
  commitImport,
  getImportPreview,
  MAX_IMPORT_BYTES,
  previewImport,
  validateImport,
  type ImportPreview,
  type ImportValidation
} from '$lib/server/services/logging/import.service';

const count = z.coerce.number().int().min(0).optional().catch(undefined);
const query = z.object({
  fil: z.string().max(100).optional().catch(undefined),
  kontroll: z.string().max(5).optional().catch(undefined),
  sparade: count,
  fanns: count,
  hoppade: count,
  export: count
});

/** The mapping as the page sends it: one parameter per field, holding a column number or ''. */
const mappingFrom = (get: (k: string) => string | null) =>
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, get(f) ?? ''])) as Record<string, string>;

export const load: PageServerLoad = async ({ params, url, locals }) => {
  if (!locals.actor)
    redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  const { ctx } = await getApp();
  const q = query.parse(Object.fromEntries(url.searchParams));
  let title: string;
  try {
    title = (await getAgreementForActor(ctx, locals.actor, params.id)).view.title;
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
  if (!(await canImport(ctx, locals.actor, params.id)))
    error(403, 'Bara rapportörer och redaktörer hos överenskommelsens parter kan importera.');
  let preview: ImportPreview | null = null;
  let validation: ImportValidation | null = null;
  let mappingErrors: FieldError[] = [];
  let notice = '';
  let chosen: ImportMapping | Record<string, string> = {};
  if (q.fil) {
    try {
      preview = await getImportPreview(ctx, locals.actor, q.fil);
      if (preview.agreementId !== params.id) throw new NotFoundError();
      chosen = preview.mapping;
      if (q.kontroll) {
        chosen = mappingFrom((k) => url.searchParams.get(k));
        validation = await validateImport(ctx, locals.actor, q.fil, chosen);
      }
    } catch (e) {
      if (e instanceof ValidationError) mappingErrors = e.fields;
      else if (e instanceof NotFoundError) {
        preview = null;
        notice =
          'Uppladdningen finns inte eller har gått ut (efter ett dygn). Ladda upp filen igen.';
      } else throw e;
    }
  }
  return {
    agreement: { id: params.id, title },
    fields: IMPORT_FIELDS.map((key) => ({ key, label: IMPORT_FIELD_LABELS[key] })),
    maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024,
    preview,
    mapping: Object.fromEntries(
      IMPORT_FIELDS.map((f) => [f, chosen[f] === undefined ? '' : String(chosen[f])])
    ) as Record<string, string>,
    validation: validation && { ...validation, bad: validation.bad.slice(0, 200) },
    mappingErrors,
    notice,
    result:
      q.sparade !== undefined
        ? {
            stored: q.sparade,
            existing: q.fanns ?? 0,
            skipped: q.hoppade ?? 0,
            fromExport: q.export ?? 0
          }
        : null
  };
};

export const actions: Actions = {
  upload: async ({ request, params, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const file = form.get('fil');
    let uploadId: string;
    try {
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined;
      const preview = await previewImport(ctx, locals.actor, params.id, {
        name: file instanceof File ? file.name : '',
        bytes: bytes ?? new Uint8Array()
      });
      uploadId = preview.uploadId;
    } catch (e) {
      return formFailure(e, {}, 'upload');
    }
    redirect(303, `/avtal/${params.id}/import?fil=${uploadId}`);
  },
  /** Reads the upload again with the header row the person chose ("Rubrikraden är rad N"). */
  headerRow: async ({ request, params, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    let uploadId: string;
    try {
      const preview = await chooseHeaderRow(
        ctx,
        locals.actor,
        String(form.get('fil') ?? ''),
        String(form.get('headerRow') ?? '')
      );
      if (preview.agreementId !== params.id) throw new NotFoundError('Uppladdningen finns inte.');
      uploadId = preview.uploadId;
    } catch (e) {
      return formFailure(e, keptValues(form), 'headerRow');
    }
    redirect(303, `/avtal/${params.id}/import?fil=${uploadId}`);
  },
  import: async ({ request, params, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const str = (k: string) => String(form.get(k) ?? '');
    let r: Awaited<ReturnType<typeof commitImport>>;
    try {
      r = await commitImport(
        ctx,
        locals.actor,
        str('fil'),
        mappingFrom((k) => str(k)),
        { includeGoodRowsOnly: str('val') === 'korrekta' }
      );
    } catch (e) {
      return formFailure(e, keptValues(form), 'import');
    }
    redirect(
      303,
      `/avtal/${params.id}/import?sparade=${r.stored}&fanns=${r.existing}&hoppade=${r.skipped}&export=${r.fromExport}`
    );
  }
};

import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { field, withAction, withLoad } from '$lib/server/http';
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

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, url, ctx, actor }) => {
      const q = query.parse(Object.fromEntries(url.searchParams));
      const title = (await getAgreementForActor(ctx, actor, params.id)).view.title;
      if (!(await canImport(ctx, actor, params.id)))
        error(403, 'Bara rapportörer och redaktörer hos överenskommelsens parter kan importera.');
      let preview: ImportPreview | null = null;
      let validation: ImportValidation | null = null;
      let mappingErrors: FieldError[] = [];
      let notice = '';
      let chosen: ImportMapping | Record<string, string> = {};
      if (q.fil) {
        // A wrong mapping or an expired upload is said on the page, not as an error page.
        try {
          preview = await getImportPreview(ctx, actor, q.fil);
          if (preview.agreementId !== params.id) throw new NotFoundError();
          chosen = preview.mapping;
          if (q.kontroll) {
            chosen = mappingFrom((k) => url.searchParams.get(k));
            validation = await validateImport(ctx, actor, q.fil, chosen);
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
    },
    { signIn: true }
  );

export const actions: Actions = {
  upload: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const file = form.get('fil');
        const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined;
        const preview = await previewImport(ctx, actor, params.id, {
          name: file instanceof File ? file.name : '',
          bytes: bytes ?? new Uint8Array()
        });
        redirect(303, `/avtal/${params.id}/import?fil=${preview.uploadId}`);
      },
      { which: 'upload', keep: false }
    ),
  /** Reads the upload again with the header row the person chose ("Rubrikraden är rad N"). */
  headerRow: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const preview = await chooseHeaderRow(
          ctx,
          actor,
          field(form, 'fil'),
          field(form, 'headerRow')
        );
        if (preview.agreementId !== params.id) throw new NotFoundError('Uppladdningen finns inte.');
        redirect(303, `/avtal/${params.id}/import?fil=${preview.uploadId}`);
      },
      { which: 'headerRow' }
    ),
  import: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const r = await commitImport(
          ctx,
          actor,
          field(form, 'fil'),
          mappingFrom((k) => field(form, k)),
          { includeGoodRowsOnly: field(form, 'val') === 'korrekta' }
        );
        redirect(
          303,
          `/avtal/${params.id}/import?sparade=${r.stored}&fanns=${r.existing}&hoppade=${r.skipped}&export=${r.fromExport}`
        );
      },
      { which: 'import' }
    )
};

import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formFailure, refuseNulFields, withLoad } from '$lib/server/http';
import { MAX_DOCUMENT_BYTES } from '$lib/server/services/import/document-import-read';
import { startDocumentImport } from '$lib/server/services/import/document-import.service';
import { ValidationError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    ({ actor }) => {
      if (!actor.memberships.some((m) => m.role === 'editor' || m.role === 'admin'))
        error(
          403,
          'Bara redaktörer kan importera ett medborgarlöfte. Be en administratör om rollen redaktör.'
        );
      return { maxMegabytes: MAX_DOCUMENT_BYTES / 1024 / 1024 };
    },
    { signIn: true }
  );

export const actions: Actions = {
  // Not withAction: a form too large to read is said in the form, and only the pasted text is kept.
  default: async ({ request, locals }) => {
    const { ctx, actor } = locals;
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return formFailure(
        new ValidationError([
          {
            field: 'file',
            message: 'Filen är för stor eller kom inte fram. Försök igen med en mindre fil.'
          }
        ])
      );
    }
    const file = form.get('file');
    const text = String(form.get('text') ?? '');
    let id: string;
    try {
      refuseNulFields(form);
      if (file instanceof File && file.size > 0)
        ({ id } = await startDocumentImport(ctx, actor, {
          fileName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer())
        }));
      else if (text.trim()) ({ id } = await startDocumentImport(ctx, actor, { text }));
      else
        throw new ValidationError([
          {
            field: 'file',
            message: 'Välj en fil (text, Word eller PDF) eller klistra in texten i rutan.'
          }
        ]);
    } catch (e) {
      // The pasted text is kept so nothing typed is lost; a file has to be chosen again.
      return formFailure(e, { text: text.slice(0, 200_000) });
    }
    redirect(303, `/avtal/importera/${id}`);
  }
};

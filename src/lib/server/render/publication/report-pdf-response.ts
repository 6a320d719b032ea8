/** A PDF as a response: shown in the browser, saved under a readable name, cached as it never changes. */
export function pdfResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${fileName}"`,
      // A published version is frozen: its PDF is the same for ever.
      'cache-control': 'public, max-age=86400'
    }
  });
}

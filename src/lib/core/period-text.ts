/**
 * The period's words hold the document's own sentence and, after it, what the person who entered
 * it noted about the period ("Dokumentet säger också …"). The public page quotes only the first and
 * shows the note as a note, so it never reads as if the document said it.
 */
const NOTE = /(?:^|\s)(Dokumentet säger också(?=\s|$).*)$/su;

export function splitPeriodText(text: string): { quote: string; note: string | null } {
  const m = NOTE.exec(text);
  if (!m || m.index === undefined || !m[1]) return { quote: text.trim(), note: null };
  const quote = text.slice(0, m.index).trim().replace(/\.$/u, '');
  return quote ? { quote, note: m[1].trim() } : { quote: text.trim(), note: null };
}

import { isoWeek } from '../../../core';

/** What the digest needs of a person's due report: today, its lines by state, and the demo mark. */
export type DigestInput = {
  today: string;
  demo: boolean;
  items: readonly { state: string; line: string }[];
  obligations: readonly { line: string }[];
};

/** A digest e-mail: subject, plain text and simple HTML with the same lines. */
export type DigestMessage = { subject: string; text: string; html: string };

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
  );

/** The weekly digest for one person: what is behind, what is coming in the next days, what is still open. */
export function digestMessage(
  report: DigestInput,
  options: { name: string; origin: string }
): DigestMessage {
  const week = isoWeek(report.today);
  const behind = report.items.filter((i) => i.state === 'behind');
  const open = report.items.filter((i) => i.state === 'open');
  const sections = [
    { title: 'Ligger efter', lines: behind.map((i) => i.line) },
    { title: 'Kommande', lines: report.obligations.map((o) => o.line) },
    { title: 'Pågår', lines: open.map((i) => i.line) }
  ].filter((s) => s.lines.length > 0);
  const subject = `Löften: att göra vecka ${week}${behind.length ? ` – ${behind.length} efter` : ''}`;
  const demo = report.demo ? 'Uppföljningen bygger delvis på påhittade demoaktiviteter.' : '';
  const links = {
    log: `${options.origin}/logga`,
    due: `${options.origin}/att-gora`
  };
  const text = [
    `Hej ${options.name}!`,
    '',
    `Så här ligger dina överenskommelsers åtgärder till vecka ${week}.`,
    ...(demo ? ['', demo] : []),
    ...sections.flatMap((s) => ['', s.title, ...s.lines.map((l) => `- ${l}`)]),
    '',
    `Logga det du har gjort: ${links.log}`,
    `Allt som är på gång: ${links.due}`,
    '',
    `Du får det här brevet varje vecka för att du har bett om det. Stäng av det på ${links.due}.`
  ].join('\n');
  const html = [
    '<!doctype html><html lang="sv"><meta charset="utf-8"><body>',
    `<p>Hej ${escape(options.name)}!</p>`,
    `<p>Så här ligger dina överenskommelsers åtgärder till vecka ${week}.</p>`,
    demo ? `<p><em>${escape(demo)}</em></p>` : '',
    ...sections.map(
      (s) =>
        `<h2>${escape(s.title)}</h2><ul>${s.lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`
    ),
    `<p><a href="${escape(links.log)}">Logga det du har gjort</a> · <a href="${escape(links.due)}">Allt som är på gång</a></p>`,
    `<p>Du får det här brevet varje vecka för att du har bett om det. <a href="${escape(links.due)}">Stäng av det</a>.</p>`,
    '</body></html>'
  ].join('\n');
  return { subject, text, html };
}

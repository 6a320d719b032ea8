/** A subscription e-mail: plain text and HTML in Swedish, and the RFC 8058 unsubscribe headers. */
export type SubscriptionMail = {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** One new item in a subscription e-mail. */
export type MailItem = {
  kind: 'report' | 'news' | 'event';
  title: string;
  /** A line or two: a report's summary, the start of a news item, an event's day and place. */
  summary: string;
  link: string;
  demo: boolean;
};

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );

const KIND_SV: Record<MailItem['kind'], string> = {
  report: 'Rapport',
  news: 'Nyhet',
  event: 'Evenemang'
};

/** The confirmation e-mail of a new subscription: the one-time link and what happens if ignored. */
export function confirmationMail(m: {
  municipality: string;
  link: string;
  days: number;
}): Omit<SubscriptionMail, 'headers'> {
  const subject = `Bekräfta att du vill få nyheter om medborgarlöften i ${m.municipality}`;
  const intro = `Någon, förhoppningsvis du, har bett att få e-post när ${m.municipality} publicerar rapporter, nyheter och evenemang om medborgarlöftet.`;
  const act = `Öppna länken för att bekräfta. Den fungerar en gång och i ${m.days} dagar:`;
  const ignore =
    'Har du inte bett om det här kan du strunta i meddelandet: utan bekräftelse skickar vi inget mer och adressen raderas.';
  return {
    subject,
    text: [intro, '', act, m.link, '', ignore].join('\n'),
    html: `<p>${escape(intro)}</p><p>${escape(act)}</p><p><a href="${escape(m.link)}">${escape(m.link)}</a></p><p>${escape(ignore)}</p>`
  };
}

/** RFC 2369 and RFC 8058 headers: mail programs show "unsubscribe" and may post to it in one click. */
export const unsubscribeHeaders = (link: string): Record<string, string> => ({
  'List-Unsubscribe': `<${link}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
});

/** The e-mail with what a municipality published since the last one; every one says how to stop. */
export function newItemsMail(m: {
  municipality: string;
  items: readonly MailItem[];
  pageLink: string;
  unsubscribeLink: string;
}): SubscriptionMail {
  const title = (i: MailItem) => (i.demo ? `${i.title} (demo)` : i.title);
  const subject =
    m.items.length === 1
      ? `${KIND_SV[m.items[0]!.kind]} från ${m.municipality}: ${title(m.items[0]!)}`
      : `${m.items.length} nya rapporter, nyheter och evenemang från ${m.municipality}`;
  const stop = 'Vill du inte ha fler mejl? Avsluta prenumerationen med länken (ett klick):';
  const why = `Du får det här för att du prenumererar på medborgarlöftet i ${m.municipality}.`;
  const text = [
    `Nytt om medborgarlöftet i ${m.municipality}:`,
    '',
    ...m.items.flatMap((i) => [`${KIND_SV[i.kind]}: ${title(i)}`, i.summary, i.link, '']),
    `Allt om löftet: ${m.pageLink}`,
    '',
    why,
    stop,
    m.unsubscribeLink
  ].join('\n');
  const html = [
    `<p>Nytt om medborgarlöftet i ${escape(m.municipality)}:</p>`,
    ...m.items.map(
      (i) =>
        `<h2 style="font-size:1.1em">${escape(KIND_SV[i.kind])}: <a href="${escape(i.link)}">${escape(title(i))}</a></h2><p>${escape(i.summary)}</p>`
    ),
    `<p><a href="${escape(m.pageLink)}">Allt om löftet i ${escape(m.municipality)}</a></p>`,
    `<p>${escape(why)} <a href="${escape(m.unsubscribeLink)}">Avsluta prenumerationen</a>.</p>`
  ].join('');
  return { subject, text, html, headers: unsubscribeHeaders(m.unsubscribeLink) };
}

import nodemailer from 'nodemailer';
import type { MailConfig } from '../../config';

/** An invitation as it is mailed: plain text and HTML, in Swedish. */
export type InvitationMail = { to: string; subject: string; text: string; html: string };

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );

/** The invitation to a new account: who invited, to what, and the one-time link. */
export function invitationMessage(m: {
  to: string;
  name: string;
  invitedBy: string;
  organisation: string;
  role: string;
  link: string;
  hours: number;
}): InvitationMail {
  const subject = `Inbjudan till Löften för ${m.organisation}`;
  const lines = [
    `Hej ${m.name}!`,
    '',
    `${m.invitedBy} har bjudit in dig till Löften, där ${m.organisation} planerar och följer upp sitt medborgarlöfte. Din roll: ${m.role}.`,
    '',
    `Öppna länken för att logga in och välja ett lösenord. Länken fungerar en gång och i ${m.hours} timmar:`,
    m.link,
    '',
    'Har du inte väntat dig det här meddelandet kan du strunta i det.'
  ];
  const html = `<p>Hej ${escape(m.name)}!</p><p>${escape(m.invitedBy)} har bjudit in dig till Löften, där ${escape(m.organisation)} planerar och följer upp sitt medborgarlöfte. Din roll: ${escape(m.role)}.</p><p>Öppna länken för att logga in och välja ett lösenord. Länken fungerar en gång och i ${m.hours} timmar:</p><p><a href="${escape(m.link)}">${escape(m.link)}</a></p><p>Har du inte väntat dig det här meddelandet kan du strunta i det.</p>`;
  return { to: m.to, subject, text: lines.join('\n'), html };
}

/** Sends one invitation over the configured SMTP server; throws when it is refused. */
export async function sendInvitationMail(mail: MailConfig, message: InvitationMail): Promise<void> {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  try {
    await transport.sendMail({ from: mail.from, ...message });
  } finally {
    transport.close();
  }
}

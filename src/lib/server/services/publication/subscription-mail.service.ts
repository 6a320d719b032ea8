import nodemailer from 'nodemailer';
import type { MailConfig } from '../../config';
import type { SubscriptionMail } from '../../render/publication/subscription-mail';

/** Sends e-mails to subscribers over one SMTP connection; throws when the server refuses one. */
export type SubscriptionMailer = {
  send: (to: string, mail: SubscriptionMail) => Promise<void>;
  close: () => void;
};

/** A mailer over the configured SMTP server (credentials in SMTP_URL; never logged). */
export function subscriptionMailer(mail: MailConfig): SubscriptionMailer {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  return {
    send: async (to, m) => {
      await transport.sendMail({
        from: mail.from,
        to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: m.headers
      });
    },
    close: () => transport.close()
  };
}

/** Sends one e-mail (a confirmation) and closes the connection. */
export async function sendSubscriptionMail(
  mail: MailConfig,
  to: string,
  message: SubscriptionMail
): Promise<void> {
  const m = subscriptionMailer(mail);
  try {
    await m.send(to, message);
  } finally {
    m.close();
  }
}

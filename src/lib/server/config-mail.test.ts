import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig for e-mail', () => {
  it('leaves e-mail off when SMTP_URL is unset, with the digest on Monday mornings by default', () => {
    expect(loadConfig({})).toMatchObject({ mail: null, digest: { weekday: 1, hour: 7 } });
  });

  it('reads the SMTP server, the sender and when the digest goes out', () => {
    const c = loadConfig({
      SMTP_URL: 'smtps://loften:hemligt@mail.kommun.se:465',
      MAIL_FROM: 'Löften <noreply@kommun.se>',
      DIGEST_WEEKDAY: '5',
      DIGEST_HOUR: '14'
    });
    expect(c.mail).toEqual({
      smtpUrl: 'smtps://loften:hemligt@mail.kommun.se:465',
      from: 'Löften <noreply@kommun.se>'
    });
    expect(c.digest).toEqual({ weekday: 5, hour: 14 });
  });

  it('names the variable in one line, without repeating a password', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.kommun.se' })).toThrow(
      /^Configuration error: SMTP_URL: expected an SMTP URL like smtp:\/\//
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:hemligt@mail.kommun.se' })).toThrow(
      'Configuration error: MAIL_FROM: must be set when SMTP_URL is set, like Löften <noreply@kommun.se>'
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:hemligt@x', MAIL_FROM: 'x' })).toThrow(
      /^Configuration error: MAIL_FROM: expected a sender/
    );
    expect(() => loadConfig({ DIGEST_WEEKDAY: '8' })).toThrow(
      /DIGEST_WEEKDAY: expected a whole number from 1 to 7/
    );
    expect(() => loadConfig({ DIGEST_HOUR: '24' })).toThrow(/DIGEST_HOUR/);
    try {
      loadConfig({ SMTP_URL: 'smtp://u:hemligt@mail.kommun.se' });
    } catch (e) {
      expect(String(e)).not.toContain('hemligt');
    }
  });
});

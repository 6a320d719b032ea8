import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './subscription-origin';

const url = (path: string) => new URL(`https://loften.example.se${path}`);
const post = (headers: Record<string, string>) =>
  new Request('https://loften.example.se/x', { method: 'POST', headers, body: 'a=1' });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the cross-site form check', () => {
  it('refuses a form posted from another site or without an Origin, as SvelteKit does', () => {
    expect(isCrossSiteForm(post({ ...form, origin: 'https://evil.example' }), url('/konto'))).toBe(
      true
    );
    expect(isCrossSiteForm(post(form), url('/logga-in'))).toBe(true);
    expect(
      isCrossSiteForm(post({ 'content-type': 'multipart/form-data; boundary=x' }), url('/konto'))
    ).toBe(true);
    expect(isCrossSiteForm(post({ 'content-type': 'text/plain' }), url('/konto'))).toBe(true);
  });

  it('lets the site’s own forms, JSON and GET through', () => {
    expect(
      isCrossSiteForm(post({ ...form, origin: 'https://loften.example.se' }), url('/konto'))
    ).toBe(false);
    expect(isCrossSiteForm(post({ 'content-type': 'application/json' }), url('/api/v1/x'))).toBe(
      false
    );
    expect(isCrossSiteForm(new Request('https://loften.example.se/konto'), url('/konto'))).toBe(
      false
    );
  });

  it('lets a mail program post RFC 8058 one-click unsubscribe without an Origin', () => {
    expect(isCrossSiteForm(post(form), url('/prenumeration/avsluta'))).toBe(false);
    expect(
      isCrossSiteForm(
        post({ 'content-type': 'multipart/form-data; boundary=x' }),
        url('/prenumeration/avsluta')
      )
    ).toBe(false);
    // Only that path: confirming a subscription still needs the site's own form.
    expect(isCrossSiteForm(post(form), url('/prenumeration/bekrafta'))).toBe(true);
  });
});

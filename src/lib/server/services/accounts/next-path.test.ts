import { describe, expect, it } from 'vitest';
import { hasControlCharacter, MAX_NEXT_LENGTH, safeNext } from './next-path';

const ORIGIN = 'https://loften.example';

// What a browser does with a Location header: resolve it against the page's address.
const landsOn = (location: string) => new URL(location, `${ORIGIN}/logga-in`);

describe('safeNext', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNext('/avtal/123?flik=plan#mal', ORIGIN)).toBe('/avtal/123?flik=plan#mal');
    expect(safeNext('/', ORIGIN)).toBe('/');
    expect(safeNext('/konto', `${ORIGIN}/`)).toBe('/konto');
  });

  it('answers "/" for nothing at all', () => {
    for (const next of [null, undefined, '']) expect(safeNext(next, ORIGIN)).toBe('/');
  });

  const hostile = [
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/%5Cevil.example',
    decodeURIComponent('/%5Cevil.example'),
    decodeURIComponent('/%09/evil.example'),
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    '/%2e//evil.example',
    'https://evil.example',
    'https://loften.example.evil.example/',
    'http://loften.example/',
    'HTTPS://EVIL.EXAMPLE',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '@evil.example',
    ' /konto',
    '/konto\r\nSet-Cookie: a=b',
    '/\u0000/evil.example',
    '/' + 'a'.repeat(MAX_NEXT_LENGTH)
  ];

  it.each(hostile.map((next) => [JSON.stringify(next).slice(0, 60), next]))(
    'refuses %s',
    (_label, next) => {
      const answer = safeNext(next, ORIGIN);
      expect(landsOn(answer).origin).toBe(ORIGIN);
      expect(answer.startsWith('/') && !answer.startsWith('//')).toBe(true);
      expect(hasControlCharacter(answer)).toBe(false);
    }
  );

  it('sends every crafted variant home or to a path on this site, never elsewhere', () => {
    // Combine prefixes, separators and hosts the way an attacker would probe.
    const prefixes = ['', '/', '//', '/./', '/../', '/%2F', '/%5C', '\\', '/\\'];
    const separators = ['', '/', '\\', '\t', '\n', '\r', '%09', '%0a', '%5c', '%2f', ' ', '@'];
    const hosts = ['evil.example', 'evil.example/', 'loften.example@evil.example', ':80'];
    let checked = 0;
    for (const p of prefixes)
      for (const s of separators)
        for (const h of hosts) {
          for (const next of [p + s + h, tryDecode(p + s + h)]) {
            const answer = safeNext(next, ORIGIN);
            expect(landsOn(answer).origin, next).toBe(ORIGIN);
            expect(answer.startsWith('//'), next).toBe(false);
            checked++;
          }
        }
    expect(checked).toBe(prefixes.length * separators.length * hosts.length * 2);
  });

  it('answers "/" for a "next" longer than the limit, and for a bad origin', () => {
    expect(safeNext('/' + 'a'.repeat(MAX_NEXT_LENGTH), ORIGIN)).toBe('/');
    expect(safeNext('/konto', 'not an origin')).toBe('/');
  });
});

describe('hasControlCharacter', () => {
  it('finds CR, LF, tab and NUL, and nothing in an ordinary path', () => {
    for (const c of ['\r', '\n', '\t', '\u0000', '\u007f'])
      expect(hasControlCharacter(`/a${c}b`)).toBe(true);
    expect(hasControlCharacter('/avtal?x=%0D%0A')).toBe(false);
    expect(hasControlCharacter(null)).toBe(false);
  });
});

// The query string is decoded once before the route sees `next`.
function tryDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

import { statusTextCss } from '../shared/status-marks';

/**
 * The embeddable widget, plain JavaScript for any website (no framework, no build). It finds
 * `<div data-loften="2417">` elements, fetches /api/v1/widget/2417 from the server the script
 * came from, and renders the status in a Shadow DOM (scoped class names where there is none).
 * Text goes in through textContent only, never as markup. Without JavaScript the div's own link
 * stays. Served by /widget.js; a test keeps it under 30 KB.
 *
 * Styles work on host pages with a strict Content-Security-Policy (`style-src 'self'`, no
 * 'unsafe-inline'): the shadow root adopts a constructed stylesheet, which CSP does not block;
 * where constructed stylesheets are missing (old browsers, no Shadow DOM) the script links
 * /widget.css from its own server instead, which the host then allows in style-src.
 */
export const WIDGET_CSS = [
  '.lw{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;',
  'border:1px solid #4a5562;border-radius:6px;padding:12px 14px;max-width:26rem}',
  '.lw a{color:#1a4d8f;text-decoration:underline}.lw a:focus-visible{outline:3px solid #1a4d8f;outline-offset:2px}',
  '.lw-t{font-weight:700;margin:0 0 4px}.lw-p{margin:0 0 6px}.lw-l{list-style:none;margin:0 0 8px;padding:0}',
  '.lw-l li{margin:2px 0}.lw-s{display:inline-block;width:1.3em;font-weight:700}',
  statusTextCss('lw-'),
  '.lw-d{display:inline-block;background:#fff3c4;color:#1b1f24;border:1px solid #8a4b00;border-radius:3px;padding:0 4px;font-size:13px}',
  '@media (prefers-reduced-motion:no-preference){.lw{animation:lw-in .25s ease-out}}',
  '@keyframes lw-in{from{opacity:0}to{opacity:1}}'
].join('');

export const WIDGET_JS = `(function () {
  'use strict';
  var me = document.currentScript;
  var origin = me && me.src ? new URL(me.src, location.href).origin : location.origin;
  var CSS = ${JSON.stringify(WIDGET_CSS)};
  var sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  } catch (e) {
    sheet = null;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function link(href, text) {
    var a = el('a', null, text);
    a.href = href;
    return a;
  }

  function render(host, d) {
    var box = el('section', 'lw');
    box.setAttribute('aria-label', d.title);
    // The municipality's colour, checked for contrast when saved; set through the CSSOM, which a
    // strict Content-Security-Policy allows (a style attribute it would not).
    if (d.colour && /^#[0-9a-f]{6}$/i.test(d.colour)) box.style.borderTop = '6px solid ' + d.colour;
    var title = el('p', 'lw-t');
    title.appendChild(link(d.url, d.title));
    box.appendChild(title);
    if (d.demo) box.appendChild(el('p', 'lw-p')).appendChild(el('span', 'lw-d', 'Demodata'));
    if (!d.counts.length) {
      box.appendChild(el('p', 'lw-p', 'Ingen uppföljning publicerad ännu.'));
    } else {
      box.appendChild(
        el('p', 'lw-p', 'Läget ' + (d.period || 'nu') + ' för ' + d.total + ' åtgärder:')
      );
      var list = el('ul', 'lw-l');
      d.counts.forEach(function (c) {
        var li = el('li', 'lw-' + c.status);
        var s = el('span', 'lw-s', c.symbol);
        s.setAttribute('aria-hidden', 'true');
        li.appendChild(s);
        li.appendChild(document.createTextNode(c.count + ' ' + c.label.toLowerCase()));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    var more = el('p', 'lw-p');
    more.appendChild(link(d.url, 'Se vad som lovats och hur det går'));
    box.appendChild(more);
    var root = host.attachShadow ? host.shadowRoot || host.attachShadow({ mode: 'open' }) : host;
    root.textContent = '';
    if (sheet && root !== host && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = [sheet];
    } else {
      var css = el('link');
      css.rel = 'stylesheet';
      css.href = origin + '/widget.css';
      root.appendChild(css);
    }
    root.appendChild(box);
  }

  function load(host) {
    var code = host.getAttribute('data-loften');
    if (!/^\\d{4}$/.test(code || '') || host.getAttribute('data-loften-state')) return;
    host.setAttribute('data-loften-state', 'loading');
    fetch(origin + '/api/v1/widget/' + code, { credentials: 'omit' })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (d) {
        host.setAttribute('data-loften-state', d ? 'done' : 'failed');
        if (d) render(host, d);
      })
      .catch(function () {
        // The link inside the div stays: the widget never leaves the page worse than without it.
        host.setAttribute('data-loften-state', 'failed');
      });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-loften]'), load);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;

/** What a host page with a Content-Security-Policy must allow for the widget, by directive. */
export const widgetCspNeeds = (
  origin: string
): { directive: string; value: string; why: string }[] => [
  { directive: 'script-src', value: origin, why: 'skriptet widget.js' },
  { directive: 'connect-src', value: origin, why: 'uppgifterna som widgeten hämtar' },
  {
    directive: 'style-src',
    value: origin,
    why: 'bara i äldre webbläsare, som inte kan konstruerade stilmallar'
  }
];

/** The snippet a website pastes in to show a municipality's widget. */
export const widgetSnippet = (origin: string, code: string, name: string): string =>
  `<div data-loften="${code}"><a href="${origin}/kommuner/${code}">Medborgarlöftet i ${name}</a></div>\n` +
  `<script src="${origin}/widget.js" async></script>`;

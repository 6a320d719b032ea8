import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  // Tables that stack into cards on phones keep explicit ARIA roles on purpose: changing a
  // table's CSS display strips its semantics in some browsers (app.css, `table.stack`).
  compilerOptions: {
    warningFilter: (warning) => warning.code !== 'a11y_no_redundant_roles'
  },
  kit: {
    // LOFTEN_BUILD_DIR / LOFTEN_KIT_OUT let several builds (say, parallel browser-test runs) live side by side.
    adapter: adapter({ out: process.env.LOFTEN_BUILD_DIR ?? 'build' }),
    outDir: process.env.LOFTEN_KIT_OUT ?? '.svelte-kit',
    // The service worker (src/service-worker.ts) is registered by /logga alone, scoped to it.
    serviceWorker: { register: false },
    // Forms are protected against cross-site requests by the same origin check in hooks.server.ts
    // (subscription-origin.ts), which lets mail programs' one-click unsubscribe (RFC 8058) through.
    csrf: { trustedOrigins: ['*'] },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'frame-ancestors': ['none'],
        'form-action': ['self'],
        'base-uri': ['self'],
        'object-src': ['none']
      }
    }
  }
};

export default config;

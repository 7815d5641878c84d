import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { precompress } from './scripts/precompress';
import { PARTLY_TURNED_OFF_PACKAGE, TURNED_OFF_PACKAGES } from './client/app/turned-off-extensions';

const inClient = (path: string) => fileURLToPath(new URL(`./client/${path}`, import.meta.url));

// The service worker keeps every script and style of the build, not only those the page
// names: the views, the console and the catalogs fetched on demand must open offline too.
function namesBuiltAssets(): Plugin {
  return {
    name: 'accord-sw-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && /\.(js|css)$/.test(name))
        .map((name) => `/${name}`)
        .sort();
      const sw = bundle['sw.js'];
      if (sw?.type === 'chunk') sw.code = sw.code.replaceAll('__ACCORD_BUILT_ASSETS__', JSON.stringify(assets));
    },
  };
}

// An invitation link's page runs client/join-early.ts first, beside the app's own scripts
// rather than after them: its own entry, named at the head of the page, with `async` so that
// it runs the moment it arrives.
function startsJoinEarly(): Plugin {
  return {
    name: 'accord-join-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const entry = Object.values(bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'join');
        if (!entry) throw new Error('the build has no join-early entry');
        return [{ tag: 'script', attrs: { type: 'module', async: true, src: `/${entry.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

// The client is built into dist/client and served by the Accord server itself;
// in development `vite` proxies the API and the sync socket to a running server.
export default defineConfig({
  root: 'client',
  plugins: [namesBuiltAssets(), startsJoinEarly(), precompress()],
  resolve: {
    alias: [
      // The client renders with Preact's React compatibility layer: React's renderer alone was a
      // quarter of the first load (some 60 kB of gzip), Preact with its compat layer is 13 kB.
      // The code, Tiptap's React binding and lucide-react are written against React's API and
      // typechecked with React's types; what runs (in the browser tests too) is Preact.
      // Without @vitejs/plugin-react, Oxc compiles the JSX (tsconfig's react-jsx, through these
      // aliases), and a change in development reloads the page instead of refreshing in place.
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      // The StarterKit extensions the editor turns off, and linkifyjs with them, stay out of
      // the bundle (client/app/turned-off-extensions.ts says why and how to turn one on).
      ...TURNED_OFF_PACKAGES.map((name) => ({
        find: new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}$`),
        replacement: inClient('app/turned-off-extensions.ts'),
      })),
      { find: new RegExp(`^${PARTLY_TURNED_OFF_PACKAGE.replace(/[/.-]/g, '\\$&')}$`), replacement: inClient('app/tiptap-extensions.ts') },
    ],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // One app, loaded once per device and then kept by the service worker.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The service worker must sit at /sw.js, unhashed, to control every page of the app.
      input: { app: inClient('index.html'), sw: inClient('sw.ts'), join: inClient('join-early.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        // Each language's catalog parts by name (client/i18n/<language>/core.ts, extra.ts).
        chunkFileNames: (chunk) => {
          const catalog = /\/i18n\/([a-z]+)\/(core|extra)\.ts$/.exec(chunk.facadeModuleId ?? '');
          return catalog ? `assets/i18n-${catalog[1]}-${catalog[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/sync': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});

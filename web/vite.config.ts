import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import rtlcss from 'rtlcss';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bootstrap Italia ships no right-to-left stylesheet. After bundling, every CSS asset
 * gets a mirrored twin (`x.css` -> `x.rtl.css`) produced by rtlcss; src/rtl.ts swaps
 * to it when the language is written right to left (Arabic).
 */
function rtlStylesheet(): Plugin {
  return {
    name: 'innet-rtlcss',
    apply: 'build',
    enforce: 'post',
    // The CSS bundle is final only once written (Vite emits it late), so mirror the files on disk.
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.endsWith('.css') || fileName.endsWith('.rtl.css')) continue;
        const source = readFileSync(join(dir, fileName), 'utf8');
        writeFileSync(join(dir, fileName.replace(/\.css$/, '.rtl.css')), rtlcss.process(source));
      }
    },
  };
}

/**
 * The service worker (service-worker/sw.js) with the list of the build's files to keep for use
 * without a network: every file written to the output folder (the bundle, its right-to-left
 * stylesheet twin, fonts, the public files), read once everything is written. The version is a
 * hash of the files' contents, so a new build installs a new cache and an unchanged one does not.
 */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'innet-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const list = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)]));
      const files = list(outDir)
        .map((path) => `/${relative(outDir, path).split(sep).join('/')}`)
        // The public portal's page and map outlines are not the staff app's to keep.
        .filter((url) => url !== '/index.html' && url !== '/sw.js' && url !== '/portal.html' && !url.startsWith('/geo/'))
        .filter((url) => !/\.(br|gz)$/.test(url))
        .sort();
      const hash = createHash('sha256');
      for (const url of ['/index.html', ...files]) hash.update(url).update(readFileSync(join(outDir, url)));
      const source = readFileSync(new URL('./service-worker/sw.js', import.meta.url), 'utf8')
        .replace('__INNET_VERSION__', hash.digest('hex').slice(0, 16))
        .replace('__INNET_FILES__', JSON.stringify(files));
      writeFileSync(join(outDir, 'sw.js'), source);
    },
  };
}

/**
 * The portal (portal.html) links its stylesheet itself (src/portal/main.tsx): the built page keeps
 * the file's address in <meta name="innet-stylesheet">, so an Arabic page fetches only the
 * mirrored twin and never both.
 */
function portalStylesheet(): Plugin {
  return {
    name: 'innet-portal-stylesheet',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server || !ctx.filename.endsWith('portal.html')) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+\.css)"[^>]*>/g, '<meta name="innet-stylesheet" content="$1">');
      },
    },
  };
}

/** The dev server answers as the C++ server does: the portal at "/" and under the six language prefixes. */
function portalPages(): Plugin {
  const portalPath = /^\/(?:(?:it|en|fr|ar|uk|bn)(?:\/[^?]*)?)?(?:\?.*)?$/;
  return {
    name: 'innet-portal-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && portalPath.test(req.url)) req.url = '/portal.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [preact(), rtlStylesheet(), serviceWorker(), portalStylesheet(), portalPages()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Two pages: the staff app (index.html) and the public portal (portal.html), which shares none
    // of the staff app's code or styles. Each entry has exactly one stylesheet to mirror and swap
    // (the portal's map adds leaflet's, loaded with the map); nothing else imports CSS.
    rollupOptions: {
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), portal: fileURLToPath(new URL('./portal.html', import.meta.url)) },
    },
    cssCodeSplit: true,
    // Inline assets would become data: URLs; keep fonts and images as files.
    assetsInlineLimit: 0,
    target: 'es2022',
    reportCompressedSize: true,
  },
  css: {
    preprocessorOptions: {
      scss: {
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'legacy-js-api', 'if-function', 'abs-percent'],
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:18080' },
  },
});

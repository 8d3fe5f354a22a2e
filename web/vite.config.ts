import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import rtlcss from 'rtlcss';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

export default defineConfig({
  plugins: [preact(), rtlStylesheet()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One stylesheet for the whole app, so there is exactly one file to mirror and swap.
    cssCodeSplit: false,
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

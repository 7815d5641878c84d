// A Vite plugin that writes a Brotli and a gzip copy beside every compressible file of the
// client build, once, at build time: the server sends the copy the browser accepts (Hono's
// serveStatic `precompressed`), so a delegate on a hotel's Wi-Fi downloads a third of the
// bytes and no request pays for compression.
//
// The gzip copy is made by Zopfli, which searches much harder than zlib's level 9 for the same
// format, read by every gzip decoder: 4% fewer bytes for a browser that is sent gzip. Chromium
// asks for Brotli only over HTTPS and from localhost; a server reached over plain HTTP (on the
// venue's network, say) sends gzip. Zopfli costs some seconds of CPU a build, paid once
// instead of on every download.
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/** Zopfli's passes over each block: beyond a few, a build takes longer for a few bytes. */
const ZOPFLI_ITERATIONS = 5;

export function precompress(): Plugin {
  return {
    name: 'accord-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const path = join(dir, fileName);
        const raw = readFileSync(path);
        if (raw.byteLength < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } }),
        );
        writeFileSync(`${path}.gz`, await gzipAsync(raw, { numiterations: ZOPFLI_ITERATIONS }));
      }
    },
  };
}

// A Vite plugin that writes a Brotli and a gzip copy beside every compressible file of the
// client build, once, at build time: the server sends the copy the browser accepts (Hono's
// serveStatic `precompressed`), so a delegate on a hotel's Wi-Fi downloads a third of the
// bytes and no request pays for compression.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

export function precompress(): Plugin {
  return {
    name: 'accord-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
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
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

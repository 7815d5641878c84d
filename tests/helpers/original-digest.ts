// Run as its own process: prints the SHA-256 of a fixture's original, so a test can see that
// another process makes the same bytes. `node --import tsx tests/helpers/original-digest.ts th-mm-chiang-mai MM`
import { createHash } from 'node:crypto';
import { originalFor } from '../../server/export/original';
import { writePdf } from '../../server/export/pdf/write-pdf';
import { originalsFixture, signedFixture } from './signed-record';

const [name, party] = process.argv.slice(2);
const { bundle } = signedFixture(originalsFixture(name!));
const pdf = await writePdf(originalFor({ record: bundle.record, bundle }, party!, 'https://accord.example/verify'), new Date());
console.log(createHash('sha256').update(pdf).digest('hex'));

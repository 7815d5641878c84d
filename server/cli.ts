// Accord's command line: `npm run accord -- <command> …`. Verification works offline,
// from the bundle alone, with no server and no data folder.
import { VERIFY_USAGE, verifyCommand } from './cli/verify';

const USAGE = `Accord\n\n  ${VERIFY_USAGE}\n`;

// A reader that has read enough (`accord verify … | head -1`) closes the pipe: what is left
// to say goes nowhere, and the command still ends with its verdict's exit code.
let readerGone = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  readerGone = true;
});

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const io = { out: (line: string) => void (readerGone || process.stdout.write(`${line}\n`)), err: (line: string) => console.error(line) };
  switch (command) {
    case 'verify':
      return verifyCommand(args, io);
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`unknown command ${command}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);

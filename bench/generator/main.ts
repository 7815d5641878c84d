// The load generator: its own process (pinned apart from the server when the machine
// allows), told what to do over IPC, answering one result.
import type { GeneratorMessage, OrchestratorMessage, Plan } from '../lib/plans';
import { runLoad } from './load';
import { runJoins } from './joins';
import { runIdle } from './idle';

function send(message: GeneratorMessage): void {
  process.send?.(message);
}

let resume: (() => void) | null = null;

async function run(plan: Plan): Promise<void> {
  const checkpoint = (name: string) =>
    new Promise<void>((resolve) => {
      resume = resolve;
      send({ type: 'checkpoint', name });
    });
  const result =
    plan.type === 'load' ? await runLoad(plan, checkpoint) : plan.type === 'joins' ? await runJoins(plan, checkpoint) : await runIdle(plan, checkpoint);
  send({ type: 'result', result });
}

process.on('message', (message: OrchestratorMessage) => {
  if (message.type === 'resume') {
    const r = resume;
    resume = null;
    r?.();
    return;
  }
  run(message.plan).catch((err: unknown) => send({ type: 'error', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
});
process.on('disconnect', () => process.exit(0));

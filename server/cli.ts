// `npm run danban -- <command>`: the admin commands (see server/cli-commands.ts).
import { createInterface } from 'node:readline';
import { runCli } from './cli-commands';

/** Reads one line; on a terminal the typed characters are not echoed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    const muted = rl as unknown as { _writeToOutput?: (s: string) => void };
    if (process.stdin.isTTY) {
      process.stdout.write(question);
      muted._writeToOutput = () => {};
    }
    rl.question(process.stdin.isTTY ? '' : question, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

const code = await runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  prompt,
});
process.exit(code);

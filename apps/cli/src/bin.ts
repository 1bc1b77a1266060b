#!/usr/bin/env node
/** The `peerbridge` executable: runs the CLI on the process's arguments and exits with its code. */
import { main } from './program';

// On Ctrl-C the open transaction is abandoned by closing the process: SQLite and PostgreSQL roll it back.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\npeerbridge: interrupted (${signal}); an unfinished import is rolled back\n`);
    process.exit(130);
  });
}

// `peerbridge export ... | head`: the reader went away, which is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));

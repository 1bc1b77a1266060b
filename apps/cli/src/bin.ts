#!/usr/bin/env node
/** The `peerbridge` executable: runs the CLI on the process's arguments and exits with its code. */
import { installInterruptHandlers } from './interrupts';
import { main } from './program';

installInterruptHandlers(process.stderr);

// `peerbridge export ... | head`: the reader went away, which is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));

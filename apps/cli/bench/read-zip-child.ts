/** Benchmark floor: inflate every entry of the archive (no XML parsing, no database); prints seconds. */
import { DEFAULT_LIMITS, inflateAllEntries } from '@peerbridge/refi-qda';

const started = performance.now();
const read = await inflateAllEntries(process.argv[2] as string, DEFAULT_LIMITS);
process.stdout.write(`${JSON.stringify({ ...read, seconds: (performance.now() - started) / 1000 })}\n`);

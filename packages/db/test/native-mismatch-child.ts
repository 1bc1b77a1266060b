/** Child process for native-sqlite.test.ts: the entry check, with the binding loaded from the module named in argv[2]. */
import { createRequire } from 'node:module';
import { exitIfNativeSqliteBroken } from '../src/native-sqlite';

const require = createRequire(import.meta.url);
exitIfNativeSqliteBroken(() => require(process.argv[2]!));
process.stdout.write('binding loaded\n');

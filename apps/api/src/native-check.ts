/** `node dist/native-check.mjs`: exits 1 with one clear line when better-sqlite3 was built for another Node. */
import { exitIfNativeSqliteBroken } from '@peerbridge/db/native-sqlite';

exitIfNativeSqliteBroken();

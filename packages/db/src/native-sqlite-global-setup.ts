/** Vitest global setup: stops the run at once, with one clear line, when better-sqlite3 was built for another Node. */
import { exitIfNativeSqliteBroken } from './native-sqlite';

export default function setup(): void {
  exitIfNativeSqliteBroken();
}

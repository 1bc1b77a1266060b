/** The native-module check: better-sqlite3's compiled binding must match the running Node, else one clear line. */
import Database from 'better-sqlite3';
import nodeAbi from 'node-abi';

/** The Node a process runs on, as the check reports it. */
export interface RunningNode {
  readonly version: string;
  readonly abi: string;
}

const thisNode: RunningNode = { version: process.versions.node, abi: process.versions.modules };

const REBUILD = 'run `pnpm rebuild better-sqlite3`';

/** "Node 20" for ABI 115 (node-abi's table), or "another Node" when the table does not know the number. */
function nodeLineOfAbi(abi: string): string {
  try {
    return `Node ${nodeAbi.getTarget(abi, 'node').split('.')[0]}`;
  } catch {
    return 'another Node';
  }
}

/**
 * The sentence for an error thrown while loading better-sqlite3's binding, or null when the error is
 * something else (a bad file path, a full disk), which callers must let through unchanged.
 */
export function describeNativeLoadError(error: unknown, running: RunningNode = thisNode): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const mismatch =
    /NODE_MODULE_VERSION (\d+)\.\s+This version of Node\.js requires\s+NODE_MODULE_VERSION (\d+)/.exec(
      message,
    );
  if (mismatch) {
    const builtFor = mismatch[1]!;
    return `better-sqlite3 was built for ${nodeLineOfAbi(builtFor)} (ABI ${builtFor}); this is Node ${running.version} (ABI ${running.abi}): ${REBUILD}`;
  }
  // A second load of a mismatched binding in the same process no longer names the versions.
  if (/Module did not self-register/.test(message) && /better_sqlite3\.node/.test(message)) {
    return `better-sqlite3's native build does not load on Node ${running.version} (ABI ${running.abi}); it was built for another Node: ${REBUILD}`;
  }
  // Installed with --ignore-scripts, or the build failed: the bindings package lists where it looked.
  if (/Could not locate the bindings file/.test(message) && /better_sqlite3\.node/.test(message)) {
    return `better-sqlite3 has no native build for Node ${running.version} (ABI ${running.abi}) (was its install script skipped?): ${REBUILD}`;
  }
  return null;
}

/** Thrown where a SQLite file is opened on a better-sqlite3 build that does not match this Node. */
export class NativeSqliteError extends Error {
  override readonly name = 'NativeSqliteError';
  readonly code = 'native_module_mismatch';
}

/** `new Database(...)` with a load failure of the binding turned into a NativeSqliteError. */
export function openSqliteFile(file: string, options?: Database.Options): Database.Database {
  try {
    return new Database(file, options);
  } catch (error) {
    const problem = describeNativeLoadError(error);
    if (problem === null) throw error;
    throw new NativeSqliteError(problem, { cause: error });
  }
}

/** Opens and closes an in-memory database, which loads the binding (better-sqlite3 loads it lazily). */
function openInMemory(): void {
  new Database(':memory:').close();
}

/**
 * Null when better-sqlite3 loads on this Node, else the sentence to print. An unrelated load error is
 * rethrown. `load` is what loads the binding (the default opens an in-memory database).
 */
export function nativeSqliteProblem(
  load: () => void = openInMemory,
  running: RunningNode = thisNode,
): string | null {
  try {
    load();
    return null;
  } catch (error) {
    const problem = describeNativeLoadError(error, running);
    if (problem === null) throw error;
    return problem;
  }
}

/** For process entries (`pnpm start`, the api, the CLI): prints the sentence and exits 1 instead of a stack trace. */
export function exitIfNativeSqliteBroken(load?: () => void): void {
  const problem = nativeSqliteProblem(load);
  if (problem === null) return;
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

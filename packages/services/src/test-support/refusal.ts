/** Test support: how a call is refused (its ServiceError code and the fields it names); fails if it succeeds. */
import { ServiceError } from '../errors';

export function refusalOf(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  return call.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => {
      if (!(e instanceof ServiceError)) throw e;
      return { code: e.code, fields: e.issues.map((i) => i.path) };
    },
  );
}

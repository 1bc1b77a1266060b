/** Test support: the ServiceError code a call is refused with, or 'ok'; any other error still throws. */
import { ServiceError } from '../errors';

export function codeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'ok',
    (e: unknown) => {
      if (!(e instanceof ServiceError)) throw e;
      return e.code;
    },
  );
}

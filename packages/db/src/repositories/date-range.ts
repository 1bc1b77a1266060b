/** An inclusive range of `YYYY-MM-DD` dates used to bound evidence reads. */
export interface DateRange {
  /** First day included; omitted = from the beginning. */
  from?: string | undefined;
  /** Last day included; omitted = up to the latest. */
  to?: string | undefined;
}

/** Lists in `where ... in (...)` are split so one statement stays well inside parameter limits. */
export const ID_LIST_CHUNK = 500;

/**
 * Where a read spends its time (issue 10), in milliseconds, added up over the whole file: inflating zip entries
 * (or reading a bare .qde), parsing the XML (the SAX pass and building the model) and deciding and converting
 * the selection offsets of each text source, and the XSD check of a small enough XML. Time spent by the caller's handlers is in none of them.
 */
export interface ReadPhaseTimes {
  unzip: number;
  xml: number;
  offsets: number;
  /** Checking the XML against the REFI-QDA schema (only XML under `maxSchemaCheckBytes`). */
  schema: number;
}

export const zeroReadPhaseTimes = (): ReadPhaseTimes => ({ unzip: 0, xml: 0, offsets: 0, schema: 0 });

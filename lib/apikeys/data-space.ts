/**
 * Test and live data never mix: a test key (tr_test_) works in the test data
 * space (records with `livemode: false`), every other caller in the live one
 * (records without the field are live). Reads by id answer 404 across spaces.
 */
export interface DataSpace {
  /** False for a test key's request; absent or true = live. */
  livemode?: boolean;
}

/** Whether a record (job, webhook endpoint or delivery) belongs to the caller's space. */
export function inDataSpace(record: { livemode?: boolean | null }, space: DataSpace): boolean {
  return (record.livemode === false) === (space.livemode === false);
}

/** The query filter of a space's records (`livemode` absent counts as live). */
export function dataSpaceFilter(space: DataSpace): Record<string, unknown> {
  return space.livemode === false ? { livemode: false } : { livemode: { $ne: false } };
}

// The database layer: one connection per process and the exactly-once primitives
// every domain module builds on (see each file).
export { connectDb, disconnectDb, databaseUri, pingDb } from './connect';
export { groupSums } from './group-sums';
export { ensureIndexes } from './ensure-indexes';
export { insertOnce, type InsertOnceResult, type NamedModel } from './insert-once';
export { claimWithStaleness, type ClaimDoc, type ClaimOptions } from './claim-with-staleness';
export {
  appendAtNextSeq,
  seqId,
  seqJitter,
  type AppendAtNextSeqOptions,
  type AppendStep,
} from './append-at-next-seq';

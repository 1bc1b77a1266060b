/** The audit hash chain: its hash, checkpoints, guards and verification (ADR 0008). */
export {
  type AuditCheckpoint,
  CHECKPOINT_FORMAT,
  type ChainPosition,
  CheckpointFormatError,
  parseAuditCheckpoint,
  takeAuditCheckpoint,
} from './checkpoint';
export { AUDIT_CHAIN_ALGORITHM, canonicalEventJson, eventHash, genesisHash } from './event-hash';
export { missingAuditGuards } from './guard-triggers';
export {
  type AuditVerifyReport,
  type ChainBreak,
  type VerifyOptions,
  verifyAuditChain,
} from './verify-chain';

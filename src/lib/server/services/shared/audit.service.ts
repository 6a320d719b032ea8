/**
 * The audit trail: every change recorded in the transaction that makes it, chained with a keyed
 * hash (HMAC-SHA-256 with AUDIT_HMAC_KEY), published daily as checkpoints, and verified against
 * the audited tables. The parts live beside this file; this module is the one callers import.
 * - audit-record.service.ts: writing entries (directly to the chain, or waiting and sealed in
 *   batches), the hashes;
 * - audit-checkpoint.service.ts: daily checkpoints and checkpoint files;
 * - audit-verify.service.ts: `loften audit verify`.
 * See docs/SECURITY.md.
 */
export {
  AUDIT_SCHEME,
  ROW_GONE,
  SEAL_BATCH,
  activityStateHash,
  auditedChange,
  keyedHashOf,
  legacyHashOf,
  pendingMacOf,
  recordAudit,
  recordAuditBatch,
  recordPendingAudit,
  sealAudit,
  type AuditEntry
} from './audit-record.service';
export {
  checkpointList,
  createCheckpoint,
  latestCheckpoint,
  parseCheckpointFile,
  publicCheckpoints,
  type Checkpoint,
  type PublishedCheckpoint
} from './audit-checkpoint.service';
export {
  CHAIN_BREAK_TEXT,
  verifyAudit,
  verifyAuditChain,
  type AuditProblem,
  type AuditReport,
  type AuditVerification,
  type ChainBreak
} from './audit-verify.service';

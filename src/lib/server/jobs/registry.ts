import { auditCheckpointJob } from './audit-checkpoint.job';
import { auditSealJob } from './audit-seal.job';
import type { JobDefinition } from './job';
import { policeEventsJob } from './police-events.job';
import { rollupRefreshJob } from './rollup-refresh.job';
import { subscriptionMailJob } from './subscription-mail.job';
import { weeklyDigestJob } from './weekly-digest.job';

/** Every scheduled job; add a new one here (and nowhere else). The runner claims and runs them. */
export const JOBS: readonly JobDefinition[] = [
  weeklyDigestJob,
  policeEventsJob,
  auditCheckpointJob,
  subscriptionMailJob,
  rollupRefreshJob,
  auditSealJob
];

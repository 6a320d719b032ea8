import { auditCheckpointJob } from './audit-checkpoint.job';
import type { JobDefinition } from './job';
import { policeEventsJob } from './police-events.job';
import { weeklyDigestJob } from './weekly-digest.job';

/** Every scheduled job; add a new one here (and nowhere else). The runner claims and runs them. */
export const JOBS: readonly JobDefinition[] = [
  weeklyDigestJob,
  policeEventsJob,
  auditCheckpointJob
];

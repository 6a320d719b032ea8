import { addDays } from '../../core';
import { log } from '../log';
import { stockholmDate } from '../../core/stockholm-date';
import { createCheckpoint } from '../services/shared/audit.service';
import { stockholmInstant } from '../../core/stockholm-time';
import type { JobDefinition } from './job';

/**
 * Publishes the audit chain's head once a day, just before midnight Swedish time, as that day's
 * checkpoint (shown in every page's footer and in /granskning/kontrollpunkter.json), so outsiders
 * can keep copies and later check that the chain still contains them.
 */
export const auditCheckpointJob: JobDefinition = {
  name: 'audit-checkpoint',
  nextRun: (_ctx, after) => {
    const today = stockholmDate(after);
    const tonight = new Date(stockholmInstant(addDays(today, 1), 0).getTime() - 5 * 60_000);
    return tonight > after
      ? tonight
      : new Date(stockholmInstant(addDays(today, 2), 0).getTime() - 5 * 60_000);
  },
  run: async (ctx) => {
    const c = await createCheckpoint(ctx);
    log('info', 'audit.checkpoint', c ? { day: c.day, seq: c.seq } : { empty: true });
  }
};

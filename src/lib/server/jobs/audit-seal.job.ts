import { log } from '../log';
import { sealAudit } from '../services/shared/audit.service';
import type { JobDefinition } from './job';

/**
 * Chains audit entries left waiting: each change's own request chains its entry right after it
 * commits, so this only finds entries whose process stopped in between (a crash, a kill -9).
 */
export const auditSealJob: JobDefinition = {
  name: 'audit-seal',
  nextRun: (_ctx, after) => new Date(after.getTime() + 60_000),
  run: async (ctx) => {
    const sealed = await sealAudit(ctx.db, ctx.config.audit.key);
    if (sealed) log('warn', 'audit.sealed-left-over', { sealed });
  }
};

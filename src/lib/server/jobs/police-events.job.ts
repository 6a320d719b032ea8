import { pollPoliceEvents } from '../services/dialogue/police-events.service';
import type { JobDefinition } from './job';

/**
 * Polls the police's events feed every POLICE_EVENTS_INTERVAL_SECONDS when POLICE_EVENTS_POLL
 * is on (the runner skips it when off). The job lock makes one server run it; the poller's
 * own row in the database enforces the feed's 10-second and 60-an-hour rules on top.
 */
export const policeEventsJob: JobDefinition = {
  name: 'police-events',
  nextRun: (ctx, after) =>
    new Date(after.getTime() + ctx.config.policeEvents.intervalSeconds * 1000),
  enabled: (ctx) => ctx.config.policeEvents.enabled,
  run: async (ctx) => {
    await pollPoliceEvents(ctx);
  }
};

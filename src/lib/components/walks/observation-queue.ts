/**
 * Observations recorded while the phone has no connection wait here and are sent when the
 * network is back, by the same rules as the logging page's queue (lib/offline-queue.ts).
 */
import { offlineQueue, type QueueFlush } from '$lib/offline-queue';

export type QueuedObservation = {
  walkId: string;
  idempotencyKey: string;
  category: string;
  description: string;
  lat?: string;
  lng?: string;
};

const observations = offlineQueue<QueuedObservation>('loften.offline-observations', (item) => {
  const { walkId, lat, lng, ...body } = item;
  return {
    url: `/api/v1/walks/${encodeURIComponent(walkId)}/observations`,
    body: { ...body, ...(lat ? { lat } : {}), ...(lng ? { lng } : {}) }
  };
});

/** The observations waiting on this device, of one walk or all. */
export function readObservationQueue(owner: string, walkId?: string): QueuedObservation[] {
  const all = observations(owner).read();
  return walkId ? all.filter((o) => o.walkId === walkId) : all;
}

/** Puts an observation in the queue (once per idempotency key); the walk's waiting ones. */
export function enqueueObservation(owner: string, item: QueuedObservation): QueuedObservation[] {
  observations(owner).enqueue(item);
  return readObservationQueue(owner, item.walkId);
}

export type ObservationFlush = QueueFlush<QueuedObservation>;

/** Sends one person's waiting observations (see `offlineQueue`). */
export const flushObservations = (owner: string, post?: typeof fetch) =>
  observations(owner).flush(post);

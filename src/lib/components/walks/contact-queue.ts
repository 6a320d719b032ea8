/**
 * Contacts logged on a round while the phone has no connection wait here and are sent when the
 * network is back, by the same rules as observations and logged activities (lib/offline-queue.ts).
 * They are posted as JSON to the contact page's skicka/ address (samtal/skicka/+server.ts).
 */
import { offlineQueue, type QueueFlush } from '$lib/offline-queue';

export type QueuedContact = {
  agreementId: string;
  walkId: string;
  idempotencyKey: string;
  /** The time of the contact ('HH:MM'), taken when it was logged, not when it is sent. */
  time: string;
  people: string;
  households: string;
  said: string;
  themes: string[];
};

const contacts = offlineQueue<QueuedContact>('loften.offline-contacts', (item) => {
  const { agreementId, walkId, ...body } = item;
  return {
    url: `/avtal/${encodeURIComponent(agreementId)}/vandringar/${encodeURIComponent(walkId)}/samtal/skicka`,
    body
  };
});

/** The contacts waiting on this device, of one round or all. */
export function readContactQueue(owner: string, walkId?: string): QueuedContact[] {
  const all = contacts(owner).read();
  return walkId ? all.filter((c) => c.walkId === walkId) : all;
}

/** Puts a contact in the queue (once per idempotency key); the round's waiting ones. */
export function enqueueContact(owner: string, item: QueuedContact): QueuedContact[] {
  contacts(owner).enqueue(item);
  return readContactQueue(owner, item.walkId);
}

export type ContactFlush = QueueFlush<QueuedContact>;

/** Sends one person's waiting contacts (see `offlineQueue`). */
export const flushContacts = (owner: string, post?: typeof fetch) => contacts(owner).flush(post);

/**
 * Things recorded while the phone is offline wait here (localStorage) and are sent when the
 * network is back. Each carries its idempotency key, so a retry never stores it twice. One queue
 * per kind (logged activities, walk observations, round contacts), all with the same sending
 * rules, and one per person: a phone shared by a shift keeps each person's waiting items under
 * their own user id, so what one person recorded is never sent in another's name (the next
 * person to sign in neither sees nor sends it; it goes when its owner signs in again).
 */

/** What waits in a queue: anything with its idempotency key. */
type Queued = { idempotencyKey: string };

/** What happened when a queue was sent. */
export type QueueFlush<T> = {
  sent: number;
  rejected: { item: T; message: string }[];
  waiting: T[];
};

/**
 * A queue per person in localStorage under `key` and the owner's user id; `request` says where
 * an item is posted and with what body. Returns the queue of one owner.
 */
export function offlineQueue<T extends Queued>(
  kind: string,
  request: (item: T) => { url: string; body: unknown }
) {
  return (owner: string) => ownQueue<T>(`${kind}:${owner}`, request);
}

function ownQueue<T extends Queued>(
  key: string,
  request: (item: T) => { url: string; body: unknown }
) {
  const read = (): T[] => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T[]) : [];
    } catch {
      return [];
    }
  };
  const write = (items: T[]) => localStorage.setItem(key, JSON.stringify(items));
  const without = (k: string) => read().filter((i) => i.idempotencyKey !== k);
  return {
    read,
    /** Puts an item in the queue (once per idempotency key). */
    enqueue(item: T): T[] {
      write([...without(item.idempotencyKey), item]);
      return read();
    },
    /**
     * Sends the waiting items one by one. Stored (201) or already stored (200) leave the queue;
     * refused ones (4xx) leave it with the server's message; a network failure or a 5xx stops and
     * keeps the rest for the next try.
     */
    async flush(post: typeof fetch = fetch): Promise<QueueFlush<T>> {
      const rejected: QueueFlush<T>['rejected'] = [];
      let sent = 0;
      for (const item of read()) {
        const { url, body } = request(item);
        let response: Response;
        try {
          response = await post(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            credentials: 'same-origin',
            body: JSON.stringify(body)
          });
        } catch {
          break;
        }
        if (response.status >= 500) break;
        write(without(item.idempotencyKey));
        if (response.ok) sent++;
        else {
          const data = (await response.json().catch(() => ({}))) as {
            message?: string;
            fields?: { field: string; message: string }[];
          };
          rejected.push({
            item,
            message:
              data.fields?.map((f) => f.message).join(' ') ??
              data.message ??
              `Fel ${response.status}`
          });
        }
      }
      return { sent, rejected, waiting: read() };
    }
  };
}

/** An activity logged on /logga while offline. */
export type QueuedActivity = {
  idempotencyKey: string;
  measureId: string;
  title: string;
  date: string;
  count: number;
  shifts?: number;
  /** How long it took, in minutes (the form's "Tid (timmar)"). */
  durationMinutes?: number;
  grade?: string;
  place?: string;
  note?: string;
};

const activities = offlineQueue<QueuedActivity>('loften.offline-activities', (item) => {
  const { title: _title, ...body } = item;
  return { url: '/api/v1/activities', body };
});

/** What happened when the activity queue was sent. */
export type FlushResult = QueueFlush<QueuedActivity>;

/** The activities one person has waiting on this device. */
export const readQueue = (owner: string) => activities(owner).read();
/** Puts one person's activity in their queue (once per idempotency key). */
export const enqueue = (owner: string, item: QueuedActivity) => activities(owner).enqueue(item);
/** Sends one person's waiting activities (see `offlineQueue`). */
export const flushQueue = (owner: string, post?: typeof fetch) => activities(owner).flush(post);

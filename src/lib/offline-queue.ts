/**
 * Activities logged while the phone is offline wait here (localStorage) and are sent when the
 * network is back. Each carries its idempotency key, so a retry never stores it twice.
 */
export type QueuedActivity = {
  idempotencyKey: string;
  measureId: string;
  title: string;
  date: string;
  count: number;
  shifts?: number;
  grade?: string;
  place?: string;
  note?: string;
};

const KEY = 'loften.offline-activities';

/** The activities waiting on this device. */
export function readQueue(): QueuedActivity[] {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as QueuedActivity[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(items: QueuedActivity[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

/** Puts an activity in the queue (once per idempotency key). */
export function enqueue(item: QueuedActivity): QueuedActivity[] {
  const items = readQueue().filter((i) => i.idempotencyKey !== item.idempotencyKey);
  items.push(item);
  writeQueue(items);
  return items;
}

/** What happened when the queue was sent. */
export type FlushResult = {
  sent: number;
  rejected: { item: QueuedActivity; message: string }[];
  waiting: QueuedActivity[];
};

/**
 * Sends waiting activities one by one. Stored (201) or already stored (200) leave the queue;
 * refused ones (4xx) leave it with the server's message; a network failure stops and keeps the rest.
 */
export async function flushQueue(post: typeof fetch = fetch): Promise<FlushResult> {
  const rejected: FlushResult['rejected'] = [];
  let sent = 0;
  for (const item of readQueue()) {
    let response: Response;
    try {
      const { title: _title, ...body } = item;
      response = await post('/api/v1/activities', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(body)
      });
    } catch {
      break;
    }
    if (response.status >= 500) break;
    writeQueue(readQueue().filter((i) => i.idempotencyKey !== item.idempotencyKey));
    if (response.ok) sent++;
    else {
      const data = (await response.json().catch(() => ({}))) as {
        message?: string;
        fields?: { field: string; message: string }[];
      };
      rejected.push({
        item,
        message:
          data.fields?.map((f) => f.message).join(' ') ?? data.message ?? `Fel ${response.status}`
      });
    }
  }
  return { sent, rejected, waiting: readQueue() };
}

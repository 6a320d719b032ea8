import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { offlineQueue } from './offline-queue';

// Node has no localStorage: a plain in-memory one with the same three methods the queue uses.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k)
  }
});

type Item = { idempotencyKey: string; answer: number };

/** A real HTTP server that answers each item with the status it names, and counts the posts. */
let server: Server;
let base = '';
const received: unknown[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as { answer: number };
      received.push({ url: req.url, body });
      res.writeHead(body.answer, { 'content-type': 'application/json' });
      res.end(
        body.answer === 400
          ? JSON.stringify({ fields: [{ field: 'date', message: 'Skriv ett datum.' }] })
          : '{}'
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  store.clear();
  received.length = 0;
});

const post: typeof fetch = (url, init) => fetch(`${base}${String(url)}`, init);
const queues = offlineQueue<Item>('test-queue', (item) => ({ url: '/things', body: item }));
const queue = queues('user-a');

describe('the offline queue', () => {
  it('keeps one item per idempotency key', () => {
    queue.enqueue({ idempotencyKey: 'a', answer: 201 });
    queue.enqueue({ idempotencyKey: 'a', answer: 200 });
    expect(queue.read()).toEqual([{ idempotencyKey: 'a', answer: 200 }]);
  });

  it('sends stored and already-stored items, gives refused ones back with the reason', async () => {
    queue.enqueue({ idempotencyKey: 'a', answer: 201 });
    queue.enqueue({ idempotencyKey: 'b', answer: 200 });
    queue.enqueue({ idempotencyKey: 'c', answer: 400 });
    const result = await queue.flush(post);
    expect(result.sent).toBe(2);
    expect(result.rejected).toEqual([
      { item: { idempotencyKey: 'c', answer: 400 }, message: 'Skriv ett datum.' }
    ]);
    expect(result.waiting).toEqual([]);
    expect(received).toHaveLength(3);
    expect(received[0]).toEqual({ url: '/things', body: { idempotencyKey: 'a', answer: 201 } });
  });

  it('stops at a server error or no network and keeps the rest for the next try', async () => {
    queue.enqueue({ idempotencyKey: 'a', answer: 201 });
    queue.enqueue({ idempotencyKey: 'b', answer: 503 });
    queue.enqueue({ idempotencyKey: 'c', answer: 201 });
    const first = await queue.flush(post);
    expect(first.sent).toBe(1);
    expect(first.waiting.map((i) => i.idempotencyKey)).toEqual(['b', 'c']);
    const offline = await queue.flush(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(offline).toEqual({ sent: 0, rejected: [], waiting: first.waiting });
  });

  it("keeps each person's items apart: the next person on the phone neither sees nor sends them", async () => {
    queue.enqueue({ idempotencyKey: 'a', answer: 201 });
    const other = queues('user-b');
    expect(other.read()).toEqual([]);
    expect(await other.flush(post)).toEqual({ sent: 0, rejected: [], waiting: [] });
    expect(received).toEqual([]);
    other.enqueue({ idempotencyKey: 'b', answer: 201 });
    expect(queue.read().map((i) => i.idempotencyKey)).toEqual(['a']);
    // The owner signs in again: only their own item goes, in their session.
    const mine = await queue.flush(post);
    expect(mine.sent).toBe(1);
    expect(received).toEqual([{ url: '/things', body: { idempotencyKey: 'a', answer: 201 } }]);
    expect(other.read().map((i) => i.idempotencyKey)).toEqual(['b']);
  });
});

/**
 * Real values for the fuzzer, read over HTTP from the server under test: ids of agreements,
 * measures, parties, activities and walks, municipality codes. Without them almost every
 * generated id would miss and the valid paths would never reach the services.
 */
import type { Hints } from './values';

type Json = Record<string, unknown>;

/** Every `id` and `key`/`measureKey` anywhere in a JSON value. */
function collect(value: unknown, into: { ids: Set<string>; keys: Set<string> }): void {
  if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Json)) {
      if (typeof v === 'string' && /(^id|Id)$/.test(k)) into.ids.add(v);
      if (typeof v === 'string' && /^(key|measureKey)$/.test(k)) into.keys.add(v);
      collect(v, into);
    }
}

export async function discoverHints(
  baseUrl: string,
  token: string,
  extra: Hints = {}
): Promise<Hints> {
  const get = async (path: string) => {
    const res = await fetch(new URL(path, baseUrl), {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` }
    });
    return res.ok ? ((await res.json()) as unknown) : null;
  };
  const found = { ids: new Set<string>(), keys: new Set<string>() };
  const agreements = ((await get('/api/v1/agreements')) ?? []) as Json[];
  const agreementIds = agreements.map((a) => String(a.id));
  for (const id of agreementIds) collect(await get(`/api/v1/agreements/${id}`), found);
  const activities = (await get('/api/v1/activities?pageSize=50')) as Json | null;
  const activityIds = ((activities?.items ?? []) as Json[]).map((a) => String(a.id));
  collect(activities, found);
  const walks = ((await get('/api/v1/walks')) ?? []) as Json[];
  const walkIds = walks.map((w) => String(w.id));
  const codes = ['2417', '2482', '0180', '9999'];
  const ids = [...found.ids, ...activityIds, ...walkIds, 'does-not-exist', '0'];
  const hinted: Hints = {
    id: ids,
    'agreements.id': agreementIds,
    'activities.id': activityIds,
    'walks.id': walkIds,
    agreementId: agreementIds,
    measureKey: [...found.keys],
    kommun: codes,
    code: codes
  };
  // Given values join the found ones (the reporter's own activities, planned walks).
  for (const [k, v] of Object.entries(extra))
    hinted[k] = [...new Set([...(hinted[k] ?? []), ...v])];
  return hinted;
}

/**
 * Logs a few activities with the reporter's token, so that the fuzzer's changes, deletions and
 * restores also reach activities their sender may change (others' answer 403). Returns their ids.
 */
export async function ownActivities(
  baseUrl: string,
  token: string,
  measures: { id: string; extra: Record<string, string | number> }[]
): Promise<string[]> {
  const ids: string[] = [];
  for (const m of measures.slice(0, 3)) {
    const res = await fetch(new URL('/api/v1/activities', baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        origin: baseUrl
      },
      body: JSON.stringify({ measureId: m.id, ...m.extra })
    });
    if (res.status !== 201) throw new Error(`logging an activity answered ${res.status}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}

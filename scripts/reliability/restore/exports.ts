/**
 * What restore-check compares: the public exports of a running server, fetched over HTTP, and
 * `loften audit verify` on its database. Two things are removed before comparing, both about
 * the moment and the server, not the data: the server's own address (the audit checkpoints name
 * their instance; the two servers listen on different ports) and the generation times inside an
 * XLSX (see zipContents). Everything else must be byte-identical.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export type Exports = Record<string, string>;

const SIGN_IN_AS = 'kommun@demo.loften.se';
const DEMO_PASSWORD = 'norsjo-demo-2019';

/** Signs in with a password and returns the session cookie. */
async function session(baseUrl: string): Promise<string> {
  const res = await fetch(new URL('/logga-in', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: SIGN_IN_AS, password: DEMO_PASSWORD })
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('loften_session='));
  if (!cookie) throw new Error(`sign-in as ${SIGN_IN_AS} failed: ${res.status}`);
  return cookie;
}

/**
 * The exports of every published agreement: the open data (JSON of the list, the agreement and
 * its follow-up; the plan and follow-up CSV, also in their spreadsheet form; the walk
 * observations as CSV and GeoJSON), the activities export (CSV and XLSX) and the follow-up
 * export of the agreement's editors, and the audit checkpoints feed.
 */
export async function fetchExports(baseUrl: string, asOf: string): Promise<Exports> {
  const cookie = await session(baseUrl);
  const out: Exports = {};
  const get = async (path: string, signedIn = false) => {
    const res = await fetch(new URL(path, baseUrl), {
      redirect: 'manual',
      headers: signedIn ? { cookie } : {}
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    // Binary (XLSX) as base64, so a difference shows and nothing is lost in decoding.
    const type = res.headers.get('content-type') ?? '';
    out[path] =
      `${res.status} ${type}\n` +
      (/^(text\/|application\/([\w.+-]*json|xml|atom\+xml|rdf\+xml))/.test(type)
        ? bytes.toString('utf8').replaceAll(baseUrl, '{server}')
        : zipContents(bytes));
  };
  await get('/api/v1/agreements');
  const agreements = JSON.parse(out['/api/v1/agreements']!.split('\n').slice(1).join('\n')) as {
    id: string;
  }[];
  if (!agreements.length) throw new Error('no published agreement to export');
  for (const { id } of agreements) {
    await get(`/api/v1/agreements/${id}`);
    await get(`/api/v1/agreements/${id}/follow-up?asOf=${asOf}`);
    for (const file of [
      'plan.csv',
      'plan-excel.csv',
      'uppfoljning.csv',
      'uppfoljning-excel.csv',
      'iakttagelser.csv',
      'iakttagelser.geojson'
    ])
      await get(`/data/${id}/${file}`);
    for (const format of ['csv', 'xlsx']) {
      await get(`/avtal/${id}/export/aktiviteter.${format}`, true);
      await get(`/avtal/${id}/export/uppfoljning.${format}`, true);
    }
  }
  await get('/api/v1/walks');
  await get('/granskning/kontrollpunkter.json');
  return out;
}

/** `loften audit verify` on a database (its environment), as an operator would run it. */
export function auditVerify(env: Record<string, string>): Promise<string> {
  return runCli(tsxCli(), ['audit', 'verify'], env);
}

/** Runs the CLI (src/cli/main.ts through tsx); resolves with its exit code and output. */
export function runCli(tsx: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [tsx, 'src/cli/main.ts', ...args], {
      env: { ...(process.env as Record<string, string>), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', fail);
    child.once('exit', (code) => ok(`exit ${code}\n${out}`));
  });
}

/** The tsx CLI entry, for running `loften` commands. */
export function tsxCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
}

/**
 * An XLSX (a ZIP) as text to compare: each entry's name and its unpacked content, with the two
 * generation times left out: the entries' modification times in the ZIP headers (not read at
 * all) and `dcterms:created`/`dcterms:modified` in docProps/core.xml. Everything else shows.
 */
export function zipContents(bytes: Buffer): string {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (bytes.readUInt32LE(0) !== 0x04034b50 || end < 0) return bytes.toString('base64');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataAt, dataAt + size);
    let content = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    if (name === 'docProps/core.xml')
      content = content.replace(
        /<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g,
        '<dcterms:$1>(generated)</dcterms:$1>'
      );
    parts.push(`== ${name}\n${content}`);
    at += 46 + skip;
  }
  return parts.join('\n');
}

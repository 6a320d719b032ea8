import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findUserByEmail } from '../../db/repositories/accounts/user.repository';
import { createOneTimeLogin } from './auth.service';
import { norsjoIds } from '../../seed/norsjo.service';
import { addUser, setRole } from './user.service';

/** What the operator is told at start-up about signing in. */
export type FirstStartNotice =
  | {
      kind: 'demo';
      password: string;
      accounts: { email: string; name: string; role: string; organisation: string }[];
    }
  | { kind: 'one-time-login'; email: string; path: string }
  | { kind: 'none' };

/** The demo password: only ever valid in demo mode, which production refuses to start with. */
export const DEMO_PASSWORD = 'norsjo-demo-2019';

const DEMO_ACCOUNTS = [
  { email: 'admin@demo.loften.se', name: 'Demo Administratör', role: 'admin', org: 'kommunen' },
  {
    email: 'kommun@demo.loften.se',
    name: 'Demo Redaktör Kommunen',
    role: 'editor',
    org: 'kommunen'
  },
  { email: 'polis@demo.loften.se', name: 'Demo Redaktör Polisen', role: 'editor', org: 'polisen' },
  {
    email: 'rapportor@demo.loften.se',
    name: 'Demo Rapportör Polisen',
    role: 'reporter',
    org: 'polisen'
  },
  { email: 'lasare@demo.loften.se', name: 'Demo Läsare', role: 'viewer', org: 'kommunen' }
] as const;

/** Creates the documented demo accounts (demo mode only). */
export async function ensureDemoAccounts(ctx: Ctx): Promise<FirstStartNotice> {
  if (!ctx.config.demo) throw new Error('Demo accounts exist only in demo mode');
  const ids = norsjoIds();
  const orgIds = { kommunen: ids.municipality, polisen: ids.lpo };
  const accounts = [];
  for (const a of DEMO_ACCOUNTS) {
    if (!(await findUserByEmail(ctx.db, a.email))) {
      // A lower scrypt cost keeps the first start quick; these accounts exist only in demo mode.
      await addUser(
        ctx,
        SYSTEM,
        { email: a.email, name: a.name, password: DEMO_PASSWORD },
        { passwordCost: 14 }
      );
      await setRole(ctx, SYSTEM, { email: a.email, organisation: orgIds[a.org], role: a.role });
    }
    accounts.push({
      email: a.email,
      name: a.name,
      role: a.role,
      organisation: a.org === 'kommunen' ? 'Norsjö kommun' : 'Lokalpolisområde Skellefteå'
    });
  }
  return { kind: 'demo', password: DEMO_PASSWORD, accounts };
}

/** On an empty production database: an admin without a password and a one-time sign-in link. */
export async function ensureFirstAdmin(ctx: Ctx): Promise<FirstStartNotice> {
  const any = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { kind: 'none' };
  const email = 'admin@loften.local';
  const user = await addUser(ctx, SYSTEM, { email, name: 'Första administratören' });
  await setRole(ctx, SYSTEM, { email, organisation: norsjoIds().municipality, role: 'admin' });
  const secret = await createOneTimeLogin(ctx, user.id, 24);
  return { kind: 'one-time-login', email, path: `/logga-in/engang/${secret}` };
}

/** The lines printed at start-up, in Swedish and English. */
export function describeNotice(notice: FirstStartNotice, baseUrl: string): string[] {
  if (notice.kind === 'demo') {
    return [
      `Löften körs i demoläge (demo mode) på ${baseUrl}`,
      `Logga in på ${baseUrl}/logga-in med ett demokonto, lösenord "${notice.password}":`,
      ...notice.accounts.map(
        (a) => `  ${a.email.padEnd(28)} ${a.role.padEnd(9)} ${a.organisation}`
      ),
      'Demokonton och demodata finns bara i demoläge. Sign in with any account above; password as shown.'
    ];
  }
  if (notice.kind === 'one-time-login') {
    return [
      `Första start: logga in en gång som ${notice.email} via ${baseUrl}${notice.path} (giltig i 24 timmar)`,
      'och byt sedan lösenord under Konto. First start: open the link above once, then set a password.'
    ];
  }
  return [`Löften körs på ${baseUrl}`];
}

import { SYSTEM } from '../auth/policy';
import type { Ctx } from '../context';
import { findUserByEmail } from '../db/repositories/accounts/user.repository';
import type { FirstStartNotice } from '../services/accounts/first-start.service';
import { addUser, setRole } from '../services/accounts/user.service';
import { norsjoIds } from './norsjo.service';

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

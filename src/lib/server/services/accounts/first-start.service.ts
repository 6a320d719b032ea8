import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { anyUser } from '../../db/repositories/accounts/user.repository';
import { createOneTimeLogin } from './auth.service';
import { municipalityId } from './organisation.service';
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

/** On an empty production database: an admin without a password and a one-time sign-in link. */
export async function ensureFirstAdmin(ctx: Ctx): Promise<FirstStartNotice> {
  if (await anyUser(ctx.db)) return { kind: 'none' };
  const email = 'admin@loften.local';
  const user = await addUser(ctx, SYSTEM, { email, name: 'Första administratören' });
  // An admin administers the whole instance; the membership only records where the role was given.
  await setRole(ctx, SYSTEM, { email, organisation: municipalityId('2417'), role: 'admin' });
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

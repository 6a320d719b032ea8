import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { startTestSmtpServer, type TestSmtpServer } from '../../../../../test/support/smtp';
import type { Ctx } from '../../context';
import { actorFor, redeemOneTimeLogin, resolveSession } from './auth.service';
import { createApiToken, resolveApiToken } from './token.service';
import { publicLink } from './public-address';
import { inviteUser, listAccounts, removeRole, setAccountDisabled } from './user.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';

const secretOf = (link: string) => link.split('/').pop()!;

describe('publicLink', () => {
  it('uses the configured public address, without a doubled slash', () => {
    expect(publicLink({ origin: 'https://loften.norsjo.se/', port: 3000 }, '/konto')).toBe(
      'https://loften.norsjo.se/konto'
    );
  });
  it('falls back to this instance port on localhost, not to 3000', () => {
    expect(publicLink({ origin: undefined, port: 8123 }, '/logga-in/engang/x')).toBe(
      'http://localhost:8123/logga-in/engang/x'
    );
  });
});

describe.each(DATABASES)('administration of people on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let smtp: TestSmtpServer;
  const mala = 'kommun-2418';
  const norsjo = 'kommun-2417';
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    ({ ctx, close } = await openTestContext(kind, {
      config: { origin: 'https://loften.example.se' }
    }));
  });
  afterAll(async () => {
    await close();
    await smtp.close();
  });

  it('invites a person for Malå: the link is shown when e-mail is off and signs in once as editor there', async () => {
    const admin = await makeUser(ctx, 'admin', norsjo);
    const inv = await inviteUser(ctx, admin.actor, {
      email: 'Anna@Mala.se',
      name: 'Anna Andersson',
      organisation: '2418',
      role: 'editor'
    });
    expect(inv).toMatchObject({ email: 'anna@mala.se', role: 'editor', mailed: false });
    expect(inv.organisationName).toBe('Malå kommun');
    expect(inv.link).toMatch(/^https:\/\/loften\.example\.se\/logga-in\/engang\/.+/);
    const signedIn = await redeemOneTimeLogin(ctx, secretOf(inv.link!));
    const actor = await resolveSession(ctx, signedIn!.sessionSecret);
    expect(actor?.actor.memberships).toEqual([{ organisationId: mala, role: 'editor' }]);
    expect(await redeemOneTimeLogin(ctx, secretOf(inv.link!))).toBeNull();
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', inv.userId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'membership.set',
      'user.create',
      'user.invite'
    ]);
    expect(audit.every((a) => a.actor_id === admin.id)).toBe(true);
  });

  it('mails the invitation with the public address when e-mail is configured', async () => {
    const admin = await makeUser(ctx, 'admin', norsjo);
    const mailCtx: Ctx = {
      ...ctx,
      config: { ...ctx.config, mail: { smtpUrl: smtp.url, from: 'loften@example.se' } }
    };
    const inv = await inviteUser(mailCtx, admin.actor, {
      email: 'bo@mala.se',
      name: 'Bo Berg',
      organisation: 'Malå',
      role: 'viewer'
    });
    expect(inv).toMatchObject({ mailed: true, link: null });
    const mail = smtp.received.find((m) => m.to.includes('bo@mala.se'));
    expect(mail?.subject).toBe('Inbjudan till Löften för Malå kommun');
    const link = mail!.text.match(/https:\/\/loften\.example\.se\/logga-in\/engang\/[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    expect(await redeemOneTimeLogin(ctx, secretOf(link!))).not.toBeNull();
  });

  it('refuses non-admins and names the field of bad input in Swedish', async () => {
    const editor = await makeUser(ctx, 'editor', norsjo);
    await expect(
      inviteUser(ctx, editor.actor, {
        email: 'x@mala.se',
        name: 'X',
        organisation: '2418',
        role: 'viewer'
      })
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAccounts(ctx, editor.actor)).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await makeUser(ctx, 'admin', norsjo);
    const bad = await inviteUser(ctx, admin.actor, {
      email: 'inte-en-adress',
      name: '',
      organisation: '9999',
      role: 'kung'
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields.map((f) => f.field).sort()).toEqual([
      'email',
      'name',
      'role'
    ]);
    const noOrg = await inviteUser(ctx, admin.actor, {
      email: 'y@mala.se',
      name: 'Y',
      organisation: 'Ingenstans',
      role: 'viewer'
    }).catch((e: unknown) => e);
    expect((noOrg as ValidationError).fields[0]?.field).toBe('organisation');
  });

  it('lists who has access to what, takes a role away, and deactivation ends sessions and API keys', async () => {
    const admin = await makeUser(ctx, 'admin', norsjo);
    const editor = await makeUser(ctx, 'editor', norsjo);
    const listed = (await listAccounts(ctx, admin.actor)).find((a) => a.id === editor.id);
    expect(listed?.memberships).toEqual([
      { organisationId: norsjo, organisationName: 'Norsjö kommun', role: 'editor' }
    ]);

    const { token } = await createApiToken(ctx, editor.actor, { name: 'robot' });
    expect(await resolveApiToken(ctx, token)).not.toBeNull();
    const inv = await inviteUser(ctx, admin.actor, {
      email: 'cilla@mala.se',
      name: 'Cilla',
      organisation: '2418',
      role: 'reporter'
    });
    const session = await redeemOneTimeLogin(ctx, secretOf(inv.link!));

    await setAccountDisabled(ctx, admin.actor, { userId: inv.userId }, true);
    expect(await resolveSession(ctx, session!.sessionSecret)).toBeNull();
    expect(
      await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', inv.userId).execute()
    ).toEqual([]);
    await setAccountDisabled(ctx, admin.actor, { userId: editor.id }, true);
    expect(await resolveApiToken(ctx, token)).toBeNull();
    await setAccountDisabled(ctx, admin.actor, { userId: editor.id }, false);
    expect(await actorFor(ctx, editor.id)).not.toBeNull();

    await removeRole(ctx, admin.actor, { userId: editor.id, organisationId: norsjo });
    expect((await actorFor(ctx, editor.id))?.memberships).toEqual([]);
    await expect(
      removeRole(ctx, admin.actor, { userId: editor.id, organisationId: norsjo })
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setAccountDisabled(ctx, admin.actor, { userId: admin.id }, true)
    ).rejects.toBeInstanceOf(ForbiddenError);

    const actions = (
      await ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', editor.id)
        .where('actor_id', '=', admin.id)
        .execute()
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(['membership.remove', 'user.disable', 'user.enable']);
  });
});

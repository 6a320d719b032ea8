/**
 * What the load and crash commands need in a freshly seeded demo database, made through the
 * services as an editor would: an open survey with a class code per answerer (a class answering
 * from one school network, so the per-address limit does not apply), and reporters in Norsjö's
 * police area, each with an API token, with the measures they may log.
 */
import { SYSTEM, type Actor } from '../../src/lib/server/auth/policy';
import type { Ctx } from '../../src/lib/server/context';
import { findNorsjoAgreementId, norsjoIds } from '../../src/lib/server/seed/norsjo.service';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import { actorFor } from '../../src/lib/server/services/accounts/auth.service';
import { createApiToken } from '../../src/lib/server/services/accounts/token.service';
import {
  addUser,
  findUserIdByEmail,
  setRole
} from '../../src/lib/server/services/accounts/user.service';
import { createClassCode } from '../../src/lib/server/services/dialogue/survey-response.service';
import { createSurvey, updateSurvey } from '../../src/lib/server/services/dialogue/survey.service';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function actorByEmail(ctx: Ctx, email: string): Promise<Actor> {
  const id = await findUserIdByEmail(ctx, email);
  const actor = id ? await actorFor(ctx, id) : null;
  if (!actor) throw new Error(`no account ${email} (is the server in demo mode?)`);
  return actor;
}

/** An open safety survey of Norsjö, and one class code (500 places) per answerer. */
export async function openSurveyForLoad(
  ctx: Ctx,
  answerers: number
): Promise<{ surveyId: string; classCodes: string[] }> {
  const editor = await actorByEmail(ctx, 'kommun@demo.loften.se');
  const head = {
    title: 'Trygghetsenkät (belastningsprov)',
    opensOn: day(-1),
    closesOn: day(30),
    requiresCode: ''
  };
  const { id } = await createSurvey(ctx, editor, '2417', {
    ...head,
    template: 'safety',
    areas: ['Norsjö tätort', 'Bastuträsk', 'Kusfors'].join('\n')
  });
  await updateSurvey(ctx, editor, id, { ...head, status: 'open' });
  const classCodes: string[] = [];
  for (let i = 0; i < answerers; i++)
    classCodes.push(
      (await createClassCode(ctx, editor, id, { label: `Klass ${i + 1}`, capacity: 500 })).code
    );
  return { surveyId: id, classCodes };
}

/** One reporter: an account with the reporter role in the police area, and its API token. */
export type Reporter = { userId: string; token: string };

/** A measure the reporters log to, with the fields its target needs (shifts, a grade). */
export type LoggableMeasure = { id: string; extra: Record<string, string | number> };

/** Reporters in Norsjö's police area, each with a token, and the measures the police answer for. */
export async function makeReporters(
  ctx: Ctx,
  count: number
): Promise<{ reporters: Reporter[]; measures: LoggableMeasure[]; agreementId: string }> {
  const lpo = norsjoIds().lpo;
  const reporters: Reporter[] = [];
  const run = Date.now().toString(36);
  for (let i = 0; i < count; i++) {
    const email = `rapportor-${run}-${i + 1}@prov.loften.se`;
    // No password: the reporter only ever uses its token.
    const user = await addUser(ctx, SYSTEM, { email, name: `Rapportör ${i + 1}` });
    await setRole(ctx, SYSTEM, { email, organisation: lpo, role: 'reporter' });
    const actor = await actorFor(ctx, user.id);
    if (!actor) throw new Error('reporter missing');
    const { token } = await createApiToken(ctx, actor, { name: 'Belastningsprov' });
    reporters.push({ userId: user.id, token });
  }
  const agreementId = await findNorsjoAgreementId(ctx);
  if (!agreementId) throw new Error('Norsjö’s agreement is missing');
  const view = await getAgreementView(ctx, agreementId, { includeInternal: true });
  const measures = (view.revision?.groups ?? [])
    .flatMap((g) => g.measures)
    // Whoever is responsible logs; when no one is named, every party taking part does.
    .filter((m) =>
      m.responsibleParty ? m.responsibleParty.id === lpo : m.parties.some((p) => p.id === lpo)
    )
    .map((m): LoggableMeasure | null => {
      const t = m.target;
      if (t.kind === 'count' && t.perUnit) {
        const grade = t.perUnit.values[0];
        return grade ? { id: m.id, extra: { grade } } : null;
      }
      return { id: m.id, extra: t.kind === 'every-shift' ? { shifts: 2 } : {} };
    })
    .filter((m): m is LoggableMeasure => m !== null);
  if (!measures.length) throw new Error('no measure of the police in Norsjö’s agreement');
  return { reporters, measures, agreementId };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../src/lib/core/survey';
import type { Actor } from '../../src/lib/server/auth/policy';
import { loadSurveyQuestions } from '../../src/lib/server/services/dialogue/survey-access';
import {
  REDACTED,
  SUBMISSIONS_PER_HOUR
} from '../../src/lib/server/services/dialogue/survey-response.service';
import { createSurvey, updateSurvey } from '../../src/lib/server/services/dialogue/survey.service';
import { DATABASES } from '../support/databases';
import { makeUser } from '../support/factories';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { formValues, TEST_AREAS } from '../support/surveys';

/**
 * Surveys over HTTP (issue 11, items 14–15): a school class gets in with a class code, a form
 * sent twice counts once, the per-address limit refuses with a reason the owner sees, and only
 * the owner can remove personal data from an answer for good.
 */
describe.each(DATABASES)('survey admission and redaction over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  let owner: HttpClient;
  let viewer: HttpClient;
  let survey: { id: string; questions: SurveyQuestion[] };
  const anon = () => server.client();
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    server = await startTestServer(kind);
    const norsjo = await server.orgId('2417');
    const editor: Actor = (await makeUser(server.ctx, 'editor', norsjo)).actor;
    const head = { title: 'Elevenkät', opensOn: day(-1), closesOn: day(30), requiresCode: '' };
    const { id } = await createSurvey(server.ctx, editor, '2417', {
      ...head,
      template: 'safety',
      areas: TEST_AREAS.join('\n')
    });
    await updateSurvey(server.ctx, editor, id, { ...head, status: 'open' });
    survey = { id, questions: await loadSurveyQuestions(server.ctx, id) };
    owner = await server.signInAs('editor', norsjo);
    viewer = await server.signInAs('viewer', norsjo);
  }, 180_000);
  afterAll(() => server?.close());

  const base = () => `/kommuner/2417/enkater/${survey.id}`;
  const counted = async () =>
    Number(
      (
        await server.ctx.db
          .selectFrom('survey_responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('survey_id', '=', survey.id)
          .where('duplicate', '=', 0)
          .executeTakeFirstOrThrow()
      ).n
    );
  /** Opens the public form as a browser would and answers it with the form's own token. */
  async function answer(client: HttpClient, answers: Record<string, string>, extra = {}) {
    const page = await client.get(`/enkat/${survey.id}`);
    expect(page.status).toBe(200);
    const token = /name="formularnyckel" value="([^"]+)"/.exec(await page.text())?.[1];
    expect(token).toBeTruthy();
    const fields = { ...formValues(survey.questions, answers), formularnyckel: [token!], ...extra };
    return { fields, res: await client.postForm(`/enkat/${survey.id}`, fields) };
  }

  it('counts a form sent twice once, both times thanking the person', async () => {
    const client = anon();
    const { fields, res } = await answer(client, { omrade: 'kusfors' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/enkat/${survey.id}/tack`);
    const again = await client.postForm(`/enkat/${survey.id}`, fields);
    expect(again.status).toBe(303);
    expect(await counted()).toBe(1);
  });

  it('lets a class in with a class code made by the owner, beyond the per-address limit', async () => {
    const made = await owner.postForm(`${base()}/klasskoder`, {
      label: '8B Norsjöskolan',
      capacity: String(SUBMISSIONS_PER_HOUR + 5)
    });
    expect(made.status).toBe(200);
    const code = /Klasskod för <strong>8B Norsjöskolan<\/strong>[^<]*<strong>([A-Z0-9-]+)</.exec(
      await made.text()
    )?.[1];
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const form = await anon().get(`/enkat/${survey.id}?klasskod=${code}`);
    expect(await form.text()).toMatch(new RegExp(`name="klasskod"[^>]*value="${code}"`));
    for (let i = 0; i < SUBMISSIONS_PER_HOUR + 5; i++) {
      const { res } = await answer(anon(), { 'problem-inbrott': 'litet' }, { klasskod: code! });
      expect(res.status).toBe(303);
    }
    expect(await counted()).toBe(1 + SUBMISSIONS_PER_HOUR + 5);
    const full = await answer(anon(), { 'problem-inbrott': 'litet' }, { klasskod: code! });
    expect(full.res.status).toBe(400);
    expect(await full.res.text()).toContain('Klasskoden har redan använts');
  });

  it('refuses answers beyond the per-address limit with a message, and shows the owner why', async () => {
    let refused = 0;
    for (let i = 0; i < SUBMISSIONS_PER_HOUR + 1; i++) {
      const { res } = await answer(anon(), { tryggare: `Svar nummer ${i}` });
      if (res.status === 400) {
        refused++;
        expect(await res.text()).toContain('be din lärare om en klasskod');
      } else expect(res.status).toBe(303);
    }
    // The first test's answer came from the same address: 20 in all were taken.
    expect(refused).toBe(2);
    const page = await (await owner.get(base())).text();
    expect(page).toContain('Svar som inte togs emot');
    expect(page).toMatch(/Fler än 20 svar från samma uppkoppling[^<]*<\/td><td>2</);
    expect(page).toMatch(/Klasskodens platser var redan använda<\/td><td>1</);
    expect(page).toMatch(/Samma formulär skickades en gång till[^<]*<\/td><td>1</);
    const seenByViewer = await (await viewer.get(base())).text();
    expect(seenByViewer).not.toContain('Svar som inte togs emot');
  });

  it('lets only the owner remove personal data from an answer for good, audited', async () => {
    const text = 'ring kalle andersson på 070-123 45 67';
    await server.ctx.db.deleteFrom('rate_limits').execute();
    const { res } = await answer(anon(), { tryggare: text });
    expect(res.status).toBe(303);
    const row = await server.ctx.db
      .selectFrom('survey_answers')
      .select('id')
      .where('text', '=', text)
      .executeTakeFirstOrThrow();
    const denied = await viewer.postForm(`${base()}/kodning?/redact`, {
      answerId: row.id,
      mode: 'remove'
    });
    expect(denied.status).toBe(403);
    const bad = await owner.postForm(`${base()}/kodning?/redact`, { answerId: row.id, mode: 'x' });
    expect(bad.status).toBe(400);
    const done = await owner.postForm(`${base()}/kodning?/redact`, {
      answerId: row.id,
      mode: 'remove'
    });
    expect(done.status).toBe(200);
    const after = await server.ctx.db
      .selectFrom('survey_answers')
      .select(['text', 'text_masked'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ text: REDACTED, text_masked: REDACTED });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'survey.redact')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual([row.id]);
    expect(JSON.stringify(audit)).not.toContain('kalle');
  });
});

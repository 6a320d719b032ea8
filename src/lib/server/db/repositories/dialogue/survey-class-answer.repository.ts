/**
 * A class's answer in one statement on PostgreSQL (issue 15: survey answers that keep up). An
 * answer from a rendered form with a class code was five statements in a transaction (begin,
 * claim the form's token, take a place of the class code, store the response with its answers,
 * commit), and under 200 classmates answering at once the server spent a quarter of its time
 * writing statements to PostgreSQL's socket. Here it is one statement, all or nothing by itself:
 *
 * 1. a place of the class code is taken only below its capacity and only if the form's token is
 *    not claimed yet;
 * 2. the token is claimed only if a place was taken;
 * 3. the response and its answers are stored only if the token was claimed.
 *
 * Class answers that arrive in the same turn of the event loop go in one statement together
 * (DataLoader gathers them, its cache off): the places of each class code are handed out in the
 * order the answers came (the codes' rows locked in one order, so statements on several servers
 * take turns instead of deadlocking), and each answer's place and claim are read back. If the database
 * refuses that statement, each answer goes alone, so one bad answer fails only itself.
 *
 * When no place was taken nothing was written: the caller finds out why the usual way (the form
 * was sent before, the code is full, or there is no such code). One case writes a place without
 * a claim: the same form sent twice at the same moment (both see the token unclaimed, the second
 * claim meets the first). The caller gives the place back (`releaseClassPlace`).
 */
import DataLoader from 'dataloader';
import { PostgresAdapter, sql } from 'kysely';
import type { SurveyAnswerTable, SurveyResponseTable } from '../../schema';
import type { Executor } from '../../types';

/** Answer rows one statement takes at most (a longer form goes the usual way). */
const MOST_ANSWERS = 200;

/** What the one statement did: the place it took (if any) and whether the token was claimed. */
export type ClassAnswerOutcome = { placeId: string | null; claimed: boolean };

/** One class's answer: the form's token and class code (hashed) and the rows to store. */
export type ClassAnswer = {
  surveyId: string;
  tokenHash: string;
  day: string;
  codeHash: string;
  response: SurveyResponseTable;
  answers: readonly SurveyAnswerTable[];
};

/**
 * Takes a place, claims the token and stores the response, in one statement with the other class
 * answers that arrive in the same turn of the event loop; null where that is not done in one
 * statement (SQLite, where answers share a commit instead; no answer rows; a very long form).
 */
export async function storeClassAnswer(
  db: Executor,
  a: ClassAnswer
): Promise<ClassAnswerOutcome | null> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return null;
  if (a.answers.length === 0 || a.answers.length > MOST_ANSWERS) return null;
  if (db.isTransaction) return storeOne(db, a);
  return loaderFor(db).load(a);
}

/** Class answers per statement at most. */
const MOST_PER_STATEMENT = 100;

const loaders = new WeakMap<object, DataLoader<ClassAnswer, ClassAnswerOutcome>>();

function loaderFor(db: Executor): DataLoader<ClassAnswer, ClassAnswerOutcome> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader<ClassAnswer, ClassAnswerOutcome>(
      async (batch) => {
        if (batch.length === 1) return [await storeOne(db, batch[0]!)];
        try {
          return await storeMany(db, batch);
        } catch {
          // One answer the database refuses must not fail the others: each goes alone.
          return Promise.all(
            batch.map((a) =>
              storeOne(db, a).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
            )
          );
        }
      },
      {
        cache: false,
        maxBatchSize: MOST_PER_STATEMENT,
        // After the I/O callbacks of this turn: every answer read from its socket joins in.
        batchScheduleFn: (run) => setImmediate(run)
      }
    );
    loaders.set(db, loader);
  }
  return loader;
}

/**
 * Many class answers in one statement. Within it: the first of several copies of one form (and
 * only a form not claimed yet) is a candidate; each class code gives its candidates places in
 * the order they came, up to its capacity (its row locked, so concurrent statements take turns);
 * a candidate with a place claims its form; a claimed form's response and answers are stored.
 * Each answer's place and claim are read back, in the order given.
 */
async function storeMany(
  db: Executor,
  batch: readonly ClassAnswer[]
): Promise<ClassAnswerOutcome[]> {
  const of = <T>(pick: (a: ClassAnswer) => T) => batch.map(pick);
  const answers = batch.flatMap((a) => a.answers);
  const col = (pick: (x: SurveyAnswerTable) => string | null) => answers.map(pick);
  const result = await sql<{ n: string; place_id: string | null; claimed: boolean }>`
    with input as (
      select * from unnest(
        ${of((a) => a.surveyId)}::text[], ${of((a) => a.tokenHash)}::text[],
        ${of((a) => a.day)}::text[], ${of((a) => a.codeHash)}::text[],
        ${of((a) => a.response.id)}::text[], ${of((a) => a.response.source)}::text[],
        ${of((a) => a.response.submitted_at)}::text[],
        ${of((a) => a.response.area_option_id)}::text[],
        ${of((a) => a.response.age_option_id)}::text[],
        ${of((a) => a.response.answer_set_hash)}::text[],
        ${of((a) => a.response.duplicate)}::integer[], ${of((a) => a.response.entered_by)}::text[],
        ${of((a) => a.response.demo)}::integer[]
      ) with ordinality as i(survey_id, token_hash, day, code_hash, response_id, source,
        submitted_at, area_option_id, age_option_id, answer_set_hash, duplicate, entered_by, demo, n)
    ), fresh as (
      select distinct on (i.survey_id, i.token_hash) i.*
      from input i
      where not exists (
        select 1 from survey_submissions s
        where s.survey_id = i.survey_id and s.token_hash = i.token_hash
      )
      order by i.survey_id, i.token_hash, i.n
    ), wanted as (
      select survey_id, code_hash, count(*)::integer as k from fresh group by survey_id, code_hash
    ), locked as (
      select c.id, c.survey_id, c.code_hash, c.used, c.capacity
      from survey_class_codes c
      join wanted w on w.survey_id = c.survey_id and w.code_hash = c.code_hash
      order by c.id
      for update of c
    ), taken as (
      update survey_class_codes c set used = least(l.capacity, l.used + w.k)
      from locked l
      join wanted w on w.survey_id = l.survey_id and w.code_hash = l.code_hash
      where c.id = l.id and l.used < l.capacity
      returning c.id, l.survey_id, l.code_hash, c.used - l.used as granted
    ), placed as (
      select f.*, t.id as place_id
      from (
        select f.*, row_number() over (partition by f.survey_id, f.code_hash order by f.n) as r
        from fresh f
      ) f
      join taken t on t.survey_id = f.survey_id and t.code_hash = f.code_hash
      where f.r <= t.granted
    ), claim as (
      insert into survey_submissions (survey_id, token_hash, day)
      select survey_id, token_hash, day from placed
      on conflict (survey_id, token_hash) do nothing
      returning survey_id, token_hash
    ), claimed as (
      select p.* from placed p
      join claim c on c.survey_id = p.survey_id and c.token_hash = p.token_hash
    ), response as (
      insert into survey_responses (id, survey_id, source, submitted_at, area_option_id,
        age_option_id, answer_set_hash, duplicate, entered_by, demo)
      select response_id, survey_id, source, submitted_at, area_option_id, age_option_id,
        answer_set_hash, duplicate, entered_by, demo
      from claimed
      returning id
    ), stored as (
      insert into survey_answers (id, response_id, question_id, option_id, text, text_masked,
        personal_data)
      select a.id, r.id, a.question_id, a.option_id, a.text, a.text_masked, a.personal_data
      from unnest(${col((x) => x.id)}::text[], ${col((x) => x.response_id)}::text[],
        ${col((x) => x.question_id)}::text[], ${col((x) => x.option_id)}::text[],
        ${col((x) => x.text)}::text[], ${col((x) => x.text_masked)}::text[],
        ${col((x) => x.personal_data)}::text[])
        as a(id, response_id, question_id, option_id, text, text_masked, personal_data)
      join response r on r.id = a.response_id
    )
    select i.n, p.place_id, c.n is not null as claimed
    from input i
    left join placed p on p.n = i.n
    left join claimed c on c.n = i.n
    order by i.n
  `.execute(db);
  return result.rows.map((row) => ({ placeId: row.place_id, claimed: row.claimed }));
}

/** One class answer in one statement (a lone answer, or one of a batch the database refused). */
async function storeOne(db: Executor, a: ClassAnswer): Promise<ClassAnswerOutcome> {
  const r = a.response;
  // The answers as one array per column: the statement's text is the same for every form.
  const column = (pick: (x: SurveyAnswerTable) => string | null) => a.answers.map(pick);
  const result = await sql<{ place_id: string | null; claimed: boolean }>`
    with place as (
      update survey_class_codes set used = used + 1
      where survey_id = ${a.surveyId} and code_hash = ${a.codeHash} and used < capacity
        and not exists (
          select 1 from survey_submissions
          where survey_id = ${a.surveyId} and token_hash = ${a.tokenHash}
        )
      returning id
    ), claim as (
      insert into survey_submissions (survey_id, token_hash, day)
      select ${a.surveyId}, ${a.tokenHash}, ${a.day} from place
      on conflict (survey_id, token_hash) do nothing
      returning token_hash
    ), response as (
      insert into survey_responses (id, survey_id, source, submitted_at, area_option_id,
        age_option_id, answer_set_hash, duplicate, entered_by, demo)
      select ${r.id}, ${r.survey_id}, ${r.source}, ${r.submitted_at}, ${r.area_option_id}::text,
        ${r.age_option_id}::text, ${r.answer_set_hash}, ${r.duplicate}::integer,
        ${r.entered_by}::text, ${r.demo}::integer
      from claim
      returning id
    ), answers as (
      insert into survey_answers (id, response_id, question_id, option_id, text, text_masked,
        personal_data)
      select v.id, response.id, v.question_id, v.option_id, v.text, v.text_masked,
        v.personal_data
      from unnest(${column((x) => x.id)}::text[], ${column((x) => x.question_id)}::text[],
        ${column((x) => x.option_id)}::text[], ${column((x) => x.text)}::text[],
        ${column((x) => x.text_masked)}::text[], ${column((x) => x.personal_data)}::text[])
        as v(id, question_id, option_id, text, text_masked, personal_data), response
    )
    select (select id from place) as place_id, exists (select 1 from claim) as claimed
  `.execute(db);
  const row = result.rows[0]!;
  return { placeId: row.place_id, claimed: row.claimed };
}

/** Gives back a place taken for a form whose token another request claimed at the same moment. */
export async function releaseClassPlace(db: Executor, placeId: string): Promise<void> {
  await db
    .updateTable('survey_class_codes')
    .set((eb) => ({ used: eb('used', '-', 1) }))
    .where('id', '=', placeId)
    .where('used', '>', 0)
    .execute();
}

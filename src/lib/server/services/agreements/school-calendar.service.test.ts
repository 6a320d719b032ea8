import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import { ForbiddenError, ValidationError } from '../shared/errors';
import {
  schoolCalendarFor,
  schoolCalendarPage,
  setSchoolCalendarEntry
} from './school-calendar.service';

describe.each(DATABASES)('a municipality’s school calendar on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let norsjoId: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    norsjoId = (await findMunicipalityByCode(ctx.db, '2417'))!.id;
  });
  afterAll(() => close());

  it('defaults by county: Norsjö (Västerbotten) has sportlov in week 10', async () => {
    const cal = await schoolCalendarFor(ctx, norsjoId, '2021-01-01', '2021-12-31');
    expect(cal.entries.find((e) => e.period === 'sportlov')).toEqual({
      period: 'sportlov',
      from: '2021-03-08',
      to: '2021-03-14'
    });
    expect(cal.entries.filter((e) => e.period === 'term')).toHaveLength(2);
  });

  it('lets the municipality’s editor move sommarlov, and the calendar then uses it', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    await setSchoolCalendarEntry(ctx, editor, '2417', {
      year: '2021',
      entry: 'sommarlov',
      from: '2021-06-11',
      to: '2021-08-18'
    });
    const cal = await schoolCalendarFor(ctx, norsjoId, '2021-06-01', '2021-06-30');
    expect(cal.entries.find((e) => e.period === 'sommarlov')).toEqual({
      period: 'sommarlov',
      from: '2021-06-11',
      to: '2021-08-18'
    });
    const page = await schoolCalendarPage(ctx, editor, '2417', 2020);
    expect(page.editable).toBe(true);
    expect(page.entries.map((e) => [e.key, e.corrected])).toEqual([
      ['ht', false],
      ['hostlov', false],
      ['jullov', false],
      ['vt', false],
      ['sportlov', false],
      ['paasklov', false],
      ['sommarlov', true]
    ]);
    await setSchoolCalendarEntry(ctx, editor, '2417', {
      year: '2021',
      entry: 'sommarlov',
      from: '2021-06-11',
      to: '2021-08-18',
      reset: 'ja'
    });
    const again = await schoolCalendarFor(ctx, norsjoId, '2021-06-01', '2021-06-30');
    expect(again.entries.find((e) => e.period === 'sommarlov')?.from).toBe('2021-06-19');
  });

  it('refuses editors of another municipality and viewers', async () => {
    const other = (await makeUser(ctx, 'editor', 'kommun-2418')).actor;
    const viewer = (await makeUser(ctx, 'viewer', 'kommun-2417')).actor;
    const raw = { year: '2021', entry: 'hostlov', from: '2021-11-01', to: '2021-11-05' };
    await expect(setSchoolCalendarEntry(ctx, other, '2417', raw)).rejects.toBeInstanceOf(
      ForbiddenError
    );
    await expect(setSchoolCalendarEntry(ctx, viewer, '2417', raw)).rejects.toBeInstanceOf(
      ForbiddenError
    );
  });

  it('names the wrong field in Swedish', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const err = await setSchoolCalendarEntry(ctx, editor, '2417', {
      year: '2021',
      entry: 'midsommarlov',
      from: '2021-02-30',
      to: '2021-01-01'
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['entry', 'from']));
    expect(JSON.stringify((err as ValidationError).fields)).toContain('finns inte i kalendern');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { riskCalendar, setRiskOccasion } from './risk-occasion.service';

describe.each(DATABASES)('a municipality’s risk occasions on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
  });
  afterAll(() => close());

  it('has the default occasions and asks for skolavslutning and studenten', async () => {
    const cal = await riskCalendar(ctx, null, '2417', 2022);
    expect(cal.occasions.map((o) => [o.key, o.date])).toEqual([
      ['valborg', '2022-04-30'],
      ['midsommar', '2022-06-24'],
      ['halloween', '2022-11-05'],
      ['jul', '2022-12-24'],
      ['nyar', '2022-12-31']
    ]);
    expect(cal.missing.map((m) => m.key)).toEqual(['skolavslutning', 'studenten']);
    expect(cal.editable).toBe(false);
  });

  it('lets the municipality’s editor set skolavslutning, which the night-walk follow-up then expects', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    await setRiskOccasion(ctx, editor, '2417', {
      year: 2022,
      key: 'skolavslutning',
      name: 'Skolavslutning',
      date: '2022-06-10'
    });
    const cal = await riskCalendar(ctx, editor, '2417', 2022);
    expect(cal.occasions.find((o) => o.key === 'skolavslutning')).toMatchObject({
      date: '2022-06-10',
      setByMunicipality: true,
      weekend: { start: '2022-06-10', end: '2022-06-12' }
    });
    const id = (await findNorsjoAgreementId(ctx))!;
    const f = await agreementFollowUp(ctx, id, {
      period: 'year',
      from: '2022-01-01',
      to: '2022-12-31',
      asOf: '2023-01-10'
    });
    expect(f.measures.find((m) => m.key === 'nattvandring')?.periods[0]?.expected).toBe(6);
  });

  it('refuses another municipality’s editor and a date outside the year', async () => {
    const other = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    await expect(
      setRiskOccasion(ctx, other, '2417', {
        year: 2022,
        key: 'studenten',
        name: 'Studenten',
        date: '2022-06-08'
      })
    ).rejects.toThrow(/redaktörer/);
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    await expect(
      setRiskOccasion(ctx, editor, '2417', {
        year: 2022,
        key: 'studenten',
        name: 'Studenten',
        date: '2023-06-08'
      })
    ).rejects.toThrow(/date: Datumet ska ligga under 2022/);
  });
});

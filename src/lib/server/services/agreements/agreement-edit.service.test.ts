import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  addFocusArea,
  addMeasure,
  removeFocusArea,
  updateAgreementHead,
  updateFocusArea
} from './agreement-edit.service';
import { addEffect, addIndicatorValue, removeEffect, updateEffect } from './effect.service';
import { addParty, removeParty, updateParty } from './party.service';
import { getAgreementView } from './agreement-view.service';
import { verifyAuditChain } from '../shared/audit.service';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { compareRevisions, startRevision, updateMeasure } from './plan.service';

describe.each(DATABASES)('editing an agreement on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  let editor: Actor;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    id = (await findNorsjoAgreementId(ctx))!;
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
  });
  afterAll(() => close());

  it('changes the head and names the wrong field without changing anything', async () => {
    const input = {
      title: 'Norsjö – medborgarlöften',
      status: 'signed',
      periodStart: '2019-01-01',
      periodEnd: '2018-12-31',
      signedOn: ''
    };
    await expect(updateAgreementHead(ctx, editor, id, input)).rejects.toThrow(
      /periodEnd: Slutdatum måste vara/
    );
    expect((await getAgreementView(ctx, id)).period.end).toBe('2022-12-31');
    await updateAgreementHead(ctx, editor, id, {
      ...input,
      periodEnd: '2023-12-31',
      periodText: 'Förlängt ett år',
      signedOn: '2019-01-15'
    });
    const v = await getAgreementView(ctx, id);
    expect(v.period).toEqual({ start: '2019-01-01', end: '2023-12-31', text: 'Förlängt ett år' });
    expect(v.signedOn).toBe('2019-01-15');
  });

  it('adds, changes and removes a focus area', async () => {
    const { id: fa } = await addFocusArea(ctx, editor, id, {
      title: 'Klotter',
      preventionTypes: ['situational']
    });
    await updateFocusArea(ctx, editor, id, fa, {
      title: 'Klotter och skadegörelse',
      preventionTypes: ['situational', 'social'],
      specialAttention: 'ungdomar'
    });
    let v = await getAgreementView(ctx, id);
    expect(v.focusAreas.at(-1)).toMatchObject({
      title: 'Klotter och skadegörelse',
      preventionTypes: ['situational', 'social'],
      specialAttention: 'ungdomar'
    });
    await removeFocusArea(ctx, editor, id, fa);
    v = await getAgreementView(ctx, id);
    expect(v.focusAreas).toHaveLength(4);
  });

  it('adds an effect with an indicator and a party', async () => {
    await addEffect(ctx, editor, id, {
      title: 'Färre bilbränder',
      direction: 'decrease',
      indicatorName: 'Anlagda bränder i fordon',
      indicatorUnit: 'antal per år',
      indicatorSource: 'Räddningstjänsten'
    });
    const { id: party } = await addParty(ctx, editor, id, {
      name: 'Norsjö Bostäder',
      partyType: 'housing'
    });
    const v = await getAgreementView(ctx, id);
    expect(v.effects.at(-1)).toMatchObject({
      title: 'Färre bilbränder',
      direction: 'decrease',
      indicators: [{ name: 'Anlagda bränder i fordon', direction: 'decrease' }]
    });
    expect(v.parties.map((p) => p.id)).toContain(party);
    await expect(addParty(ctx, editor, id, { name: 'X', partyType: 'spaceship' })).rejects.toThrow(
      /partyType/
    );
  });

  it('changes and removes an effect, but never one with measured values', async () => {
    const { id: effect } = await addEffect(ctx, editor, id, {
      title: 'Färre anlagda bränder',
      direction: 'decrease'
    });
    await updateEffect(ctx, editor, id, effect, {
      title: 'Färre anlagda bränder i centrum',
      direction: 'decrease',
      indicatorName: 'Anlagda bränder',
      indicatorUnit: 'antal per år',
      indicatorSource: 'Räddningstjänsten'
    });
    let v = await getAgreementView(ctx, id);
    const changed = v.effects.find((e) => e.id === effect)!;
    expect(changed).toMatchObject({
      title: 'Färre anlagda bränder i centrum',
      indicators: [{ name: 'Anlagda bränder', unit: 'antal per år' }]
    });
    await addIndicatorValue(ctx, editor, id, {
      indicatorId: changed.indicators[0]!.id,
      date: '2020-12-31',
      value: '4'
    });
    await expect(removeEffect(ctx, editor, id, effect)).rejects.toThrow(/1 mätvärden/);
    await expect(
      updateEffect(ctx, editor, id, effect, { title: 'X', direction: 'decrease' })
    ).rejects.toThrow(/indicatorName/);

    const { id: bare } = await addEffect(ctx, editor, id, {
      title: 'Tas bort',
      direction: 'increase'
    });
    await removeEffect(ctx, editor, id, bare);
    v = await getAgreementView(ctx, id);
    expect(v.effects.map((e) => e.id)).not.toContain(bare);
    expect(v.effects.find((e) => e.id === effect)?.indicators[0]?.values).toEqual([
      { date: '2020-12-31', value: 4 }
    ]);
  });

  it('renames a party, and removes it only when no measure names it', async () => {
    const { id: party } = await addParty(ctx, editor, id, { name: 'Skolan', partyType: 'school' });
    await updateParty(ctx, editor, id, party, { name: 'Norsjö skola', partyType: 'school' });
    let v = await getAgreementView(ctx, id);
    expect(v.parties.find((p) => p.id === party)?.name).toBe('Norsjö skola');
    await removeParty(ctx, editor, id, party);
    v = await getAgreementView(ctx, id);
    expect(v.parties.map((p) => p.id)).not.toContain(party);

    const named = v
      .revision!.groups.flatMap((g) => g.measures)
      .flatMap((m) => m.parties)
      .find((p) => p.id !== 'kommun-2417' && p.id !== 'lpo-skelleftea');
    expect(named).toBeDefined();
    await expect(removeParty(ctx, editor, id, named!.id)).rejects.toThrow(/står i \d+ åtgärd/);
    await expect(removeParty(ctx, editor, id, 'kommun-2417')).rejects.toThrow(/finns inte/);
  });

  it('adds a measure under a new heading with its target parsed, and refuses one without a reason', async () => {
    const base = {
      year: 2019,
      title: 'Klotterrundor',
      targetText: 'Varannan vecka',
      newGroupTitle: 'Skadegörelse',
      partyIds: ['kommun-2417'],
      focusAreaKeys: []
    };
    await expect(addMeasure(ctx, editor, id, { ...base, changeReason: '' })).rejects.toThrow(
      /changeReason/
    );
    await expect(
      addMeasure(ctx, editor, id, { ...base, newGroupTitle: '', changeReason: 'x' })
    ).rejects.toThrow(/groupId/);
    await addMeasure(ctx, editor, id, { ...base, changeReason: 'Fler anmälningar om klotter' });
    const v = await getAgreementView(ctx, id, { year: 2019 });
    const group = v.revision!.groups.at(-1)!;
    expect(group.title).toBe('Skadegörelse');
    expect(group.measures[0]).toMatchObject({
      key: 'klotterrundor',
      title: 'Klotterrundor',
      target: { kind: 'interval', every: 2, unit: 'week' }
    });
  });

  it('refuses an editor of another municipality and keeps the audit chain whole', async () => {
    const other = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    await expect(addFocusArea(ctx, other, id, { title: 'Nej' })).rejects.toThrow(/redaktörer/);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });
});

describe.each(DATABASES)('guarding the plan’s history on $kind', ({ kind }) => {
  it('refuses impossible dates, plans outside the period, and changes to an earlier year’s plan', async () => {
    const { ctx, close } = await openTestContext(kind);
    try {
      const id = (await findNorsjoAgreementId(ctx))!;
      const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
      const head = {
        title: 'Norsjö – medborgarlöften',
        status: 'signed',
        periodStart: '2019-01-01',
        periodEnd: '2022-12-31',
        signedOn: ''
      };
      await expect(
        updateAgreementHead(ctx, editor, id, { ...head, periodStart: '2019-02-30' })
      ).rejects.toThrow(/periodStart: 2019-02-30 finns inte i kalendern/);
      await expect(
        updateAgreementHead(ctx, editor, id, { ...head, signedOn: '2018-13-45' })
      ).rejects.toThrow(/signedOn/);
      await expect(startRevision(ctx, editor, id, { year: 2030 })).rejects.toThrow(
        /year: Överenskommelsen gäller 2019–2022/
      );
      await expect(startRevision(ctx, editor, id, { year: 'tjugo' })).rejects.toThrow(
        /year: Ange året med siffror/
      );
      const old = (await getAgreementView(ctx, id, { year: 2019 })).revision!.groups[0]!
        .measures[0]!;
      await startRevision(ctx, editor, id, { year: 2020 });
      await expect(
        updateMeasure(ctx, editor, old.id, {
          title: old.title,
          targetText: '2 gånger per månad',
          changeReason: 'x',
          partyIds: [],
          focusAreaKeys: []
        })
      ).rejects.toThrow(/plan: Planen för 2019 är låst/);
      const now = (await getAgreementView(ctx, id, { year: 2020 })).revision!.groups[0]!
        .measures[0]!;
      const edit = {
        title: now.title,
        targetText: '2 gånger per månad',
        partyIds: [],
        focusAreaKeys: []
      };
      await updateMeasure(ctx, editor, now.id, { ...edit, changeReason: 'Fler beslag 2019.' });
      await updateMeasure(ctx, editor, now.id, {
        ...edit,
        description: 'Rättat stavfel.',
        changeReason: 'Stavfel.'
      });
      const diff = await compareRevisions(ctx, id, 2019, 2020);
      expect(diff.changes[0]?.reason).toBe('Fler beslag 2019. Stavfel.');
    } finally {
      await close();
    }
  });
});

describe.each(DATABASES)('following an effect over time on $kind', ({ kind }) => {
  it('records indicator values, accepts a decimal comma, and names a value that is not a number', async () => {
    const { ctx, close } = await openTestContext(kind);
    try {
      const id = (await findNorsjoAgreementId(ctx))!;
      const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
      await addEffect(ctx, editor, id, {
        title: 'Ökad upplevd trygghet.',
        direction: 'increase',
        indicatorName: 'Andel trygga',
        indicatorUnit: '%'
      });
      const indicator = (await getAgreementView(ctx, id)).effects.at(-1)!.indicators[0]!;
      await addIndicatorValue(ctx, editor, id, {
        indicatorId: indicator.id,
        date: '2021-10-01',
        value: '72,5'
      });
      await addIndicatorValue(ctx, editor, id, {
        indicatorId: indicator.id,
        date: '2022-10-01',
        value: '75'
      });
      await expect(
        addIndicatorValue(ctx, editor, id, {
          indicatorId: indicator.id,
          date: '2022-10-01',
          value: 'många'
        })
      ).rejects.toThrow(/value: Skriv värdet som ett tal/);
      expect((await getAgreementView(ctx, id)).effects.at(-1)!.indicators[0]!.values).toEqual([
        { date: '2021-10-01', value: 72.5 },
        { date: '2022-10-01', value: 75 }
      ]);
    } finally {
      await close();
    }
  });
});

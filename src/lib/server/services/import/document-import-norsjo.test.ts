import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { parseTarget } from '../../../core';
import type { Ctx } from '../../context';
import { norsjoDraft } from '../../seed/norsjo-draft';
import type { AgreementDraft } from '../agreements/agreement.schema';
import { suggestPoliceArea, toAgreementDraft } from './document-import-draft';
import { readLoefte } from './document-import.service';
import { norsjoIds } from '../../seed/norsjo.service';

const SEED = readFileSync('data/reference/norsjo-medborgarloften-2019.txt');

/** The measures of a draft as the fields the seed document states (keys and publication are decisions, not text). */
const measuresOf = (a: AgreementDraft) =>
  (a.plan.groups ?? []).flatMap((g) =>
    g.measures.map((m) => ({
      group: g.title,
      title: m.title,
      description: m.description,
      targetText: m.targetText,
      target: parseTarget(m.targetText),
      responsible: m.responsiblePartyId,
      parties: m.partyIds,
      focusAreas: m.focusAreaKeys
    }))
  );

describe.each(DATABASES)('the Norsjö seed document imported on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let imported: AgreementDraft;
  const demo = norsjoDraft(norsjoIds());
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    const { draft } = await readLoefte({ fileName: 'norsjo.txt', bytes: SEED });
    const police = await suggestPoliceArea(ctx.db, draft);
    expect(police).toEqual({ id: 'lpo-skelleftea', why: 'earlier-agreement' });
    imported = await toAgreementDraft(ctx.db, draft, { policeAreaId: police.id });
  });
  afterAll(() => close());

  it('has the demo agreement’s head: title, municipality, police area, period, texts', () => {
    for (const f of [
      'title',
      'municipalityIds',
      'policeAreaId',
      'partyIds',
      'periodStart',
      'periodEnd',
      'situationSummary',
      'communication'
    ] as const)
      expect(imported[f], f).toEqual(demo[f]);
    // The seed's period words are the document's sentence, then a note that the document also says 2019–2023.
    expect(demo.periodText?.startsWith(`${imported.periodText}.`)).toBe(true);
    expect(demo.periodText).toContain('Dokumentet säger också 2019–2023');
    // Accepting creates a draft; the demo agreement is the signed one.
    expect(imported.status).toBe('draft');
    expect(demo.status).toBe('signed');
  });

  it('has the same focus areas with keys, prevention types and special attention', () => {
    expect(imported.focusAreas).toEqual(demo.focusAreas);
  });

  it('has the same effects', () => {
    expect(imported.effects).toEqual(demo.effects);
  });

  it('has the same groups and every measure alike: title, description, target, parties, focus areas', () => {
    expect(imported.plan.groups?.map((g) => g.title)).toEqual(
      demo.plan.groups?.map((g) => g.title)
    );
    const got = measuresOf(imported);
    const want = measuresOf(demo);
    expect(got).toHaveLength(14);
    got.forEach((m, i) => expect(m, want[i]!.title).toEqual(want[i]));
  });
});

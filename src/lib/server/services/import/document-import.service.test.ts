import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import {
  acceptDocumentImport,
  getDocumentImport,
  startDocumentImport
} from './document-import.service';

const file = (path: string, fileName = path.split('/').pop()!) => ({
  fileName,
  bytes: new Uint8Array(readFileSync(path))
});
const SEED = 'data/reference/norsjo-medborgarloften-2019.txt';

describe.each(DATABASES)('document import on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
  });
  afterAll(() => close());

  it('keeps the draft for its uploader, and accepting creates the agreement as a draft', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const { id } = await startDocumentImport(ctx, editor, file(SEED));
    const view = await getDocumentImport(ctx, editor, id);
    expect(view.lines[0]).toBe('Norsjö – medborgarlöften');
    expect(view.draft.groups.flatMap((g) => g.measures)).toHaveLength(14);
    expect(view).toMatchObject({
      policeAreaId: 'lpo-skelleftea',
      policeAreaWhy: 'earlier-agreement'
    });

    const other = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    await expect(getDocumentImport(ctx, other, id)).rejects.toThrow(/finns inte eller har gått ut/);

    const { agreementId } = await acceptDocumentImport(ctx, editor, id, view.draft, {
      policeAreaId: 'lpo-skelleftea'
    });
    const agreement = await ctx.db
      .selectFrom('agreements')
      .select(['status', 'title', 'period_end', 'police_area_id'])
      .where('id', '=', agreementId)
      .executeTakeFirstOrThrow();
    expect(agreement).toEqual({
      status: 'draft',
      title: 'Norsjö – medborgarlöften',
      period_end: '2022-12-31',
      police_area_id: 'lpo-skelleftea'
    });
    const measures = await ctx.db
      .selectFrom('measures')
      .innerJoin('plan_revisions as r', 'r.id', 'measures.revision_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.agreement_id', '=', agreementId)
      .executeTakeFirstOrThrow();
    expect(Number(measures.n)).toBe(14);
    // No new parties: Norsjö's are found by name. The text is forgotten once accepted.
    const parties = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('owner_id', '=', 'kommun-2417')
      .execute();
    expect(parties).toHaveLength(8);
    const after = await getDocumentImport(ctx, editor, id);
    expect(after).toMatchObject({ acceptedAgreementId: agreementId, lines: [] });
    // Accepting twice does not make a second agreement.
    expect(
      await acceptDocumentImport(ctx, editor, id, view.draft, { policeAreaId: 'lpo-skelleftea' })
    ).toEqual({
      agreementId
    });
  });

  it('lets only editors import, and only for their own municipality or police area', async () => {
    const viewer = (await makeUser(ctx, 'viewer', 'kommun-2417')).actor;
    await expect(startDocumentImport(ctx, viewer, file(SEED))).rejects.toThrow(/Bara redaktörer/);
    await expect(startDocumentImport(ctx, null, file(SEED))).rejects.toThrow(/Logga in/);
    const elsewhere = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    const { id } = await startDocumentImport(ctx, elsewhere, file(SEED));
    const view = await getDocumentImport(ctx, elsewhere, id);
    await expect(
      acceptDocumentImport(ctx, elsewhere, id, view.draft, { policeAreaId: 'lpo-skelleftea' })
    ).rejects.toThrow(/där du är redaktör/);
  });

  it('creates the new parties a document names and asks for what is missing', async () => {
    const admin = (await makeUser(ctx, 'admin', 'kommun-2180')).actor;
    const { id } = await startDocumentImport(
      ctx,
      admin,
      file('test/fixtures/loften/gavle-2023.txt')
    );
    const view = await getDocumentImport(ctx, admin, id);
    expect(view.policeAreaId).toBeNull();
    await expect(
      acceptDocumentImport(ctx, admin, id, view.draft, { policeAreaId: null })
    ).rejects.toThrow(/Välj polisområde/);
    const { agreementId } = await acceptDocumentImport(ctx, admin, id, view.draft, {
      policeAreaId: 'lpo-skelleftea'
    });
    expect(agreementId).toBeTruthy();
    const names = await ctx.db
      .selectFrom('organisations')
      .select('name')
      .where('owner_id', '=', 'kommun-2180')
      .orderBy('name')
      .execute();
    expect(names.map((n) => n.name)).toEqual([
      'Bostadsbolagen',
      'Fastighetsägare',
      'Föräldraföreningar',
      'Trafikverket'
    ]);
  });

  it('refuses an accepted draft that still lacks a target, naming the field', async () => {
    const admin = (await makeUser(ctx, 'admin', 'kommun-0123')).actor;
    const { id } = await startDocumentImport(
      ctx,
      admin,
      file('test/fixtures/loften/jarfalla-2024.txt')
    );
    const view = await getDocumentImport(ctx, admin, id);
    await expect(
      acceptDocumentImport(ctx, admin, id, view.draft, { policeAreaId: 'lpo-skelleftea' })
    ).rejects.toThrow(/targetText: Skriv målet/);
    const parties = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('owner_id', '=', 'kommun-0123')
      .execute();
    expect(parties).toEqual([]);
  });

  it('forgets drafts after a week', async () => {
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const { id } = await startDocumentImport(ctx, editor, { text: readFileSync(SEED, 'utf8') });
    expect((await getDocumentImport(ctx, editor, id)).fileName).toBe('Inklistrad text');
    clock.advance(7 * 86_400_000 + 1);
    await expect(getDocumentImport(ctx, editor, id)).rejects.toThrow(/gått ut/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { SYSTEM } from '../../auth/policy';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { reportVersionPdf } from './report-pdf.service';
import { widgetSummary } from './widget.service';
import { createReport, publishReport } from './report.service';
import {
  LOGO_MAX_BYTES,
  municipalityLogo,
  profileForEditing,
  publicProfile,
  saveMunicipalityProfile
} from './municipality-profile.service';

const NORSJO = 'kommun-2417';
// The smallest PNG: a signature and enough bytes to be recognised as one.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
// A real 1×1 PNG, which the PDF library can draw.
const REAL_PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64'
  )
);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');

const fieldsOf = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fields;
};

describe.each(DATABASES)('a municipality’s profile on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  let reporter: Actor;
  let elsewhere: Actor;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', NORSJO)).actor;
    reporter = (await makeUser(ctx, 'reporter', NORSJO)).actor;
    elsewhere = (await makeUser(ctx, 'editor', 'kommun-2482')).actor;
  });
  afterAll(() => close());

  it('has none until an editor saves one', async () => {
    expect(await publicProfile(ctx, NORSJO, '2417')).toEqual({
      colour: null,
      logo: null,
      contact: null
    });
  });

  it('saves colour, contact and a PNG logo, and shows them publicly', async () => {
    await saveMunicipalityProfile(
      ctx,
      editor,
      '2417',
      {
        colour: '#1A4D8F',
        logoAlt: 'Norsjö kommuns logotyp',
        contactName: 'Anna Andersson, trygghetssamordnare',
        contactEmail: 'anna.andersson@norsjo.se',
        contactPhone: '0918-141 00'
      },
      { bytes: PNG }
    );
    const p = await publicProfile(ctx, NORSJO, '2417');
    expect(p.colour).toBe('#1a4d8f');
    expect(p.contact).toEqual({
      name: 'Anna Andersson, trygghetssamordnare',
      email: 'anna.andersson@norsjo.se',
      phone: '0918-141 00'
    });
    expect(p.logo?.alt).toBe('Norsjö kommuns logotyp');
    expect(p.logo?.href).toMatch(/^\/kommuner\/2417\/logotyp\?v=[0-9a-f]{10}$/);
    expect((await widgetSummary(ctx, '2417', 'https://x.se')).colour).toBe('#1a4d8f');
    const logo = await municipalityLogo(ctx, '2417');
    expect(logo.type).toBe('image/png');
    expect([...logo.bytes]).toEqual([...PNG]);
  });

  it('keeps the logo when no new file is chosen, and removes it when asked', async () => {
    await saveMunicipalityProfile(
      ctx,
      editor,
      '2417',
      { colour: '#1a4d8f' },
      { bytes: new Uint8Array() }
    );
    expect((await profileForEditing(ctx, editor, '2417')).hasLogo).toBe(true);
    await saveMunicipalityProfile(
      ctx,
      editor,
      '2417',
      { colour: '' },
      { bytes: new Uint8Array(), remove: true }
    );
    const p = await publicProfile(ctx, NORSJO, '2417');
    expect(p).toMatchObject({ colour: null, logo: null, contact: null });
  });

  it('refuses a colour white text cannot be read on, naming the field and the ratio', async () => {
    const fields = await fieldsOf(
      saveMunicipalityProfile(ctx, editor, '2417', { colour: '#f6c453' })
    );
    expect(fields[0]?.field).toBe('colour');
    expect(fields[0]?.message).toMatch(/för låg kontrast mot vit text \(1,\d:1\).*4,5:1/);
    expect(
      (await fieldsOf(saveMunicipalityProfile(ctx, editor, '2417', { colour: 'blue' })))[0]?.field
    ).toBe('colour');
  });

  it('refuses an SVG or a logo over the size limit, and a wrong e-mail address', async () => {
    expect(
      (await fieldsOf(saveMunicipalityProfile(ctx, editor, '2417', {}, { bytes: SVG })))[0]
    ).toMatchObject({
      field: 'logo',
      message: expect.stringContaining('PNG- eller JPEG')
    });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG);
    expect(
      (await fieldsOf(saveMunicipalityProfile(ctx, editor, '2417', {}, { bytes: big })))[0]?.message
    ).toContain('högst 200 kB');
    expect(
      (await fieldsOf(saveMunicipalityProfile(ctx, editor, '2417', { contactEmail: 'anna@' })))[0]
        ?.field
    ).toBe('contactEmail');
  });

  it('lets only the municipality’s own editors change it', async () => {
    await expect(saveMunicipalityProfile(ctx, reporter, '2417', {})).rejects.toBeInstanceOf(
      ForbiddenError
    );
    await expect(saveMunicipalityProfile(ctx, elsewhere, '2417', {})).rejects.toBeInstanceOf(
      ForbiddenError
    );
    await expect(profileForEditing(ctx, elsewhere, '2417')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('puts the logo at the top of both report PDFs, and leaves out one it cannot read', async () => {
    const agreementId = (await findNorsjoAgreementId(ctx))!;
    const { id } = await createReport(ctx, SYSTEM, agreementId, { kind: 'year', year: 2020 });
    await publishReport(ctx, SYSTEM, agreementId, id);
    const where = { code: '2417', reportId: id, version: 1, origin: 'http://localhost' };
    const hasImage = (b: Buffer) => b.toString('latin1').includes('/Subtype /Image');
    expect(hasImage((await reportVersionPdf(ctx, where, 'rapport')).bytes)).toBe(false);
    await saveMunicipalityProfile(ctx, editor, '2417', { colour: '#7a1f5c' }, { bytes: REAL_PNG });
    expect(hasImage((await reportVersionPdf(ctx, where, 'rapport')).bytes)).toBe(true);
    expect(hasImage((await reportVersionPdf(ctx, where, 'sammanfattning')).bytes)).toBe(true);
    // A file that starts like a PNG but is not one: the report is still made, without it.
    await saveMunicipalityProfile(ctx, editor, '2417', {}, { bytes: PNG });
    const pdf = (await reportVersionPdf(ctx, where, 'rapport')).bytes;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(hasImage(pdf)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isPersonnummer, luhnControlDigit, maskPersonalData } from './personal-data';

describe('personal identity numbers', () => {
  it('computes the Luhn control digit by hand-checked examples', () => {
    // 8 1 1 2 2 8 9 8 7 → 16,1,2,2,4,8,18,8,14 → 7+1+2+2+4+8+9+8+5 = 46 → 4
    expect(luhnControlDigit('811228987')).toBe(4);
    // 7 0 1 0 6 3 2 3 9 → 5+0+2+0+3+3+4+3+9 = 29 → 1
    expect(luhnControlDigit('701063239')).toBe(1);
  });

  it('accepts the written forms with a correct control digit', () => {
    for (const v of ['811228-9874', '8112289874', '19811228-9874', '198112289874', '811228+9874'])
      expect(isPersonnummer(v), v).toBe(true);
  });

  it('accepts a coordination number (day + 60)', () => {
    expect(isPersonnummer('701063-2391')).toBe(true);
  });

  it('refuses a wrong control digit, an impossible date and a wrong century', () => {
    expect(isPersonnummer('811228-9875')).toBe(false);
    expect(isPersonnummer('811328-9874')).toBe(false);
    expect(isPersonnummer('811200-9874')).toBe(false);
    expect(isPersonnummer('701093-2391')).toBe(false);
    expect(isPersonnummer('218112289874')).toBe(false);
  });
});

describe('masking free text', () => {
  it('masks a valid personnummer and leaves a number with a wrong control digit', () => {
    expect(maskPersonalData('Mitt nr är 811228-9874.').masked).toBe('Mitt nr är [personnummer].');
    expect(maskPersonalData('Ärende 811228-9875.').masked).toBe('Ärende 811228-9875.');
    expect(maskPersonalData('Född 19811228-9874 i Norsjö').found).toEqual(['personnummer']);
  });

  it('masks Swedish phone numbers in their usual forms', () => {
    for (const p of [
      '070-123 45 67',
      '+46 70 123 45 67',
      '0910-123 45',
      '0701234567',
      '08-123 456 78',
      '0046 70 123 45 67'
    ]) {
      expect(maskPersonalData(`Ring ${p} i kväll`).masked, p).toBe('Ring [telefonnummer] i kväll');
    }
  });

  it('gives back a number written after a phone number and leaves dates and years alone', () => {
    expect(maskPersonalData('ring 070-123 45 67 2 gånger').masked).toBe(
      'ring [telefonnummer] 2 gånger'
    );
    const plain = 'Sedan 2019-05-01 kör 10 mopeder förbi kl 22';
    expect(maskPersonalData(plain)).toEqual({ masked: plain, found: [] });
  });

  it('masks e-mail addresses', () => {
    expect(maskPersonalData('Mejla anna.svensson@exempel.se!').masked).toBe('Mejla [e-post]!');
  });

  it('masks street addresses with a Swedish street suffix and a number', () => {
    expect(maskPersonalData('Bråk vid Storgatan 12 varje helg').masked).toBe(
      'Bråk vid [adress] varje helg'
    );
    expect(maskPersonalData('Inbrott på Västra Skolvägen 3B i våras').masked).toBe(
      'Inbrott på [adress] i våras'
    );
    expect(maskPersonalData('Mörkt på Storgatan på kvällen').masked).toBe(
      'Mörkt på Storgatan på kvällen'
    );
  });

  it('masks names after "heter", known first names and name + surname pairs', () => {
    expect(maskPersonalData('Killen heter Dragan och säljer').masked).toBe(
      'Killen heter [namn] och säljer'
    );
    expect(maskPersonalData('Det är Kalle som kör epa').masked).toBe('Det är [namn] som kör epa');
    expect(maskPersonalData('Grannen Göte Lindqvist vet').masked).toBe('Grannen [namn] vet');
    expect(maskPersonalData('Mer ljus i Norsjö Centrum').masked).toBe('Mer ljus i Norsjö Centrum');
  });

  it('masks a personnummer, a phone number and an e-mail address in one answer', () => {
    const r = maskPersonalData(
      'Jag är 811228-9874, nås på 070-123 45 67 eller kontakt@exempel.se om langningen.'
    );
    expect(r.masked).toBe(
      'Jag är [personnummer], nås på [telefonnummer] eller [e-post] om langningen.'
    );
    expect(r.found).toEqual(['personnummer', 'phone', 'email']);
  });
  it('masks known first names in all lower or all upper case, with a surname after', () => {
    expect(maskPersonalData('det är kalle som kör epa').masked).toBe('det är [namn] som kör epa');
    expect(maskPersonalData('KALLE ANDERSSON SÄLJER VID SKOLAN').masked).toBe(
      '[namn] SÄLJER VID SKOLAN'
    );
    expect(maskPersonalData('anna och erik bråkar vid macken').masked).toBe(
      '[namn] och [namn] bråkar vid macken'
    );
    expect(maskPersonalData('jag heter kalle andersson').masked).toBe('jag heter [namn]');
    expect(maskPersonalData('HAN HETER DRAGAN').masked).toBe('HAN HETER [namn]');
  });

  it('leaves ordinary Swedish sentences intact, also names that are ordinary words', () => {
    for (const plain of [
      'jag vill ha mer ljus på vägen till skolan och fler vuxna ute på kvällarna',
      'Per dag kör tio mopeder förbi, hans bil står vid stigen och en björn syntes.',
      'Hans bil står där varje kväll. Bo i Norsjö är tryggt.',
      'det är en saga, men en karl med axel i gips gick längs stigen',
      'vad heter det där stället vid älven? det heter att man ska vara tyst',
      'MER LJUS VID BUSSHÅLLPLATSEN, DET ÄR MÖRKT',
      'vi ses at nio vid affären',
      'Mer ljus i Norsjö Centrum'
    ])
      expect(maskPersonalData(plain), plain).toEqual({ masked: plain, found: [] });
  });

  it('masks e-mail addresses written to dodge filters', () => {
    for (const e of [
      'kalle at gmail dot com',
      'kalle(at)gmail.com',
      'kalle (at) gmail.com',
      'kalle [at] gmail punkt com',
      'KALLE AT GMAIL DOT COM',
      'anna.s snabel-a exempel punkt se'
    ])
      expect(maskPersonalData(`mejla ${e} i kväll`).masked, e).toBe('mejla [e-post] i kväll');
  });
});

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/server/db/schema';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Every form action and API method, called over HTTP by anonymous, viewer, reporter, editor and
 * admin, in the agreement's own municipality (Norsjö) and in another (Skellefteå): the status,
 * and that a refused call changed nothing in the database. A route file that gains an action or
 * a method without a row here makes the first test fail.
 *
 * Who may: 'public' (anyone), 'signed-in' (anyone signed in, acting on their own account),
 * or a least role in the organisation the thing belongs to ('own'), or in any organisation (a new
 * draft, which is its creator's own until the others accept). Admins administer the whole
 * instance (docs/SECURITY.md), so an admin of another organisation is allowed where an editor is.
 */
type Access = 'public' | 'signed-in' | { least: Role; anyOrg?: true };

type Call = {
  method: string;
  path: string;
  form?: Record<string, string | string[]>;
  json?: unknown;
};

type Row = { key: string; access: Access; call: (f: Fixture) => Call };

type Fixture = {
  agreementId: string;
  measureId: string;
  /** Another measure of the same plan, for the rows that change or remove one. */
  planMeasureId: string;
  measureKey: string;
  focusId: string;
  effectId: string;
  indicatorId: string;
  partyId: string;
  newsId: string;
  eventId: string;
  contactId: string;
  reportId: string;
  dialogueId: string;
  surveyId: string;
  questionId: string;
  themeId: string;
  citationId: string;
  importId: string;
  activityId: string;
  assessmentVersion: number;
  /** A planned walk ahead of the real clock, one of its observations, and an owner link to it. */
  walkId: string;
  /** A planned door-knocking round of the same measure (its contacts: samtal). */
  roundId: string;
  observationId: string;
  ownerToken: string;
  /** An observation of the walk given to Norsjö kommun (an owner with accounts). */
  ownedObservationId: string;
};

const A = (f: Fixture) => `/avtal/${f.agreementId}`;
const S = (f: Fixture) => `/kommuner/2417/enkater/${f.surveyId}`;
const editor: Access = { least: 'editor' };
const reporter: Access = { least: 'reporter' };
const viewer: Access = { least: 'viewer' };
/** Any organisation's editor may start a draft of its own (it names the others only as invited). */
const anyEditor: Access = { least: 'editor', anyOrg: true };

const ROWS: Row[] = [
  // Public and personal
  {
    key: 'POST /logga-in default',
    access: 'public',
    call: () => ({
      method: 'POST',
      path: '/logga-in',
      form: { email: 'nobody@example.se', password: 'x' }
    })
  },
  {
    key: 'POST /logga-ut default',
    access: 'public',
    call: () => ({ method: 'POST', path: '/logga-ut', form: {} })
  },
  {
    key: 'POST /tillganglighet default',
    access: 'public',
    call: () => ({ method: 'POST', path: '/tillganglighet', form: { page: '/', description: '' } })
  },
  {
    key: 'POST /enkat/[id] default',
    access: 'public',
    call: (f) => ({ method: 'POST', path: `/enkat/${f.surveyId}`, form: {} })
  },
  // A resident has no account: the confirmation and unsubscribe tokens authorise, and a missing
  // or forged token changes nothing.
  {
    key: 'POST /kommuner/[code]/prenumerera default',
    access: 'public',
    call: () => ({
      method: 'POST',
      path: '/kommuner/2417/prenumerera',
      form: { email: 'invanare@example.se' }
    })
  },
  {
    key: 'POST /prenumeration/bekrafta default',
    access: 'public',
    call: () => ({ method: 'POST', path: '/prenumeration/bekrafta?token=not-a-token', form: {} })
  },
  {
    key: 'POST /prenumeration/avsluta default',
    access: 'public',
    call: () => ({ method: 'POST', path: '/prenumeration/avsluta?token=not-a-token', form: {} })
  },
  {
    key: 'POST /konto password',
    access: 'signed-in',
    call: () => ({
      method: 'POST',
      path: '/konto?/password',
      form: { current: 'wrong', next: 'x', repeat: 'y' }
    })
  },
  {
    key: 'POST /konto createToken',
    access: 'signed-in',
    call: () => ({ method: 'POST', path: '/konto?/createToken', form: { name: 'test' } })
  },
  {
    key: 'POST /konto revokeToken',
    access: 'signed-in',
    call: () => ({ method: 'POST', path: '/konto?/revokeToken', form: { id: 'none' } })
  },
  // Administration: instance administrators only (docs/SECURITY.md, "Administration")
  {
    key: 'POST /admin invite',
    access: { least: 'admin' },
    call: () => ({
      method: 'POST',
      path: '/admin?/invite',
      form: { email: 'tabell@mala.se', name: 'Tabell Test', organisation: '2418', role: 'viewer' }
    })
  },
  {
    key: 'POST /admin role',
    access: { least: 'admin' },
    call: () => ({
      method: 'POST',
      path: '/admin?/role',
      form: { email: 'kommun@demo.loften.se', organisation: '2418', role: 'viewer' }
    })
  },
  {
    key: 'POST /admin removeRole',
    access: { least: 'admin' },
    call: () => ({
      method: 'POST',
      path: '/admin?/removeRole',
      form: { userId: 'none', organisationId: 'kommun-2417' }
    })
  },
  {
    key: 'POST /admin deactivate',
    access: { least: 'admin' },
    call: () => ({ method: 'POST', path: '/admin?/deactivate', form: { userId: 'none' } })
  },
  {
    key: 'POST /admin reactivate',
    access: { least: 'admin' },
    call: () => ({ method: 'POST', path: '/admin?/reactivate', form: { userId: 'none' } })
  },
  {
    key: 'POST /admin/inloggning configure',
    access: { least: 'admin' },
    call: () => ({
      method: 'POST',
      path: '/admin/inloggning?/configure',
      form: {
        organisation: '2417',
        name: 'Test',
        issuer: 'http://example.se',
        clientId: 'x',
        clientSecret: 'y'
      }
    })
  },
  {
    key: 'POST /admin/polisomraden add',
    access: { least: 'admin' },
    // A new name each call, so that the admin's call succeeds (a repeated name is a 400).
    call: () => ({
      method: 'POST',
      path: '/admin/polisomraden?/add',
      form: {
        region: 'polisregion-nord',
        name: `Lokalpolisområde Test ${crypto.randomUUID().slice(0, 6)}`,
        municipalities: '2480'
      }
    })
  },
  {
    key: 'POST /att-gora createFeed',
    access: 'signed-in',
    call: () => ({ method: 'POST', path: '/att-gora?/createFeed', form: {} })
  },
  {
    key: 'POST /att-gora revokeFeed',
    access: 'signed-in',
    call: () => ({ method: 'POST', path: '/att-gora?/revokeFeed', form: {} })
  },
  {
    key: 'POST /att-gora digest',
    access: 'signed-in',
    call: () => ({ method: 'POST', path: '/att-gora?/digest', form: {} })
  },
  {
    key: 'POST /avtal/ny default',
    access: anyEditor,
    call: () => ({ method: 'POST', path: '/avtal/ny', form: { title: '' } })
  },
  {
    key: 'POST /avtal/importera default',
    access: anyEditor,
    call: () => ({ method: 'POST', path: '/avtal/importera', form: { text: '' } })
  },
  {
    key: 'POST /avtal/importera/[importId] accept',
    access: editor,
    call: (f) => ({ method: 'POST', path: `/avtal/importera/${f.importId}?/accept`, form: {} })
  },

  // The agreement: head, focus areas, effects, parties
  {
    key: 'POST /avtal/[id]/redigera head',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/head`,
      form: {
        title: 'Ändrad titel',
        status: 'signed',
        periodStart: '2019-01-01',
        periodEnd: '2026-12-31',
        periodText: '2019–2026',
        situationSummary: '',
        communication: '',
        signedOn: ''
      }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera addFocus',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/addFocus`,
      form: { title: 'Nytt fokusområde', description: '', specialAttention: '' }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera updateFocus',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/updateFocus`,
      form: { id: f.focusId, title: 'Ändrat fokusområde', description: '', specialAttention: '' }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera removeFocus',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/removeFocus`,
      form: { id: f.focusId }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera addEffect',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/addEffect`,
      form: {
        title: 'Ökad trygghet',
        direction: 'increase',
        indicatorName: '',
        indicatorUnit: '',
        indicatorSource: ''
      }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera updateEffect',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/updateEffect`,
      form: {
        id: f.effectId,
        title: 'Ändrad effekt',
        direction: 'increase',
        indicatorName: '',
        indicatorUnit: '',
        indicatorSource: ''
      }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera removeEffect',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/removeEffect`,
      form: { id: f.effectId }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera addValue',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/addValue`,
      form: { indicatorId: f.indicatorId, date: '2025-12-31', value: '42' }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera addParty',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/addParty`,
      form: { name: 'Bostadsbolaget', partyType: 'other' }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera updateParty',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/updateParty`,
      form: { id: f.partyId, name: 'Ändrad part', partyType: 'other' }
    })
  },
  {
    key: 'POST /avtal/[id]/redigera removeParty',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/redigera?/removeParty`,
      form: { id: f.partyId }
    })
  },

  // The plan and its measures
  {
    key: 'POST /avtal/[id]/plan start',
    access: editor,
    call: (f) => ({ method: 'POST', path: `${A(f)}/plan?/start`, form: { year: '2027', note: '' } })
  },
  {
    key: 'POST /avtal/[id]/atgard/ny default',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/atgard/ny`,
      form: { title: 'Ny åtgärd', targetText: '2 gånger per år', visibility: 'public' }
    })
  },
  {
    key: 'POST /avtal/[id]/atgard/[measureId] save',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/atgard/${f.planMeasureId}?/save`,
      form: { title: 'Ändrad åtgärd', targetText: '3 gånger per år', changeReason: 'test' }
    })
  },
  {
    key: 'POST /avtal/[id]/atgard/[measureId] remove',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/atgard/${f.planMeasureId}?/remove`,
      form: { reason: 'test' }
    })
  },

  // Logging
  {
    key: 'POST /logga default',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: '/logga',
      form: { measureId: f.measureId, date: '2026-11-20', count: '1' }
    })
  },
  {
    key: 'POST /avtal/[id]/import upload',
    access: reporter,
    call: (f) => ({ method: 'POST', path: `${A(f)}/import?/upload`, form: {} })
  },
  {
    key: 'POST /avtal/[id]/import headerRow',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/import?/headerRow`,
      form: { fil: 'none', headerRow: '2' }
    })
  },
  {
    key: 'POST /avtal/[id]/import import',
    access: reporter,
    call: (f) => ({ method: 'POST', path: `${A(f)}/import?/import`, form: { uploadId: 'none' } })
  },
  {
    key: 'POST /api/v1/activities',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: '/api/v1/activities',
      json: { measureId: f.measureId, date: '2026-11-20', count: 1 }
    })
  },
  {
    key: 'PATCH /api/v1/activities/[id]',
    access: editor,
    call: (f) => ({
      method: 'PATCH',
      path: `/api/v1/activities/${f.activityId}`,
      json: { count: 2 }
    })
  },
  {
    key: 'DELETE /api/v1/activities/[id]',
    access: editor,
    call: (f) => ({ method: 'DELETE', path: `/api/v1/activities/${f.activityId}` })
  },
  {
    key: 'POST /api/v1/activities/[id]/restore',
    access: editor,
    call: (f) => ({ method: 'POST', path: `/api/v1/activities/${f.activityId}/restore` })
  },
  // The fixture's activity is not the test reporter's own: correcting it takes an editor.
  {
    key: 'POST /logga/mina andra',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: '/logga/mina?/andra',
      form: { id: f.activityId, count: '2', date: '2026-11-20', place: '', note: '' }
    })
  },
  {
    key: 'POST /logga/mina angra',
    access: editor,
    call: (f) => ({ method: 'POST', path: '/logga/mina?/angra', form: { id: f.activityId } })
  },

  // Publication
  {
    key: 'POST /avtal/[id]/nyheter create',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/nyheter?/create`,
      form: { title: 'Nyhet', body: 'Text', publishedOn: '2026-11-20' }
    })
  },
  {
    key: 'POST /avtal/[id]/nyheter delete',
    access: editor,
    call: (f) => ({ method: 'POST', path: `${A(f)}/nyheter?/delete`, form: { id: f.newsId } })
  },
  {
    key: 'POST /avtal/[id]/evenemang create',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/evenemang?/create`,
      form: {
        kind: 'safety-walk',
        title: 'Trygghetsvandring',
        date: '2027-05-10',
        startTime: '18:00',
        endTime: '20:00',
        place: 'Torget',
        description: ''
      }
    })
  },
  {
    key: 'POST /avtal/[id]/evenemang cancel',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/evenemang?/cancel`,
      form: { eventId: f.eventId }
    })
  },
  {
    key: 'POST /avtal/[id]/evenemang restore',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/evenemang?/restore`,
      form: { eventId: f.eventId }
    })
  },
  {
    key: 'POST /avtal/[id]/evenemang addContact',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/evenemang?/addContact`,
      form: {
        name: 'Kim Kontakt',
        role: 'Samordnare',
        organisation: 'Norsjö kommun',
        email: 'kim@example.se',
        phone: ''
      }
    })
  },
  {
    key: 'POST /avtal/[id]/evenemang removeContact',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/evenemang?/removeContact`,
      form: { contactId: f.contactId }
    })
  },
  {
    key: 'POST /avtal/[id]/evenemang/[eventId] default',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/evenemang/${f.eventId}`,
      form: {
        kind: 'safety-walk',
        title: 'Ändrad vandring',
        date: '2027-05-11',
        startTime: '18:00',
        endTime: '20:00',
        place: 'Torget',
        description: ''
      }
    })
  },
  {
    key: 'POST /avtal/[id]/rapporter default',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/rapporter`,
      form: { kind: 'year', year: '2021' }
    })
  },
  {
    key: 'POST /avtal/[id]/rapporter/[reportId] save',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/rapporter/${f.reportId}?/save`,
      form: { summary: 'Sammanfattning' }
    })
  },
  {
    key: 'POST /avtal/[id]/rapporter/[reportId] publish',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/rapporter/${f.reportId}?/publish`,
      form: { summary: 'Sammanfattning' }
    })
  },

  // Dialogue and the situational picture
  {
    key: 'POST /avtal/[id]/dialog/ny default',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/dialog/ny`,
      form: { kind: 'open-meeting', title: 'Öppet möte', heldOn: '2026-11-01', summary: '' }
    })
  },
  {
    key: 'POST /avtal/[id]/dialog/[dialogId]/redigera default',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/dialog/${f.dialogueId}/redigera`,
      form: { kind: 'open-meeting', title: 'Ändrat möte', heldOn: '2026-11-01', summary: '' }
    })
  },
  {
    key: 'POST /avtal/[id]/lagesbild save',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/lagesbild?/save`,
      form: { summary: 'Ändrad lägesbild' }
    })
  },
  {
    key: 'POST /avtal/[id]/lagesbild approve',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/lagesbild?/approve`,
      form: { version: String(f.assessmentVersion) }
    })
  },
  {
    key: 'POST /avtal/[id]/lagesbild links',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/lagesbild?/links`,
      form: { [`focus_${f.themeId}`]: f.focusId }
    })
  },
  {
    key: 'POST /avtal/[id]/lagesbild/underlag add',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/lagesbild/underlag?/add`,
      form: { measureKey: f.measureKey, kind: 'theme', themeId: f.themeId }
    })
  },
  {
    key: 'POST /avtal/[id]/lagesbild/underlag remove',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/lagesbild/underlag?/remove`,
      form: { id: f.citationId }
    })
  },

  // Surveys and the risk calendar under the municipality
  {
    key: 'POST /kommuner/[code]/enkater default',
    access: editor,
    call: () => ({
      method: 'POST',
      path: '/kommuner/2417/enkater',
      form: { titleSv: 'Trygghetsenkät', template: 'standard' }
    })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id] update',
    access: editor,
    call: (f) => ({ method: 'POST', path: `${S(f)}?/update`, form: { titleSv: 'Ändrad enkät' } })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id] add',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${S(f)}?/add`,
      form: { kind: 'text', textSv: 'Vad tycker du?' }
    })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id] remove',
    access: editor,
    call: (f) => ({ method: 'POST', path: `${S(f)}?/remove`, form: { questionId: f.questionId } })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id]/koder default',
    access: editor,
    call: (f) => ({ method: 'POST', path: `${S(f)}/koder`, form: { count: '3' } })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id]/klasskoder default',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${S(f)}/klasskoder`,
      form: { label: '8B', capacity: '30' }
    })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id]/kodning redact',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${S(f)}/kodning?/redact`,
      form: { answerId: 'no-such-answer', mode: 'mask' }
    })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id]/papper default',
    access: reporter,
    call: (f) => ({ method: 'POST', path: `${S(f)}/papper`, form: {} })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id]/kodning decide',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${S(f)}/kodning?/decide`,
      form: { themeId: f.themeId, decision: 'confirm' }
    })
  },
  {
    key: 'POST /kommuner/[code]/enkater/[id]/kodning theme',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${S(f)}/kodning?/theme`,
      form: { label: 'Nytt tema', keywords: 'ny' }
    })
  },
  {
    key: 'POST /kommuner/[code]/riskhelger default',
    access: editor,
    call: () => ({
      method: 'POST',
      path: '/kommuner/2417/riskhelger',
      form: { date: '2027-04-30', name: 'Valborg', active: 'true' }
    })
  },
  {
    key: 'POST /kommuner/[code]/skolkalender default',
    access: editor,
    call: () => ({
      method: 'POST',
      path: '/kommuner/2417/skolkalender',
      form: { year: '2027', entry: 'hostlov', from: '2027-11-01', to: '2027-11-07' }
    })
  },
  {
    key: 'POST /kommuner/[code]/installningar default',
    access: editor,
    // Urlencoded: no logo file means "keep the logo".
    call: () => ({
      method: 'POST',
      path: '/kommuner/2417/installningar',
      form: {
        colour: '#1a4d8f',
        contactName: 'Anna Andersson',
        contactEmail: '',
        contactPhone: '',
        logoAlt: ''
      }
    })
  },

  // Walks: editors plan, assign, approve, hold and cancel; reporters record observations; the
  // tip form and the owner link are public. 'held' and 'cancel' change the walk, so they come last.
  {
    key: 'POST /avtal/[id]/vandringar plan',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar?/plan`,
      form: {
        measureKey: f.measureKey,
        kind: 'trygghetsvandring',
        area: 'Centrum',
        meetingPoint: 'Torget',
        date: '2027-05-11',
        startTime: '18:00',
        endTime: '20:00',
        invitedGroups: 'Boende'
      }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId] observe',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar/${f.walkId}?/observe`,
      form: { category: 'trafik', description: 'Fortkörning vid skolan', lat: '', lng: '' }
    })
  },
  {
    key: 'POST /api/v1/walks/[id]/observations',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: `/api/v1/walks/${f.walkId}/observations`,
      json: { category: 'trafik', description: 'Fortkörning vid skolan' }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId]/samtal contact',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar/${f.roundId}/samtal?/contact`,
      form: { people: '2', households: '1', said: 'Mopeder kör fort', themes: 'trafik' }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId]/samtal/skicka',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar/${f.roundId}/samtal/skicka`,
      json: { people: 2, said: 'Mopeder kör fort', themes: ['trafik'] }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId] assign',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar/${f.walkId}?/assign`,
      // The same owner: the fixture's owner link stays valid for the owner row below.
      form: { observationId: f.observationId, owner: 'Gatukontoret', dueOn: '2027-06-15' }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId] status',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar/${f.walkId}?/status`,
      form: { observationId: f.observationId, status: 'accepterad', note: '' }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId] publish',
    access: editor,
    call: (f) => ({
      method: 'POST',
      path: `${A(f)}/vandringar/${f.walkId}?/publish`,
      form: { observationId: f.observationId, approved: '1' }
    })
  },
  {
    key: 'POST /kommuner/[code]/vandringar/[walkId] tip',
    access: 'public',
    call: (f) => ({
      method: 'POST',
      path: `/kommuner/2417/vandringar/${f.walkId}?/tip`,
      form: { description: 'Mörk gångtunnel', lat: '', lng: '' }
    })
  },
  {
    key: 'POST /vandringar/agare/[token] default',
    access: 'public',
    call: (f) => ({
      method: 'POST',
      path: `/vandringar/agare/${f.ownerToken}`,
      form: { status: 'pågår', note: 'Beställt' }
    })
  },
  // An owner with accounts: reporters (and up) of the organisation the observation is given to.
  {
    key: 'POST /vandringar/iakttagelser/[id] default',
    access: reporter,
    call: (f) => ({
      method: 'POST',
      path: `/vandringar/iakttagelser/${f.ownedObservationId}`,
      form: { status: 'pågår', note: 'Beställt' }
    })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId] held',
    access: editor,
    // The walk lies ahead: the editor gets a 400 (not yet held), everyone else 401/403/404.
    call: (f) => ({ method: 'POST', path: `${A(f)}/vandringar/${f.walkId}?/held`, form: {} })
  },
  {
    key: 'POST /avtal/[id]/vandringar/[walkId] cancel',
    access: editor,
    call: (f) => ({ method: 'POST', path: `${A(f)}/vandringar/${f.walkId}?/cancel`, form: {} })
  },

  // Reads: public ones answer everyone; staff exports need a role in the agreement's organisations
  {
    key: 'GET /api/v1/activities',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/api/v1/activities?agreementId=${f.agreementId}` })
  },
  {
    key: 'GET /api/v1/agreements',
    access: 'public',
    call: () => ({ method: 'GET', path: '/api/v1/agreements' })
  },
  {
    key: 'GET /api/v1/agreements/[id]',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/api/v1/agreements/${f.agreementId}` })
  },
  {
    key: 'GET /api/v1/agreements/[id]/follow-up',
    access: 'public',
    call: (f) => ({
      method: 'GET',
      path: `/api/v1/agreements/${f.agreementId}/follow-up?period=year`
    })
  },
  {
    key: 'GET /api/v1/health',
    access: 'public',
    call: () => ({ method: 'GET', path: '/api/v1/health' })
  },
  {
    key: 'GET /api/v1/openapi.json',
    access: 'public',
    call: () => ({ method: 'GET', path: '/api/v1/openapi.json' })
  },
  {
    key: 'GET /api/v1/widget/[code]',
    access: 'public',
    call: () => ({ method: 'GET', path: '/api/v1/widget/2417' })
  },
  {
    key: 'GET /api/v1/walks',
    access: 'public',
    call: () => ({ method: 'GET', path: '/api/v1/walks' })
  },
  {
    key: 'GET /api/v1/walks/[id]/observations',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/api/v1/walks/${f.walkId}/observations` })
  },
  { key: 'GET /widget.js', access: 'public', call: () => ({ method: 'GET', path: '/widget.js' }) },
  {
    key: 'GET /robots.txt',
    access: 'public',
    call: () => ({ method: 'GET', path: '/robots.txt' })
  },
  {
    key: 'GET /sitemap.xml',
    access: 'public',
    call: () => ({ method: 'GET', path: '/sitemap.xml' })
  },
  {
    key: 'GET /granskning/kontrollpunkter.json',
    access: 'public',
    call: () => ({ method: 'GET', path: '/granskning/kontrollpunkter.json' })
  },
  {
    key: 'GET /granskning/kontrollpunkter.atom',
    access: 'public',
    call: () => ({ method: 'GET', path: '/granskning/kontrollpunkter.atom' })
  },
  {
    key: 'GET /widget.css',
    access: 'public',
    call: () => ({ method: 'GET', path: '/widget.css' })
  },
  {
    key: 'GET /data/[id]/plan.csv',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/data/${f.agreementId}/plan.csv` })
  },
  {
    key: 'GET /data/[id]/uppfoljning.csv',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/data/${f.agreementId}/uppfoljning.csv` })
  },
  {
    key: 'GET /data/[id]/plan-excel.csv',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/data/${f.agreementId}/plan-excel.csv` })
  },
  {
    key: 'GET /data/[id]/uppfoljning-excel.csv',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/data/${f.agreementId}/uppfoljning-excel.csv` })
  },
  {
    key: 'GET /data/katalog.rdf',
    access: 'public',
    call: () => ({ method: 'GET', path: '/data/katalog.rdf' })
  },
  {
    key: 'GET /kommuner/[code]/flode.atom',
    access: 'public',
    call: () => ({ method: 'GET', path: '/kommuner/2417/flode.atom' })
  },
  {
    key: 'GET /kommuner/[code]/evenemang.ics',
    access: 'public',
    call: () => ({ method: 'GET', path: '/kommuner/2417/evenemang.ics' })
  },
  {
    key: 'GET /kommuner/[code]/kartbilder',
    access: 'public',
    call: () => ({ method: 'GET', path: '/kommuner/2417/kartbilder' })
  },
  {
    key: 'GET /data/[id]/iakttagelser.csv',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/data/${f.agreementId}/iakttagelser.csv` })
  },
  {
    key: 'GET /data/[id]/iakttagelser.geojson',
    access: 'public',
    call: (f) => ({ method: 'GET', path: `/data/${f.agreementId}/iakttagelser.geojson` })
  },
  {
    key: 'GET /avtal/[id]/export/aktiviteter.[format]',
    access: viewer,
    call: (f) => ({ method: 'GET', path: `${A(f)}/export/aktiviteter.csv` })
  },
  {
    key: 'GET /avtal/[id]/export/uppfoljning.[format]',
    access: viewer,
    call: (f) => ({ method: 'GET', path: `${A(f)}/export/uppfoljning.csv` })
  }
];

/**
 * Routes that need more than a session or a form to reach their check: covered by their own
 * tests, named here so the completeness check still knows them.
 */
const ELSEWHERE: Record<string, string> = {
  'GET /logga-in/oidc/[provider]': 'oidc.service.test.ts (a fake OpenID provider)',
  'GET /logga-in/oidc/callback': 'oidc.service.test.ts (a fake OpenID provider)',
  'GET /att-gora/kalender.ics': 'due-feed.service.test.ts (a secret feed address, no session)',
  'POST /avtal/[id]/godkannande accept':
    'agreement-consent-routes.test.ts (needs a draft and an invited party; only a member editor of that party, never an admin elsewhere)',
  'POST /avtal/[id]/godkannande approve':
    'agreement-consent-routes.test.ts (needs a draft; each party by its own member editor, never an admin elsewhere)',
  'POST /avtal/[id]/publicera publish':
    'agreement-publish-routes.test.ts (needs a draft; each party by its own member editor; a reporter gets 403)',
  'GET /kommuner/[code]/logotyp':
    'municipality-profile-routes.test.ts (needs a saved logo; another municipality without one answers 404)',
  'GET /vandringar/foto/[id]':
    'walk-routes.test.ts (needs a stored photo; staff of the municipality 200, anonymous and another municipality 404)',
  'GET /kommuner/[code]/rapporter/[reportId]/v/[version]/rapport.pdf':
    'report.service.test.ts (published versions only)',
  'GET /kommuner/[code]/rapporter/[reportId]/v/[version]/sammanfattning.pdf':
    'report.service.test.ts (published versions only)'
};

/** Every form action and API method in src/routes, as 'METHOD /path action'. */
function discoverRoutes(): string[] {
  const root = 'src/routes';
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === '+page.server.ts' || name === '+server.ts') {
        const route = '/' + relative(root, dir).split('\\').join('/');
        const path = route === '/' ? '/' : route.replace(/\/$/, '');
        const src = readFileSync(p, 'utf8');
        if (name === '+page.server.ts') {
          const block = src.slice(src.indexOf('export const actions'));
          if (!src.includes('export const actions')) continue;
          for (const m of block.matchAll(/^ {2}([A-Za-z]+)\s*:/gm))
            out.push(`POST ${path} ${m[1]}`);
        } else {
          for (const m of src.matchAll(
            /export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g
          ))
            out.push(`${m[1]} ${path}`);
        }
      }
    }
  };
  walk(root);
  return out.sort();
}

type Actor = { label: string; role: Role | null; own: boolean; client: HttpClient };

/** A fingerprint of everything that matters in the database (sessions and limits aside). */
async function fingerprint(server: TestServer): Promise<string> {
  const names =
    server.kind === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
            server.ctx.db
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            server.ctx.db
          )
        ).rows.map((r) => r.name);
  const volatile =
    /^(sessions|rate_limits|jobs|survey_salts|oidc_states|one_time_logins|kysely_.*|sqlite_.*|.*attempt.*|.*throttle.*|.*checkpoint.*|login_.*)$/;
  const parts: string[] = [];
  for (const t of names.filter((n) => !volatile.test(n)).sort()) {
    const rows = (await sql`select * from ${sql.table(t)}`.execute(server.ctx.db)).rows.map((r) =>
      JSON.stringify(r)
    );
    parts.push(`${t}:${rows.sort().join('|')}`);
  }
  return parts.join('\n');
}

const RANK: Record<Role, number> = { viewer: 1, reporter: 2, editor: 3, admin: 4 };

function allowed(access: Access, actor: Actor): boolean {
  if (access === 'public') return true;
  if (actor.role === null) return false;
  if (access === 'signed-in') return true;
  if (actor.role === 'admin') return true;
  return (actor.own || !!access.anyOrg) && RANK[actor.role] >= RANK[access.least];
}

async function send(client: HttpClient, call: Call): Promise<Response> {
  if (call.json !== undefined || (call.method !== 'GET' && call.path.startsWith('/api/')))
    return client.json(call.method, call.path, call.json);
  if (call.form) return client.postForm(call.path, call.form);
  return client.fetch(call.path, { method: call.method });
}

describe('the authorization table', () => {
  it('has a row for every form action and API method', () => {
    const known = new Set([...ROWS.map((r) => r.key), ...Object.keys(ELSEWHERE)]);
    const missing = discoverRoutes().filter((r) => !known.has(r));
    expect(missing, 'routes without a row in the authorization table').toEqual([]);
    const gone = [...known].filter((k) => !discoverRoutes().includes(k));
    expect(gone, 'rows for routes that no longer exist').toEqual([]);
  });
});

describe.each(DATABASES)('every route by every role on $kind', ({ kind }) => {
  let server: TestServer;
  let f: Fixture;
  const actors: Actor[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    const db = server.ctx.db;
    const norsjo = await server.orgId('2417');
    const skelleftea = await server.orgId('2482');
    actors.push({ label: 'anonymous', role: null, own: false, client: server.client() });
    for (const role of ['viewer', 'reporter', 'editor', 'admin'] as const) {
      actors.push({
        label: `${role} of Norsjö`,
        role,
        own: true,
        client: await server.signInAs(role, norsjo)
      });
      actors.push({
        label: `${role} of Skellefteå`,
        role,
        own: false,
        client: await server.signInAs(role, skelleftea)
      });
    }
    const agreement = await db
      .selectFrom('agreements')
      .select('id')
      .where('status', '=', 'signed')
      .where('title', 'like', 'Norsjö%')
      .executeTakeFirstOrThrow();
    const agreementId = agreement.id;
    const first = async <T>(q: Promise<T | undefined>, what: string): Promise<T> => {
      const v = await q;
      if (v === undefined) throw new Error(`fixture missing: ${what}`);
      return v;
    };
    const [measure, planMeasure] = await db
      .selectFrom('measures')
      .innerJoin('plan_revisions', 'plan_revisions.id', 'measures.revision_id')
      .select(['measures.id', 'measures.measure_key as key'])
      .where('plan_revisions.agreement_id', '=', agreementId)
      .where('plan_revisions.year', '<=', new Date().getUTCFullYear())
      .orderBy('plan_revisions.year', 'desc')
      .orderBy('measures.position')
      .limit(2)
      .execute();
    if (!measure || !planMeasure) throw new Error('fixture missing: two measures');
    const now = new Date().toISOString();
    const newId = () => crypto.randomUUID();
    const newsId = newId();
    await db
      .insertInto('news_items')
      .values({
        id: newsId,
        agreement_id: agreementId,
        title: 'Testnyhet',
        body: 'Text',
        published_on: '2026-11-01',
        created_at: now,
        created_by: null,
        updated_at: now
      })
      .execute();
    const contactId = newId();
    await db
      .insertInto('agreement_contacts')
      .values({
        id: contactId,
        agreement_id: agreementId,
        position: 9,
        name: 'Test Kontakt',
        role: 'Samordnare',
        organisation: 'Norsjö kommun',
        email: null,
        phone: null,
        created_at: now
      })
      .execute();
    const eventId = newId();
    await db
      .insertInto('public_events')
      .values({
        id: eventId,
        agreement_id: agreementId,
        title: 'Trygghetsvandring (test)',
        kind: 'safety-walk',
        starts_at: '2027-05-10T16:00:00Z',
        ends_at: '2027-05-10T18:00:00Z',
        place: 'Torget',
        description: '',
        cancelled_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        sequence: 0
      })
      .execute();
    const walkId = newId();
    await db
      .insertInto('walks')
      .values({
        id: walkId,
        agreement_id: agreementId,
        measure_key: measure.key,
        kind: 'trygghetsvandring',
        area: 'Centrum',
        meeting_point: 'Torget',
        starts_at: '2027-05-10T16:00:00Z',
        ends_at: '2027-05-10T18:00:00Z',
        invited_groups: '[]',
        status: 'planned',
        event_id: null,
        activity_id: null,
        created_by: null,
        created_at: now,
        updated_at: now
      })
      .execute();
    const roundId = newId();
    await db
      .insertInto('walks')
      .values({
        id: roundId,
        agreement_id: agreementId,
        measure_key: measure.key,
        kind: 'dorrknackning',
        area: 'Bastuträsk',
        meeting_point: 'Torget',
        starts_at: '2027-05-10T16:00:00Z',
        ends_at: '2027-05-10T18:00:00Z',
        invited_groups: '[]',
        status: 'planned',
        event_id: null,
        activity_id: null,
        created_by: null,
        created_at: now,
        updated_at: now
      })
      .execute();
    const observationId = newId();
    await db
      .insertInto('walk_observations')
      .values({
        id: observationId,
        walk_id: walkId,
        category: 'belysning',
        description: 'Trasig lampa',
        lat: 64.91,
        lng: 19.48,
        owner: 'Gatukontoret',
        due_on: '2027-06-01',
        status: 'rapporterad',
        status_reason: null,
        fixed_on: null,
        public_approved: 0,
        photo_ref: null,
        idempotency_key: null,
        created_by: null,
        created_at: now,
        updated_at: now
      })
      .execute();
    const ownedObservationId = newId();
    await db
      .insertInto('walk_observations')
      .values({
        id: ownedObservationId,
        walk_id: walkId,
        category: 'skrap-klotter',
        description: 'Klotter på busskuren',
        lat: null,
        lng: null,
        owner: 'Norsjö kommun',
        owner_organisation_id: norsjo,
        due_on: '2027-06-01',
        status: 'rapporterad',
        status_reason: null,
        fixed_on: null,
        public_approved: 0,
        photo_ref: null,
        idempotency_key: null,
        created_by: null,
        created_at: now,
        updated_at: now
      })
      .execute();
    const ownerToken = 'authz-owner-token-0123456789abcdef';
    await db
      .insertInto('walk_owner_links')
      .values({
        id: newId(),
        token_hash: createHash('sha256').update(ownerToken).digest('hex'),
        observation_id: observationId,
        owner: 'Gatukontoret',
        expires_at: '2099-01-01T00:00:00Z',
        created_by: null,
        created_at: now
      })
      .execute();
    const reportId = newId();
    await db
      .insertInto('reports')
      .values({
        id: reportId,
        agreement_id: agreementId,
        period_kind: 'year',
        period_start: '2020-01-01',
        period_end: '2020-12-31',
        lead: '',
        published_version: 0,
        created_at: now,
        created_by: null,
        updated_at: now
      })
      .execute();
    const survey = await first(
      db
        .selectFrom('surveys')
        .select('id')
        .where('municipality_id', '=', norsjo)
        .executeTakeFirst(),
      'survey'
    );
    const theme = await first(
      db.selectFrom('themes').select('id').where('municipality_id', '=', norsjo).executeTakeFirst(),
      'theme'
    );
    f = {
      agreementId,
      measureId: measure.id,
      planMeasureId: planMeasure.id,
      measureKey: measure.key,
      focusId: (
        await first(
          db
            .selectFrom('focus_areas')
            .select('id')
            .where('agreement_id', '=', agreementId)
            .executeTakeFirst(),
          'focus area'
        )
      ).id,
      effectId: (
        await first(
          db
            .selectFrom('effects')
            .select('id')
            .where('agreement_id', '=', agreementId)
            .executeTakeFirst(),
          'effect'
        )
      ).id,
      indicatorId: (
        await first(db.selectFrom('indicators').select('id').executeTakeFirst(), 'indicator')
      ).id,
      partyId: (
        await first(
          db
            .selectFrom('agreement_parties')
            .select('party_id as id')
            .where('agreement_id', '=', agreementId)
            .executeTakeFirst(),
          'party'
        )
      ).id,
      newsId,
      eventId: eventId,
      contactId,
      reportId: reportId,
      dialogueId: (
        await first(
          db
            .selectFrom('dialogues')
            .select('id')
            .where('agreement_id', '=', agreementId)
            .executeTakeFirst(),
          'dialogue'
        )
      ).id,
      surveyId: survey.id,
      questionId: (
        await first(
          db
            .selectFrom('survey_questions')
            .select('id')
            .where('survey_id', '=', survey.id)
            .executeTakeFirst(),
          'question'
        )
      ).id,
      themeId: theme.id,
      citationId: (
        await first(
          db
            .selectFrom('measure_citations')
            .select('id')
            .where('agreement_id', '=', agreementId)
            .executeTakeFirst(),
          'citation'
        )
      ).id,
      importId:
        (await db.selectFrom('document_imports').select('id').executeTakeFirst())?.id ??
        'no-import',
      activityId: (
        await first(
          db
            .selectFrom('activities')
            .select('id')
            .where('agreement_id', '=', agreementId)
            .where('measure_key', '=', measure.key)
            .executeTakeFirst(),
          'activity'
        )
      ).id,
      assessmentVersion: Number(
        (
          await db
            .selectFrom('assessments')
            .select('version')
            .where('agreement_id', '=', agreementId)
            .orderBy('version', 'desc')
            .executeTakeFirst()
        )?.version ?? 1
      ),
      walkId,
      roundId,
      observationId,
      ownerToken,
      ownedObservationId
    };
  }, 240_000);
  afterAll(() => server?.close());

  it.each(ROWS.map((r) => [r.key, r] as const))(
    '%s',
    async (_key, row) => {
      const call = row.call(f);
      // Refused first: each refused call must leave the database exactly as it was.
      for (const actor of actors.filter((a) => !allowed(row.access, a))) {
        const before = await fingerprint(server);
        const res = await send(actor.client, call);
        const status = res.status;
        await res.arrayBuffer();
        const refused =
          actor.role === null
            ? status === 401 ||
              status === 403 ||
              status === 404 ||
              (status === 303 && (res.headers.get('location') ?? '').startsWith('/logga-in'))
            : status === 403 || status === 404;
        expect(refused, `${actor.label}: ${call.method} ${call.path} answered ${status}`).toBe(
          true
        );
        expect(await fingerprint(server), `${actor.label} changed data through ${row.key}`).toBe(
          before
        );
      }
      // Then the least allowed actor of Norsjö: not refused, and never a server error.
      const least =
        row.access === 'public' ? actors[0]! : actors.find((a) => a.own && allowed(row.access, a))!;
      const res = await send(least.client, call);
      await res.arrayBuffer();
      expect(res.status, `${least.label}: ${call.method} ${call.path}`).toBeLessThan(500);
      expect([401, 403], `${least.label} was refused ${row.key}`).not.toContain(res.status);
    },
    120_000
  );
});

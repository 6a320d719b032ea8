import type { Migration } from 'kysely';
import * as foundation from './0001-foundation';
import * as agreements from './0002-agreements';
import * as oidc from './0003-oidc';
import * as activityPublication from './0004-activity-publication';
import * as imports from './0005-imports';
import * as due from './0006-due';
import * as feedback from './0007-feedback';
import * as documentImports from './0012-document-imports';
import * as agreementConsents from './0013-agreement-consents';
import * as auditKeyed from './0015-audit-keyed';
import * as signInDelays from './0016-sign-in-delays';
import * as plansInTime from './0018-plans-in-time';
import * as schoolCalendars from './0019-school-calendars';
import * as dialogue from './0011-dialogue';
import * as publicSite from './0009-public-site';
import * as reports from './0008-reports';
import * as eventSequence from './0020-event-sequence';
import * as activityDuration from './0021-activity-duration';
import * as rollups from './0022-rollups';
import * as surveys from './0010-surveys';
import * as surveyAdmission from './0017-survey-admission';
import * as subscriptions from './0023-subscriptions';
import * as walks from './0024-walks';
import * as walkContacts from './0027-walk-contacts';
import * as municipalityProfile from './0026-municipality-profile';
import * as mapTiles from './0028-map-tiles';
import * as auditPending from './0029-audit-pending';
import * as observationOwnerOrganisation from './0030-observation-owner-organisation';

/** Every migration, by sortable name. Listed statically so the bundled server finds them. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-agreements': agreements,
  '0003-oidc': oidc,
  '0004-activity-publication': activityPublication,
  '0005-imports': imports,
  '0006-due': due,
  '0007-feedback': feedback,
  '0008-reports': reports,
  '0009-public-site': publicSite,
  '0010-surveys': surveys,
  '0011-dialogue': dialogue,
  '0012-document-imports': documentImports,
  '0013-agreement-consents': agreementConsents,
  '0015-audit-keyed': auditKeyed,
  '0016-sign-in-delays': signInDelays,
  '0017-survey-admission': surveyAdmission,
  '0018-plans-in-time': plansInTime,
  '0019-school-calendars': schoolCalendars,
  '0020-event-sequence': eventSequence,
  '0021-activity-duration': activityDuration,
  '0022-rollups': rollups,
  '0023-subscriptions': subscriptions,
  '0024-walks': walks,
  '0026-municipality-profile': municipalityProfile,
  '0027-walk-contacts': walkContacts,
  '0028-map-tiles': mapTiles,
  '0029-audit-pending': auditPending,
  '0030-observation-owner-organisation': observationOwnerOrganisation
};

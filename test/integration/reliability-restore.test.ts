import { afterAll, describe, expect, it } from 'vitest';
import { useRunAuditKey } from '../../scripts/reliability/harness';
import {
  formatRestoreReport,
  runRestoreCheck,
  type RestoreReport
} from '../../scripts/reliability/restore/run';
import { DATABASES } from '../support/databases';
import { testServerKind } from '../support/http';

/**
 * Issue 15 item 6, the small version of `npm run restore-check`: the Norsjö demo database backed
 * up and restored the documented way gives byte-identical exports and the same audit verdict.
 */
describe.each(DATABASES)('backup → restore → export on $kind', ({ kind }) => {
  let report: RestoreReport;
  const previousKey = process.env.AUDIT_HMAC_KEY;
  afterAll(() => {
    if (previousKey === undefined) delete process.env.AUDIT_HMAC_KEY;
    else process.env.AUDIT_HMAC_KEY = previousKey;
  });

  it('gives byte-identical exports and the same audit verdict', async () => {
    useRunAuditKey();
    report = await runRestoreCheck({ database: kind, server: testServerKind(), cli: false });
    expect(report.differences, formatRestoreReport(report)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 400_000);

  it('compared the exports that matter, with content in them', () => {
    const paths = report.compared.map((c) => c.path);
    for (const part of [
      '/follow-up?asOf=',
      'uppfoljning.csv',
      'aktiviteter.csv',
      'aktiviteter.xlsx',
      'plan.csv'
    ])
      expect(
        paths.some((p) => p.includes(part)),
        part
      ).toBe(true);
    const activities = report.compared.find((c) => c.path.endsWith('aktiviteter.csv'))!;
    expect(activities.bytes).toBeGreaterThan(1000);
    expect(report.compared.every((c) => c.bytes > 0)).toBe(true);
    expect(report.audit).toMatch(/^exit 0\n\{"ok":true/);
  });
});

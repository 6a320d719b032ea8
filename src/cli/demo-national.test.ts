import { beforeAll, describe, expect, it } from 'vitest';
import { useCli } from '../../test/support/cli';
import { main } from './main';

const cli = useCli('loften-demo-national-cli-');

beforeAll(async () => {
  expect(await main(['db', 'migrate'])).toBe(0);
});

describe('loften demo national', () => {
  it('builds a small labelled dataset, prints what it built, and refuses a second run', async () => {
    const code = await main([
      'demo',
      'national',
      '--activities',
      '1500',
      '--municipalities',
      '2',
      '--surveys-every',
      '0',
      '--seed',
      '4'
    ]);
    expect(code).toBe(0);
    expect(cli.out.join('\n')).toMatch(
      /Nationellt demodata \(märkt demo\): 2 överenskommelser i 21 lokalpolisområden, 1\s500 aktiviteter/
    );
    expect(await main(['demo', 'national', '--activities', '10'])).toBe(1);
    expect(cli.err.join('\n')).toContain('Fel: activities: Det nationella demodatat finns redan');
  });

  it('names a bad option in Swedish instead of failing with a stack trace', async () => {
    expect(await main(['demo', 'national', '--activities', 'många'])).toBe(1);
    expect(cli.err.join('\n')).toContain('--activities ska vara ett heltal');
  });
});

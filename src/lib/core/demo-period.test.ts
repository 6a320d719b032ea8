import { describe, expect, it } from 'vitest';
import { demoProlongation, demoProlongationText } from './demo-period';

describe('demoProlongation', () => {
  const own = 'Avtalet löper på fyra år med början 1/1 2019.';

  it('reads back the own period of a prolonged demo agreement', () => {
    const text = `${own} ${demoProlongationText('2022-12-31', '2026-12-31')}`;
    expect(demoProlongation({ start: '2019-01-01', end: '2026-12-31', text })).toEqual({
      own: { start: '2019-01-01', end: '2022-12-31' },
      demoEnd: '2026-12-31',
      ownText: own
    });
  });

  it('is null for an agreement that was not prolonged, or whose end moved since', () => {
    expect(demoProlongation({ start: '2019-01-01', end: '2022-12-31', text: own })).toBeNull();
    const text = `${own} ${demoProlongationText('2022-12-31', '2026-12-31')}`;
    expect(demoProlongation({ start: '2019-01-01', end: '2027-12-31', text })).toBeNull();
  });
});

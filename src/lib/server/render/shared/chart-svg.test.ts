import { describe, expect, it } from 'vitest';
import { deterministicSvg } from './chart-svg';
import { fulfilmentBarsSvg, monthlyBarsSvg } from './charts';

describe('chart renders', () => {
  it('come out byte for byte the same each time (no instance-numbered classes)', () => {
    const input = {
      label: 'Andel åtgärder som höll målet',
      bars: [
        { name: 'Trygghet i centrum', met: 3, judged: 4 },
        { name: 'Trafik', met: 1, judged: 2 }
      ]
    };
    const first = fulfilmentBarsSvg(input);
    monthlyBarsSvg({
      label: 'x',
      months: [{ month: '2026-01', done: 1, expected: 2, status: null }]
    });
    const second = fulfilmentBarsSvg(input);
    expect(second).toBe(first);
    expect(first).not.toMatch(/zr\d+-/);
    expect(first).toMatch(/^<svg role="img"/);
  });

  it('renames other instance-numbered ids after the chart itself', () => {
    const a = deterministicSvg('<svg><clipPath id="zr7-c0"/><g clip-path="url(#zr7-c0)"/></svg>');
    const b = deterministicSvg('<svg><clipPath id="zr9-c0"/><g clip-path="url(#zr9-c0)"/></svg>');
    expect(a).toBe(b);
    expect(a).toMatch(/id="c[0-9a-f]{10}-c0"/);
    const other = deterministicSvg('<svg><clipPath id="zr9-c0"/><rect/></svg>');
    expect(other.match(/id="([^"]+)"/)![1]).not.toBe(a.match(/id="([^"]+)"/)![1]);
  });
});

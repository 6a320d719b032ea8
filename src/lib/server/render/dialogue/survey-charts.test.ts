import { describe, expect, it } from 'vitest';
import { answerBarsSvg, problemIndexSvg } from './survey-charts';

describe('survey charts', () => {
  it('draws a named SVG image of a question’s answers and escapes outside text', () => {
    const svg = answerBarsSvg({
      text: 'Trygg <script>?',
      answered: 4,
      options: [
        { label: 'Ja & nej', n: 3, share: 0.75 },
        { label: 'Nej', n: 1, share: 0.25 }
      ]
    });
    expect(svg).toMatch(
      /^<svg role="img" aria-label="Svar på frågan &quot;Trygg &lt;script&gt;\?&quot;/
    );
    expect(svg).not.toContain('<script');
    expect(svg).toContain('3 (75 %)');
    expect(svg).toContain('Ja &amp; nej');
  });

  it('writes the problem index with a decimal comma and "inget underlag" without answers', () => {
    const svg = problemIndexSvg(
      [
        { text: 'Hur stort problem är inbrott i bostäder i området där du bor?', index: 7.1 },
        { text: 'Hur stort problem är nedskräpning i området där du bor?', index: null }
      ],
      10
    );
    expect(svg).toContain('7,1');
    expect(svg).toContain('inget underlag');
    expect(svg).toContain('inbrott i bostäder');
  });
});

import { describe, expect, it } from 'vitest';
import { renderScorecardReport } from './report-html.ts';
import { smallCard } from './scoring.test-support.ts';
import { niceTicks } from './svg-charts.ts';

describe('renderScorecardReport', () => {
  const card = smallCard();
  const html = renderScorecardReport(card);

  it('is one self-contained page: inline SVG, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('draws ROC, KS, distribution, calibration, and two charts per characteristic', () => {
    for (const title of ['ROC curve', 'KS curve', 'Score distribution', 'Calibration by score band']) {
      expect(html).toContain(`<title>${title}</title>`);
    }
    for (const feature of card.features) {
      expect(html).toContain(`<title>${feature.name}: bins, share and bad rate</title>`);
      expect(html).toContain(`<title>${feature.name}: weight of evidence (labels: points)</title>`);
    }
    expect(html.match(/<svg /g)?.length).toBe(4 + 2 * card.features.length);
  });

  it('holds the scorecard table a person can add up: base points and every bin with its points', () => {
    expect(html).toContain(
      `base points (every applicant)</th><td class="num points">${card.basePoints}</td>`,
    );
    const bins = card.features.reduce((s, f) => s + f.bins.length, 0);
    expect(html.match(/<td class="num points">/g)?.length).toBe(bins + 1);
    expect(html).toContain(
      `AUC</th><td>${card.metrics.train.auc?.toFixed(4)}</td><td>${card.metrics.holdout?.auc?.toFixed(4)}</td>`,
    );
  });

  it('escapes text that came from data', () => {
    const tricky = { ...card, version: 'x<script>' };
    expect(renderScorecardReport(tricky)).toContain('Scorecard x&lt;script&gt;');
  });

  it('chooses round axis ticks', () => {
    expect(niceTicks(350, 950, 6)).toEqual([400, 500, 600, 700, 800, 900]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

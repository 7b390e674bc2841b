/**
 * Weight of evidence and information value, with one documented convention (see `docs/scoring.md`):
 *
 *   WoE_i = ln( ((g_i + α) / (G + α)) / ((b_i + α) / (B + α)) )
 *   IV_i  = (x_i − y_i) · WoE_i,   x_i = (g_i + α) / (G + α),  y_i = (b_i + α) / (B + α)
 *
 * where g_i, b_i are the goods and bads of bin i, G and B the totals of the sample and α > 0 the
 * smoothing recorded in the artefact. Positive WoE means better than average (more goods). A pure bin
 * (no bads, or no goods) therefore has a large but finite WoE; a bin holding the whole sample has WoE 0;
 * each IV term is ≥ 0 (it has the form (x − y)·ln(x/y)), and it depends on its own bin only, which is
 * what lets the optimal binning be an exact dynamic programme. A bin with no training rows at all
 * (an unseen category, a missing bin when training had no missing values) has WoE 0: it scores like the
 * average applicant, neither rewarded nor punished for data the model never saw.
 */
export function woeOf(
  goods: number,
  bads: number,
  totalGoods: number,
  totalBads: number,
  alpha: number,
): number {
  if (goods + bads === 0) return 0;
  return Math.log((goods + alpha) / (totalGoods + alpha) / ((bads + alpha) / (totalBads + alpha)));
}

/** The information value contributed by one bin under the same convention (0 for an empty bin). */
export function ivTermOf(
  goods: number,
  bads: number,
  totalGoods: number,
  totalBads: number,
  alpha: number,
): number {
  if (goods + bads === 0) return 0;
  const x = (goods + alpha) / (totalGoods + alpha);
  const y = (bads + alpha) / (totalBads + alpha);
  return (x - y) * Math.log(x / y);
}

/** The usual reading of a feature's information value (Siddiqi). */
export function ivStrength(iv: number): 'unpredictive' | 'weak' | 'medium' | 'strong' | 'suspicious' {
  if (iv < 0.02) return 'unpredictive';
  if (iv < 0.1) return 'weak';
  if (iv < 0.3) return 'medium';
  if (iv < 0.5) return 'strong';
  return 'suspicious';
}

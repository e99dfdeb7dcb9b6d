/**
 * A log-scale bar: the reference band (low…high) as ▓, the load as ●, on an axis wide enough for both.
 * `░░░▓▓▓▓▓░░░●░` reads "the load is past the band" faster than two numbers do.
 */
export function renderBar(load: number, low: number, high: number, width = 24): string {
  const from = Math.log10(Math.max(Math.min(load, low) / 4, 1e-12));
  const to = Math.log10(Math.max(load, high) * 4);
  const at = (value: number) => Math.min(width - 1, Math.max(0, Math.round(((Math.log10(Math.max(value, 1e-12)) - from) / (to - from)) * (width - 1))));
  const cells: string[] = Array.from({ length: width }, (_, i) => (i >= at(low) && i <= at(high) ? "▓" : "░"));
  cells[at(load)] = "●";
  return cells.join("");
}

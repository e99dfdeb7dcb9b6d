/** The candidate closest to `name` (case-insensitive edit distance), if it is close enough to be a typo. */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const prefix = Math.min(wanted.length, lower.length) >= 3 && (lower.startsWith(wanted) || wanted.startsWith(lower));
    const distance = prefix ? Math.min(1, editDistance(wanted, lower)) : editDistance(wanted, lower);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** A did-you-mean hint: the closest candidate, then the full list when it is short. */
export function didYouMean(name: string, candidates: readonly string[], noun: string): string {
  const close = suggestName(name, candidates);
  const list = candidates.length <= 20 ? `${noun}: ${candidates.join(", ")}` : `${candidates.length} ${noun}`;
  return close ? `did you mean '${close}'? ${list}` : list;
}

/** Levenshtein distance; past `limit` length difference it only says "more than limit". */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

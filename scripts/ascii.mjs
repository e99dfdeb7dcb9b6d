// Rewrites a bundle in ASCII and corrects its source map: used by scripts/build.mjs.

const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The numbers of one source-map segment (base64 VLQ). */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64.indexOf(char);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value % 2 ? -(value - 1) / 2 : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** One source-map segment from its numbers. */
function encodeSegment(values) {
  let out = "";
  for (const value of values) {
    let rest = value < 0 ? -value * 2 + 1 : value * 2;
    do {
      const digit = rest % 32;
      rest = Math.floor(rest / 32);
      out += base64[digit + (rest > 0 ? 32 : 0)];
    } while (rest > 0);
  }
  return out;
}

/**
 * The code with every non-ASCII UTF-16 unit written as `\uXXXX`, and the source map with its generated
 * columns moved to match (each escape adds five characters to its line).
 *
 * esbuild escapes strings but not regular expressions (napkin's hold ≈, →, ã, ó …), and one such character
 * makes V8 store the whole 300 KB source two bytes per character and decode it as UTF-8: the ASCII bundle
 * reads as latin1, in half the memory. `\uXXXX` means the same character in strings, templates, identifiers
 * and regular expressions (a surrogate pair of escapes is one code point under the `u` flag), except right
 * after a backslash (`/\é/` would become a backslash and "u00e9"): that is refused.
 */
export function toAscii(code, map) {
  const lines = code.split("\n");
  const escapedColumns = lines.map(() => []);
  const asciiLines = lines.map((line, number) =>
    line.replace(/(\\*)([^\0-\x7f])/g, (_, backslashes, char, column) => {
      if (backslashes.length % 2 === 1) throw new Error(`build: line ${number + 1} escapes a non-ASCII character with a backslash: cannot rewrite it as \\u`);
      escapedColumns[number].push(column + backslashes.length);
      return `${backslashes}\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }),
  );
  const mappings = map.mappings.split(";").map((line, number) => {
    const escaped = escapedColumns[number] ?? [];
    if (escaped.length === 0) return line;
    let column = 0;
    let movedColumn = 0;
    return line
      .split(",")
      .map((segment) => {
        const [delta, ...rest] = decodeSegment(segment);
        column += delta;
        const moved = column + 5 * escaped.filter((at) => at < column).length;
        const encoded = encodeSegment([moved - movedColumn, ...rest]);
        movedColumn = moved;
        return encoded;
      })
      .join(",");
  });
  return { code: asciiLines.join("\n"), map: { ...map, mappings: mappings.join(";") } };
}

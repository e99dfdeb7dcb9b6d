import { type Quantity, isRange, midpoint } from "./quantity.js";
import { type Dim, type DimKey, type Terms, dimKeys } from "./units.js";
import { unitById } from "./vocabulary.js";

/** A unit to show a value in: its name, its size in base units, and a currency symbol written before the number. */
export interface DisplayUnit {
  name: string;
  factor: number;
  prefix?: string;
}

// "bytes", not "B", below a kilobyte: `125 B/s` would read back as 125 billion per second.
const bytePrefixes = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
const bitRatePrefixes = ["bps", "Kbps", "Mbps", "Gbps", "Tbps", "Pbps"];
const scaleSuffixes = ["", "K", "M", "B", "T"];

/**
 * The unit a value of this dimension reads best in (bytes get a decimal prefix). A dimension with money, or
 * one napkin has no name for, is shown in the units written for it (`$/GB`, `$/month`), never in a compound
 * nobody wrote.
 */
export function chooseUnit(dim: Dim, value: number, terms: Terms = []): DisplayUnit {
  const magnitude = Math.abs(value);
  if (dim.c !== 0) return writtenUnit(dim, terms) ?? { name: genericUnit(dim), factor: 1 };
  if (dim.t === 0 && dim.d === 0) return { name: "", factor: 1 };
  if (dim.t === -1 && dim.d === 0) return { name: "/s", factor: 1 };
  if (dim.d === 1 && (dim.t === 0 || dim.t === -1)) {
    const step = Math.min(bytePrefixes.length - 1, Math.max(0, Math.floor(Math.log10(magnitude || 1) / 3)));
    return { name: bytePrefixes[step] + (dim.t === -1 ? "/s" : ""), factor: 1000 ** step };
  }
  if (dim.t === 1 && dim.d === 0) {
    if (magnitude > 0 && magnitude < 1e-6) return { name: "ns", factor: 1e-9 };
    if (magnitude > 0 && magnitude < 1e-3) return { name: "μs", factor: 1e-6 };
    if (magnitude > 0 && magnitude < 1) return { name: "ms", factor: 1e-3 };
    return { name: "s", factor: 1 };
  }
  return writtenUnit(dim, terms) ?? { name: genericUnit(dim), factor: 1 };
}

/**
 * A dimension in the units written for it: for each of its dimensions, the unit written along it (`$0.023/GB`
 * is money per byte: `$/GB`). Undefined when a dimension has no written unit, or its written units disagree
 * with it (a sum of `GB` and `MB` keeps one).
 */
function writtenUnit(dim: Dim, terms: Terms): DisplayUnit | undefined {
  let factor = 1;
  let prefix: string | undefined;
  const top: string[] = [];
  const bottom: string[] = [];
  for (const key of dimKeys) {
    if (dim[key] === 0) continue;
    const term = terms.find((t) => t.key === key && Math.sign(t.power) === Math.sign(dim[key]));
    if (!term) return undefined;
    factor *= term.size ** dim[key];
    const name = unitName(term.id, key);
    if (key === "c" && dim[key] === 1) prefix = name;
    else (dim[key] > 0 ? top : bottom).push(...Array.from({ length: Math.abs(dim[key]) }, () => name));
  }
  const name = `${top.join(" * ")}${bottom.map((b) => `/${b}`).join("")}`;
  return { name, factor, ...(prefix ? { prefix } : {}) };
}

/** How a unit is written in a result: its symbol (`$`, `GB`), or `s` and `day` for time. */
function unitName(id: string, key: DimKey): string {
  const unit = unitById(id);
  if (key === "c") return unit.symbol ?? unit.id;
  return unit.id === "B" ? "bytes" : unit.id === "us" ? "μs" : unit.id;
}

/** Any other dimension in notation napkin reads back: `s * s`, `bytes * s`, `/bytes/s`. */
function genericUnit(dim: Dim): string {
  // `s * s`, not `s^2`: `155 s^2` would read back as (155 s)².
  const repeat = (name: string, n: number) => Array.from({ length: Math.abs(n) }, () => name);
  const top = [...repeat("bytes", Math.max(dim.d, 0)), ...repeat("s", Math.max(dim.t, 0))].join(" * ");
  const bottom = [...repeat("bytes", Math.max(-dim.d, 0)), ...repeat("s", Math.max(-dim.t, 0))].map((p) => `/${p}`).join("");
  return `${top}${bottom}`;
}

/** The same data rate in bits per second with a decimal prefix (`53.3 Mbps`). */
export function bitRateUnit(bytesPerSecond: number): DisplayUnit {
  const bits = Math.abs(bytesPerSecond * 8);
  const step = Math.min(bitRatePrefixes.length - 1, Math.max(0, Math.floor(Math.log10(bits || 1) / 3)));
  return { name: bitRatePrefixes[step], factor: 1000 ** step / 8 };
}

/** A number with thousands separators and five significant digits: `66,667`, `115.74`, `0.0012`. */
export function formatExact(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e21 || magnitude < 1e-6) return value.toPrecision(5).replace(/\.?0+e/, "e").replace("e+", "e");
  const digits = Math.max(0, 4 - Math.floor(Math.log10(magnitude)));
  return groupThousands(Number(value.toFixed(Math.min(digits, 20))));
}

/** `1234567.5` → `1,234,567.5`, by hand: the first Intl call costs tens of milliseconds at start-up. */
export function groupThousands(value: number): string {
  const text = String(Math.abs(value));
  if (text.includes("e")) return `${value < 0 ? "-" : ""}${text.replace("e+", "e")}`;
  const [whole, fraction] = text.split(".");
  let grouped = "";
  for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped ? "," + grouped : "");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? "." + fraction : ""}`;
}

/** A number the way it is said in an interview: three significant digits and a K/M/B/T suffix. */
export function formatNapkin(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || (magnitude > 0 && magnitude < 1e-3)) return value.toPrecision(3).replace(/\.?0+e/, "e").replace("e+", "e");
  // 999.99 rounds to 1000: that is 1K, not "1000".
  if (magnitude < 1000 && Math.abs(Number(value.toPrecision(3))) < 1000) return trimNumber(Number(value.toPrecision(3)));
  const step = Math.min(scaleSuffixes.length - 1, Math.floor(Math.log10(magnitude) / 3));
  const scaled = Number((value / 1000 ** step).toPrecision(3));
  // 999.6K rounds to 1000K: move up a step.
  if (Math.abs(scaled) >= 1000 && step < scaleSuffixes.length - 1) return formatNapkin(Math.sign(value) * 1000 ** (step + 1));
  return trimNumber(scaled) + scaleSuffixes[step];
}

function trimNumber(value: number): string {
  return Math.abs(value) >= 1e21 ? value.toExponential(2) : String(value);
}

/** Three significant digits with separators, for values that carry a unit prefix already: `1,070 MB`. */
export function formatRounded(value: number): string {
  return groupThousands(Number(value.toPrecision(3)));
}

/** A quantity in a unit: `66,667 /s`, `15,000–30,000`, `6.6667 MB/s`; napkin style `66.7K/s`, `6.67 MB/s`. */
export function formatQuantity(q: Quantity, unit: DisplayUnit, style: "exact" | "napkin" = "exact"): string {
  const counts = q.dim.d === 0 && q.dim.c === 0;
  const format = style === "exact" ? formatExact : counts ? formatNapkin : formatRounded;
  const [low, high] = [format(q.low / unit.factor), format(q.high / unit.factor)];
  const suffix = (text: string) => /[KMBT]$/.exec(text)?.[0] ?? "";
  // `1–2.6K` would read back as 1K–2.6K (a suffix on the high end applies to both): write the low end in
  // the high end's scale instead, `0.001–2.6K`.
  if (style === "napkin" && isRange(q) && q.low > 0 && suffix(high) && suffix(low) !== suffix(high)) {
    const scale = 1000 ** (scaleSuffixes.indexOf(suffix(high)));
    const lowInScale = `${Number((q.low / unit.factor / scale).toPrecision(3))}`;
    return withUnit(`${lowInScale}–${high}`, unit, style);
  }
  // A narrow range can round to one value (`≈ 1B`): print it once, not as `1B–1B`.
  const number = isRange(q) && low !== high ? `${low}–${high}` : format(midpoint(q) / unit.factor);
  return withUnit(number, unit, style);
}

function withUnit(number: string, unit: DisplayUnit, style: "exact" | "napkin"): string {
  if (unit.prefix) {
    // `$92`, `$0.023/GB`, `-$5`: the currency before the number, any other unit after it.
    const signed = number.startsWith("-") ? `-${unit.prefix}${number.slice(1)}` : `${unit.prefix}${number}`;
    return unit.name ? `${signed}${unit.name.startsWith("/") ? "" : " "}${unit.name}` : signed;
  }
  if (!unit.name) return number;
  return unit.name.startsWith("/") && style === "exact" ? `${number} ${unit.name}` : `${number}${unit.name.startsWith("/") ? "" : " "}${unit.name}`;
}

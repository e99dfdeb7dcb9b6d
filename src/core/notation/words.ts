import { editDistance } from "../suggest.js";

/**
 * The words napkin notation knows: scale suffixes, units and counting nouns.
 * Conventions: KB = 1000 B (decimal, as notes use it), KiB = 1024 B, month = 30 days
 * unless the caller picks another, year = 365 days, B after a bare number = billion.
 */

/** A dimension: exponents of seconds and of bytes. A bit is 1/8 byte. */
export interface Dim {
  readonly t: number;
  readonly d: number;
}

export const dimensionless: Dim = { t: 0, d: 0 };

export type Word =
  | { kind: "scale"; factor: number; name: string }
  | { kind: "unit"; factor: number; dim: Dim; name: string; month?: boolean }
  | { kind: "noun"; name: string };

const second: Dim = { t: 1, d: 0 };
const byte: Dim = { t: 0, d: 1 };
const perSecond: Dim = { t: -1, d: 0 };
const bytePerSecond: Dim = { t: -1, d: 1 };

export const secondsPerDay = 86_400;
export const defaultMonthSeconds = 30 * secondsPerDay;
export const secondsPerYear = 365 * secondsPerDay;

const scaleWords: Record<string, number> = {
  k: 1e3, K: 1e3, thousand: 1e3, thousands: 1e3, mil: 1e3,
  M: 1e6, million: 1e6, millions: 1e6, "milhão": 1e6, "milhões": 1e6, milhao: 1e6, milhoes: 1e6, mi: 1e6,
  bn: 1e9, Bn: 1e9, billion: 1e9, billions: 1e9, "bilhão": 1e9, "bilhões": 1e9, bilhao: 1e9, bilhoes: 1e9, bi: 1e9,
  T: 1e12, tn: 1e12, trillion: 1e12, trillions: 1e12, "trilhão": 1e12, "trilhões": 1e12,
};

/** Units written with exact case (B is not b, MB is not Mb). */
const caseSensitiveUnits: Record<string, [number, Dim]> = {
  ns: [1e-9, second], us: [1e-6, second], "μs": [1e-6, second], "µs": [1e-6, second], ms: [1e-3, second],
  s: [1, second], h: [3600, second], d: [secondsPerDay, second],
  b: [1 / 8, byte], Kb: [125, byte], Mb: [125e3, byte], Gb: [125e6, byte], Tb: [125e9, byte],
  // Lowercase sizes are how hurried notes write bytes ("5gb dia"); bits are spelled Kb/Mb/Gb.
  kb: [1e3, byte], mb: [1e6, byte], gb: [1e9, byte], tb: [1e12, byte], pb: [1e15, byte],
  KB: [1e3, byte], kB: [1e3, byte], MB: [1e6, byte], GB: [1e9, byte], TB: [1e12, byte], PB: [1e15, byte], EB: [1e18, byte],
  KiB: [1024, byte], MiB: [1024 ** 2, byte], GiB: [1024 ** 3, byte], TiB: [1024 ** 4, byte], PiB: [1024 ** 5, byte],
  Kbps: [125, bytePerSecond], kbps: [125, bytePerSecond], Mbps: [125e3, bytePerSecond], Gbps: [125e6, bytePerSecond],
  Tbps: [125e9, bytePerSecond], bps: [1 / 8, bytePerSecond],
  MBps: [1e6, bytePerSecond], GBps: [1e9, bytePerSecond], KBps: [1e3, bytePerSecond],
};

/** Units matched without regard to case. */
const unitWords: Record<string, [number, Dim]> = {
  nanosecond: [1e-9, second], nanoseconds: [1e-9, second],
  microsecond: [1e-6, second], microseconds: [1e-6, second],
  millisecond: [1e-3, second], milliseconds: [1e-3, second], msec: [1e-3, second],
  sec: [1, second], secs: [1, second], second: [1, second], seconds: [1, second], segundo: [1, second], segundos: [1, second],
  min: [60, second], mins: [60, second], minute: [60, second], minutes: [60, second], minuto: [60, second], minutos: [60, second],
  hr: [3600, second], hrs: [3600, second], hour: [3600, second], hours: [3600, second], hora: [3600, second], horas: [3600, second],
  day: [secondsPerDay, second], days: [secondsPerDay, second], dia: [secondsPerDay, second], dias: [secondsPerDay, second],
  wk: [7 * secondsPerDay, second], week: [7 * secondsPerDay, second], weeks: [7 * secondsPerDay, second],
  semana: [7 * secondsPerDay, second], semanas: [7 * secondsPerDay, second],
  yr: [secondsPerYear, second], yrs: [secondsPerYear, second], year: [secondsPerYear, second], years: [secondsPerYear, second],
  y: [secondsPerYear, second], ano: [secondsPerYear, second], anos: [secondsPerYear, second],
  byte: [1, byte], bytes: [1, byte], bit: [1 / 8, byte], bits: [1 / 8, byte],
  kbit: [125, byte], kbits: [125, byte], mbit: [125e3, byte], mbits: [125e3, byte], gbit: [125e6, byte], gbits: [125e6, byte],
  kilobyte: [1e3, byte], kilobytes: [1e3, byte], megabyte: [1e6, byte], megabytes: [1e6, byte],
  gigabyte: [1e9, byte], gigabytes: [1e9, byte], terabyte: [1e12, byte], terabytes: [1e12, byte],
  petabyte: [1e15, byte], petabytes: [1e15, byte],
  qps: [1, perSecond], rps: [1, perSecond], tps: [1, perSecond], wps: [1, perSecond],
};

const monthWords = ["mo", "month", "months", "mes", "mês", "meses"];

/** Counting nouns: labels that count things, dimensionless (`66 pings/sec` = 66 per second). */
export const countingNouns = new Set(
  `request requests req reqs write writes read reads msg msgs message messages mensagem mensagens
  event events evento eventos ping pings order orders pedido pedidos user users usuario usuarios usuário usuários
  session sessions sessao sessoes sessão sessões tweet tweets post posts click clicks tx txs txn txns
  transaction transactions transacao transacoes transação transações connection connections conexao conexoes conexão conexões
  insert inserts update updates query queries op ops operation operations call calls row rows record records registro registros
  key keys item items file files arquivo arquivos photo photos foto fotos image images imagem imagens video videos
  upload uploads download downloads view views like likes vote votes voto votos comment comments review reviews
  driver drivers motorista motoristas rider riders trip trips ride rides corrida corridas device devices dispositivo dispositivos
  node nodes server servers servidor servidores shard shards replica replicas partition partitions follower followers seguidores
  notification notifications notificacao notificacoes notificação notificações job jobs task tasks dau mau visit visits visitor visitors
  page pages pageview pageviews url urls link links chunk chunks object objects doc docs document documents customer customers
  cliente clientes donation donations doacao doacoes doação doações payment payments pagamento pagamentos entry entries line lines
  log logs metric metrics sample samples point points datapoint datapoints location locations localizacao localizacoes
  search searches lookup lookups hit hits miss misses packet packets frame frames batch batches worker workers pod pods
  instance instances machine machines core cores thread threads counter counters token tokens slot slots person people pessoas
  account accounts conta contas product products produto produtos share shares message_count`
    .split(/\s+/)
    .filter(Boolean),
);

/** Scale words that are also units, and how context may read them instead. */
export const ambiguousWords: Record<string, { scale: number; unit: [number, Dim]; unitName: string }> = {
  B: { scale: 1e9, unit: [1, byte], unitName: "bytes" },
  m: { scale: 1e6, unit: [60, second], unitName: "minutes" },
};

/** Looks a word up; `preferUnit` picks the unit reading of an ambiguous word. */
export function lookupWord(word: string, preferUnit = false): Word | undefined {
  const ambiguous = ambiguousWords[word];
  if (ambiguous) {
    return preferUnit
      ? { kind: "unit", factor: ambiguous.unit[0], dim: ambiguous.unit[1], name: word }
      : { kind: "scale", factor: ambiguous.scale, name: word };
  }
  if (word in scaleWords) return { kind: "scale", factor: scaleWords[word], name: word };
  const lower = word.toLowerCase();
  if (lower in scaleWords && lower.length > 2) return { kind: "scale", factor: scaleWords[lower], name: word };
  const exact = caseSensitiveUnits[word];
  if (exact) return { kind: "unit", factor: exact[0], dim: exact[1], name: word };
  const loose = unitWords[lower];
  if (loose) return { kind: "unit", factor: loose[0], dim: loose[1], name: word };
  if (monthWords.includes(lower)) return { kind: "unit", factor: defaultMonthSeconds, dim: second, name: word, month: true };
  if (countingNouns.has(lower)) return { kind: "noun", name: word };
  return undefined;
}

/** Every spelling napkin knows, for did-you-mean suggestions. */
export function knownWords(): string[] {
  return [
    ...Object.keys(scaleWords), ...Object.keys(caseSensitiveUnits), ...Object.keys(unitWords),
    ...monthWords, ...countingNouns, ...Object.keys(ambiguousWords),
  ];
}

/** The closest known word within two edits (one for short words), for "did you mean …?". */
export function suggestWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = lower.length <= 3 ? 2 : 3;
  for (const known of knownWords()) {
    const distance = editDistance(lower, known.toLowerCase(), 2);
    if (known.length > 1 && distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best;
}

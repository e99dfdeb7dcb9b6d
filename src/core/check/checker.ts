import { defaultTolerance } from "../diagnose.js";
import type { MathFunctions } from "../notation/evaluate.js";
import { formatNapkin } from "../notation/format.js";
import type { Node } from "../notation/parser.js";
import { type Quantity, midpoint } from "../notation/quantity.js";
import type { ReferenceTable } from "../reference.js";
import { fenceSkipsCode, findClaims, isFence } from "./claims.js";
import { type CapacityMatchers, capacityMatchers, findCapacityClaim } from "./overclaims.js";
import { type VerifiedClaim, verifyClaim } from "./verify.js";

export type FindingVerdict = "ok" | "wrong" | "propagated" | "reference";

/** One checked claim, located in its file. Numbers are in the unit written on the stated side. */
export interface Finding {
  file: string;
  line: number;
  text: string;
  claim: string;
  verdict: FindingVerdict;
  stated: number | string;
  expected: number | string;
  unit: string;
  factor?: number;
  diagnosis?: string;
  cause?: string;
  reading: string[];
  /** For `propagated`: the line whose wrong result this one used. */
  from?: number;
}

export interface CheckSummary {
  claims: number;
  ok: number;
  wrong: number;
  propagated: number;
  reference: number;
}

export interface CheckOptions {
  reference: ReferenceTable;
  tolerance?: number;
  monthSeconds?: number;
  functions?: MathFunctions;
}

/** A wrong result still in reach of later lines: what was stated, and what it should have been. */
interface WrongResult {
  line: number;
  stated: number;
  correct: number;
}

// Module constants, not literals in checkLine: a regex literal makes a new RegExp object on every call.
const digit = /\d/;
const heading = /^\s*#/;

/** What most lines hold: one shared, frozen empty list, so a line without claims allocates nothing. */
const noFindings: readonly Finding[] = Object.freeze([]);

/** How far (in lines) a wrong result can propagate: a worked answer's chain, not the whole file. */
const propagationWindow = 12;

/**
 * Checks a notes file line by line, keeping only what later lines need: whether we are inside a code
 * fence, and the recent wrong results (for `propagated`). Feed it lines as they stream in.
 */
export class NotesChecker {
  readonly summary: CheckSummary = { claims: 0, ok: 0, wrong: 0, propagated: 0, reference: 0 };
  private fence: "none" | "math" | "code" = "none";
  private wrongResults: WrongResult[] = [];
  private readonly matchers: CapacityMatchers;
  private readonly tolerance: number;

  constructor(
    private readonly file: string,
    private readonly options: CheckOptions,
  ) {
    this.matchers = capacityMatchers(options.reference);
    this.tolerance = options.tolerance ?? defaultTolerance;
  }

  /** Every claim on one line, as findings (right ones too: the caller decides what to show). */
  checkLine(text: string, line: number, functions?: MathFunctions): readonly Finding[] {
    if (isFence(text)) {
      this.fence = this.fence === "none" ? (fenceSkipsCode(text) ? "code" : "math") : "none";
      return noFindings;
    }
    if (this.fence === "code" || !digit.test(text)) return noFindings;
    if (heading.test(text)) this.wrongResults = [];
    if (this.wrongResults.length > 0) this.wrongResults = this.wrongResults.filter((w) => line - w.line <= propagationWindow);
    const claims = findClaims(text);
    const findings: Finding[] = [];
    // Index loops here and below: in code that runs cold, for-of makes an iterator and a result per element.
    for (let i = 0; i < claims.length; i++) {
      const verified = verifyClaim(claims[i], { tolerance: this.tolerance, monthSeconds: this.options.monthSeconds, functions: functions ?? this.options.functions });
      if (verified) findings.push(this.judge(verified, text, line));
    }
    const capacity = findings.length ? undefined : findCapacityClaim(text, this.matchers, this.tolerance);
    if (capacity) {
      findings.push({
        ...this.base(text, line, capacity.claimedText),
        verdict: capacity.overClaim ? "reference" : "ok",
        stated: capacity.claimedText,
        expected: capacity.table,
        unit: "/s",
        diagnosis: capacity.overClaim ? `over-claims capacity: the table says ${capacity.table}` : undefined,
        reading: [`compared with ${capacity.figure.id} (${capacity.figure.source})`],
      });
    }
    if (findings.length === 0) return noFindings;
    for (let i = 0; i < findings.length; i++) {
      this.summary.claims++;
      this.summary[findings[i].verdict]++;
    }
    return findings;
  }

  private base(text: string, line: number, claim: string) {
    return { file: this.file, line, text: text.trim(), claim };
  }

  /** A verified claim becomes ok, wrong, or propagated (its operand was an earlier line's wrong result). */
  private judge(claim: VerifiedClaim, text: string, line: number): Finding {
    const finding: Finding = {
      ...this.base(text, line, `${claim.expression} ${claim.separator} ${claim.statedText}`),
      verdict: claim.verdict,
      stated: tidy(claim.stated),
      expected: tidy(claim.expected),
      unit: claim.unit,
      factor: tidy(claim.factor),
      diagnosis: claim.diagnosis,
      cause: claim.cause,
      reading: claim.reading,
    };
    const upstream = this.propagate(claim);
    if (upstream) {
      const { from, corrected } = upstream;
      const ownSlip = claim.verdict === "wrong";
      const statedMatchesCorrected = Math.abs(midpoint(claim.statedValue) - midpoint(corrected)) <= Math.abs(midpoint(corrected)) * this.tolerance;
      // Right as written, or right once the earlier correction is carried through: the slip is upstream.
      if (!ownSlip || statedMatchesCorrected) {
        const expected = midpoint(corrected) / (midpoint(claim.statedValue) / claim.stated || 1);
        Object.assign(finding, {
          verdict: "propagated",
          from,
          expected: tidy(expected),
          factor: tidy(claim.stated / expected),
          diagnosis: `uses line ${from}'s wrong ${formatNapkin(upstream.wrong.stated)} (should be ${formatNapkin(upstream.wrong.correct)})${ownSlip ? `; as written it gives ≈${formatNapkin(claim.expected)}${claim.unit ? " " + claim.unit : ""}, so the stated value was computed from the right operand but the wrong one was copied` : ""}`,
          cause: undefined,
        });
        if (!statedMatchesCorrected) this.remember(line, claim.stated, expected);
        return finding;
      }
    }
    if (claim.verdict === "wrong") this.remember(line, claim.stated, claim.expected);
    return finding;
  }

  private remember(line: number, stated: number, correct: number) {
    this.wrongResults.push({ line, stated, correct });
  }

  /** The claim re-evaluated with earlier wrong results replaced by their corrections, if it uses any. */
  private propagate(claim: VerifiedClaim): { from: number; wrong: WrongResult; corrected: Quantity } | undefined {
    const replace = new Map<Node, Quantity>();
    let first: WrongResult | undefined;
    for (const literal of claim.literals) {
      const wrong = [...this.wrongResults].reverse().find((w) => sameNumber(w.stated, literal.value));
      if (!wrong) continue;
      replace.set(literal.node, { low: wrong.correct, high: wrong.correct, dim: { t: 0, d: 0 } });
      first ??= wrong;
    }
    if (!first) return undefined;
    const corrected = claim.reevaluate(replace);
    return corrected ? { from: first.line, wrong: first, corrected } : undefined;
  }
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;
/** Twelve significant digits: no float noise in JSON, every real digit kept. */
const tidy = (n: number) => Number(n.toPrecision(12));

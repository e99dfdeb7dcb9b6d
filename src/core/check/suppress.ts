import type { FindingRule } from "./checker.js";

/**
 * Suppression comments, as markdownlint and vale write them: `<!-- napkin-disable-next-line -->`,
 * `<!-- napkin-disable-line -->`, `<!-- napkin-disable -->` … `<!-- napkin-enable -->` and
 * `<!-- napkin-disable-file -->`, each optionally naming rules (`<!-- napkin-disable-next-line capacity -->`).
 */
const directive_ = /<!--\s*napkin-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\s,]+[a-z]+)*)\s*-->/g;

const fileDirective = /<!--\s*napkin-disable-file(?:[\s,]+[a-z]+)*\s*-->/g;

/** The `napkin-disable-file` comments on a line: read before the file's first line, they cover all of it. */
export function fileDirectivesIn(line: string): string[] {
  return line.includes("napkin-disable-file") ? (line.match(fileDirective) ?? []) : [];
}

/** Which rules a directive names: all of them when it names none. */
type Rules = "all" | ReadonlySet<string>;

function rulesOf(text: string): Rules {
  const names = text.split(/[\s,]+/).filter(Boolean);
  return names.length === 0 ? "all" : new Set(names);
}

const covers = (rules: Rules | undefined, rule: FindingRule) => rules !== undefined && (rules === "all" || rules.has(rule));

/** The suppression state of one file, read line by line. */
export class Suppressions {
  /** `fileDirectives`: the file's `napkin-disable-file` comments, found before checking it, so they cover the lines above them too. */
  constructor(fileDirectives: readonly string[] = []) {
    for (const directive of fileDirectives) for (const match of directive.matchAll(directive_)) this.file = rulesOf(match[2]);
  }

  private file: Rules | undefined;
  private region: Rules | undefined;
  private nextLine: Rules | undefined;
  /** What applies to the line last read: its own `disable-line`, and the line before's `disable-next-line`. */
  private thisLine: Rules | undefined;
  private ownLine: Rules | undefined;

  /** Reads a line's directives; call once per line, before asking about its findings. */
  read(text: string): void {
    this.thisLine = this.nextLine;
    this.nextLine = undefined;
    this.ownLine = undefined;
    if (!text.includes("napkin-")) return;
    for (const match of text.matchAll(directive_)) {
      const rules = rulesOf(match[2]);
      switch (match[1]) {
        case "disable-next-line":
          this.nextLine = rules;
          break;
        case "disable-line":
          this.ownLine = rules;
          break;
        case "disable-file":
          this.file = rules;
          break;
        case "disable":
          this.region = rules;
          break;
        case "enable":
          // `napkin-enable` ends every region; `napkin-enable capacity` ends only a region that named exactly that.
          if (rules === "all" || (this.region !== "all" && this.region && [...this.region].every((r) => rules.has(r)))) this.region = undefined;
          break;
      }
    }
  }

  /** Whether a finding of this rule on the line last read is suppressed. */
  suppresses(rule: FindingRule): boolean {
    return covers(this.file, rule) || covers(this.region, rule) || covers(this.thisLine, rule) || covers(this.ownLine, rule);
  }
}

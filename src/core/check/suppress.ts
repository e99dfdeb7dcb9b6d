import { type FindingRule, findingRules } from "./checker.js";
import { isFence } from "./claims.js";

/**
 * Suppression comments, as markdownlint and vale write them: `<!-- napkin-disable-next-line -->`,
 * `<!-- napkin-disable-line -->`, `<!-- napkin-disable -->` … `<!-- napkin-enable -->` and
 * `<!-- napkin-disable-file -->`, each optionally naming rules (`<!-- napkin-disable-next-line capacity -->`).
 */
const directive_ = /<!--\s*napkin-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\s,]+[a-z]+)*)\s*-->/g;

const codeSpan = /`+[^`]*`+/g;
const fileDirective = /<!--\s*napkin-disable-file(?:[\s,]+[a-z]+)*\s*-->/g;

/**
 * A file's `napkin-disable-file` comments, read ahead of checking it (they cover all of it): line by line, with
 * the comments shown in fenced code or code spans left out.
 */
export class FileDirectives {
  readonly found: string[] = [];
  private inFence = false;

  read(line: string): void {
    if (isFence(line)) this.inFence = !this.inFence;
    else if (!this.inFence && line.includes("napkin-disable-file")) this.found.push(...(line.replace(codeSpan, "").match(fileDirective) ?? []));
  }
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
  /** What applied to the line before by line comments: a claim written over both lines is covered by either. */
  private lineBefore: Rules | undefined;

  /** Reads a line's directives; call once per line, before asking about its findings. */
  /** Rule names the directives on the line last read name but napkin has none of (`arithmetc`): said, not silently dropped. */
  unknownRules: readonly string[] = [];

  read(text: string): void {
    if (this.unknownRules.length) this.unknownRules = [];
    this.lineBefore = this.thisLine === undefined ? this.ownLine : this.ownLine === undefined ? this.thisLine : "all";
    this.thisLine = this.nextLine;
    this.nextLine = undefined;
    this.ownLine = undefined;
    if (!text.includes("napkin-")) return;
    // A comment in a code span (`` `<!-- napkin-disable -->` ``) is shown, not meant.
    if (text.includes("`")) text = text.replace(codeSpan, "");
    for (const match of text.matchAll(directive_)) {
      const rules = rulesOf(match[2]);
      if (rules !== "all") {
        const unknown = [...rules].filter((rule) => !(findingRules as readonly string[]).includes(rule));
        if (unknown.length) this.unknownRules = [...this.unknownRules, ...unknown];
      }
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
          this.region = rules === "all" ? "all" : new Set([...(this.region === "all" ? findingRules : (this.region ?? [])), ...rules]);
          break;
        case "enable":
          // `napkin-enable` ends every region; `napkin-enable capacity` re-enables that rule only.
          if (rules === "all") this.region = undefined;
          else if (this.region) this.region = new Set([...(this.region === "all" ? findingRules : this.region)].filter((r) => !rules.has(r)));
          break;
      }
    }
  }

  /** Whether a finding of this rule on the line last read is suppressed; `startedAbove`: its claim began on the line before. */
  suppresses(rule: FindingRule, startedAbove = false): boolean {
    return covers(this.file, rule) || covers(this.region, rule) || covers(this.thisLine, rule) || covers(this.ownLine, rule) || (startedAbove && covers(this.lineBefore, rule));
  }
}

import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { type FindingRule, findingRules } from "../core/check/checker.js";
import { type NapkinConfig, configFileNames, readConfig, rulesOff } from "../core/config.js";
import { NapkinError } from "../core/errors.js";
import { defaultMonthSeconds } from "../core/notation/index.js";
import type { ReferenceTable } from "../core/reference.js";
import { defaultTolerance } from "../core/judge/slips.js";
import type { GlobalOptions } from "./command.js";
import { readJsonFile } from "./files.js";
import type { IgnoreGlobs } from "./findFiles.js";
import { readMonthSeconds, readTolerance } from "./flagValues.js";
import { readReferenceTable } from "./reference.js";

/** Where a setting came from, for --print-config. */
export type SettingSource = "flag" | "config" | "default";

/** What `napkin check` assumes for one input: flags over the nearest config file over the defaults. */
export interface Settings {
  /** The config file that applies, if any. */
  configFile?: string;
  tolerance: number;
  monthSeconds: number;
  /** The reference table's file (resolved), or undefined for the built-in table alone. */
  referenceFile?: string;
  reference: ReferenceTable;
  off: ReadonlySet<FindingRule>;
  /** The texts as written, and where each came from. */
  shown: { tolerance: string; month: string; reference: string | null; ignore: readonly string[] };
  sources: { tolerance: SettingSource; month: SettingSource; reference: SettingSource; rules: SettingSource };
}

/** What the command line says, which overrides any config file. */
export interface Flags {
  tolerance?: string;
  global: GlobalOptions;
}

/**
 * The config files of a run: found by walking up from each checked file's folder (then from the working
 * folder for standard input and -e), the nearest `.napkinrc.json` or `napkin.config.json` winning; each file
 * read and validated once. A malformed one is a NapkinError (`file: path.to.field: message`) for the inputs
 * under it, and only for them.
 */
export class Configs {
  private readonly found = new Map<string, string | undefined>();
  private readonly read = new Map<string, { config: NapkinConfig } | { error: NapkinError }>();
  private readonly tables = new Map<string, ReferenceTable>();
  private readonly announced = new Set<string>();

  constructor(
    private readonly flags: Flags,
    private readonly cwd = process.cwd(),
  ) {}

  /** Whether a config file is used for the first time in this run (a run says which config files it read, once each). */
  firstUse(configFile: string): boolean {
    if (this.announced.has(configFile)) return false;
    this.announced.add(configFile);
    return true;
  }

  /** The settings for a file (or, with no file, for standard input and -e: from the working folder). */
  settingsFor(file?: string): Settings {
    // A folder (`--print-config notes`) gets its own config, as the files in it do.
    const resolved = file === undefined ? undefined : path.resolve(this.cwd, file);
    const folder = resolved === undefined ? this.cwd : existsSync(resolved) && statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
    const configFile = this.configFileFor(folder);
    const config = configFile ? this.configOf(configFile) : {};
    return this.settings(configFile, config);
  }

  /** The `ignore` globs of the config that applies to a file (for a file found in a folder or by a glob). */
  ignoreFor(file: string): IgnoreGlobs | undefined {
    const configFile = this.configFileFor(path.dirname(path.resolve(this.cwd, file)));
    if (!configFile) return undefined;
    const entry = this.read.get(configFile) ?? this.load(configFile);
    return "config" in entry && entry.config.ignore?.length ? { base: path.dirname(configFile), globs: entry.config.ignore } : undefined;
  }

  private settings(configFile: string | undefined, config: NapkinConfig): Settings {
    const { flags } = this;
    const where = configFile ? path.relative(this.cwd, configFile) || configFile : "";
    const toleranceText = flags.tolerance ?? config.tolerance ?? `${defaultTolerance * 100}%`;
    const tolerance = readTolerance(toleranceText, flags.tolerance !== undefined ? "--tolerance" : config.tolerance !== undefined ? `${where}: tolerance` : "tolerance");
    const monthText = flags.global.month ?? config.month ?? "30d";
    const monthSeconds = flags.global.monthSeconds ?? (config.month !== undefined ? readMonthSeconds(config.month, `${where}: month`) : defaultMonthSeconds);
    const referenceFile = flags.global.reference ?? (config.reference !== undefined && configFile ? path.resolve(path.dirname(configFile), config.reference) : undefined);
    const off = rulesOff(config);
    return {
      configFile,
      tolerance,
      monthSeconds,
      referenceFile,
      reference: this.table(referenceFile, config.reference !== undefined && flags.global.reference === undefined ? `${where}: reference` : undefined),
      off,
      shown: { tolerance: toleranceText, month: monthText, reference: referenceFile ?? null, ignore: config.ignore ?? [] },
      sources: {
        tolerance: flags.tolerance !== undefined ? "flag" : config.tolerance !== undefined ? "config" : "default",
        month: flags.global.monthSeconds !== undefined ? "flag" : config.month !== undefined ? "config" : "default",
        reference: flags.global.reference !== undefined ? "flag" : config.reference !== undefined ? "config" : "default",
        rules: config.rules ? "config" : "default",
      },
    };
  }

  /** The reference table, read once per file; `where` names the config field that gave the file, for its errors. */
  private table(file: string | undefined, where?: string): ReferenceTable {
    const key = file ?? "";
    let table = this.tables.get(key);
    if (!table) {
      try {
        table = readReferenceTable({ reference: file });
      } catch (error) {
        if (error instanceof NapkinError && where) throw new NapkinError(error.code, `${where}: ${error.message}`);
        throw error;
      }
      this.tables.set(key, table);
    }
    return table;
  }

  private configOf(file: string): NapkinConfig {
    const entry = this.read.get(file) ?? this.load(file);
    if ("error" in entry) throw entry.error;
    return entry.config;
  }

  private load(file: string): { config: NapkinConfig } | { error: NapkinError } {
    let entry: { config: NapkinConfig } | { error: NapkinError };
    const shown = path.relative(this.cwd, file) || file;
    try {
      entry = { config: readConfig(readJsonFile(shown), shown) };
    } catch (error) {
      if (!(error instanceof NapkinError)) throw error;
      entry = { error };
    }
    this.read.set(file, entry);
    return entry;
  }

  /** The nearest config file at or above a folder. */
  private configFileFor(folder: string): string | undefined {
    if (this.found.has(folder)) return this.found.get(folder);
    let file: string | undefined;
    for (const name of configFileNames) {
      const candidate = path.join(folder, name);
      if (existsSync(candidate)) {
        file = candidate;
        break;
      }
    }
    const parent = path.dirname(folder);
    if (file === undefined && parent !== folder) file = this.configFileFor(parent);
    this.found.set(folder, file);
    return file;
  }
}

/** The settings as --print-config shows them: plain data, in the config file's own terms. */
export function printableSettings(file: string | undefined, settings: Settings, cwd = process.cwd()): Record<string, unknown> {
  return {
    file: file ?? "<stdin>",
    config: settings.configFile ? path.relative(cwd, settings.configFile) || settings.configFile : null,
    tolerance: settings.shown.tolerance,
    month: settings.shown.month,
    reference: settings.shown.reference ? path.relative(cwd, settings.shown.reference) || settings.shown.reference : null,
    ignore: settings.shown.ignore,
    rules: Object.fromEntries(findingRules.map((rule) => [rule, settings.off.has(rule) ? "off" : "on"])),
    from: settings.sources,
  };
}

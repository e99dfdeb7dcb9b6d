/** Every error napkin reports to a user; the shell prints them and exits 2. */
export const errorCodes = ["syntax", "unknownWord", "dimension", "math", "forbidden", "range", "input", "data", "usage", "io"] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Where an error was found: a file and line, and a column within the text. */
export interface ErrorPlace {
  file?: string;
  line?: number;
  column?: number;
}

export class NapkinError extends Error {
  readonly code: ErrorCode;
  readonly text?: string;
  place: ErrorPlace;
  private hintOrMaker?: string | (() => string | undefined);

  /**
   * `hint` may be a function, called only if the hint is read: `check` tries many readings of a line and
   * drops their errors, so a costly hint (a did-you-mean search over every known word) is made only when shown.
   */
  constructor(code: ErrorCode, message: string, options: { text?: string; hint?: string | (() => string | undefined); place?: ErrorPlace } = {}) {
    super(message);
    this.name = "NapkinError";
    this.code = code;
    this.text = options.text;
    this.hintOrMaker = options.hint;
    this.place = options.place ?? {};
  }

  /** A suggestion for the user: `did you mean 'ms'?`. */
  get hint(): string | undefined {
    if (typeof this.hintOrMaker === "function") this.hintOrMaker = this.hintOrMaker();
    return this.hintOrMaker;
  }

  /** One line: `file:line:col: message: 'text' (hint)`, or `… at column N` without a file. */
  toLine(): string {
    const { file, line, column } = this.place;
    const where = file ? [file, line, column].filter((p) => p !== undefined).join(":") + ": " : "";
    const at = !file && column !== undefined ? ` at column ${column}` : "";
    const text = this.text !== undefined && !this.message.includes(`'${this.text}'`) ? `: '${clip(this.text)}'` : "";
    const hint = this.hint ? ` (${this.hint})` : "";
    return clip(`${where}${this.message}${text}${at}${hint}`.replace(/[\r\n]+/g, " "), 400);
  }
}

/** Long offending text is shortened in messages: an error stays one readable line. */
export function clip(text: string, length = 60): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

import { NapkinError } from "../core/errors.js";
import { dims, readNotation } from "../core/notation/index.js";

// Values a flag or a config file gives, read the same way wherever they are written.

/** A percentage between 0% and 100% (`10%`), as a fraction; a one-line error naming `where` otherwise. */
export function readTolerance(text: string, where: string): number {
  try {
    const { quantity } = readNotation(text);
    if (quantity.low !== quantity.high || quantity.dim.t !== 0 || quantity.dim.d !== 0 || quantity.low <= 0 || quantity.low >= 1) throw new Error();
    return quantity.low;
  } catch {
    throw new NapkinError("usage", `${where} must be a percentage between 0% and 100%, like 10%`, { text });
  }
}

/** One positive duration (`30d`, `30.44d`, `2.5M s`), in seconds; a one-line error naming `where` otherwise. */
export function readMonthSeconds(text: string, where: string): number {
  try {
    const month = readNotation(text, { expect: dims.time }).quantity;
    if (month.low !== month.high || month.low <= 0) throw new NapkinError("input", "must be one positive duration");
    return month.low;
  } catch (error) {
    if (error instanceof NapkinError) throw new NapkinError("usage", `${where}: ${error.message}`, { text });
    throw error;
  }
}

import { describe, expect, test } from "vitest";
import { builtInReference } from "../../src/core/builtinReference.js";
import { NotesChecker } from "../../src/core/check/checker.js";
import { fenceSkipsCode, findClaims, undecorate } from "../../src/core/check/claims.js";

describe("code fences", () => {
  test.each(["```sql", "```SQL", "  ```Lua", "~~~python", "```js"])("%s holds code, not napkin math", (fence) => expect(fenceSkipsCode(fence)).toBe(true));
  test.each(["```", "```text", "```math", "~~~"])("%s may hold napkin math", (fence) => expect(fenceSkipsCode(fence)).toBe(false));

  /** The verdicts a whole text gets, line by line. */
  const verdicts = (text: string) => {
    const checker = new NotesChecker("x.md", { reference: builtInReference() });
    return text.split("\n").flatMap((line, i) => checker.checkLine(line, i + 1).map((f) => `${f.line}:${f.verdict}`));
  };
  test("a claim inside ```SQL is not read", () => expect(verdicts("```SQL\nSELECT 200000 / 3 = 66\n```")).toEqual([]));
  test("a claim inside a plain fence is read", () => expect(verdicts("```\n200K / 3 = 66\n```")).toEqual(["2:wrong"]));
  test("after the fence closes, claims are read again", () => expect(verdicts("```lua\nx = 1\n```\n200K / 3 = 66")).toEqual(["4:wrong"]));
});

describe("claims in a line", () => {
  test("prose without a separator is no claim", () => expect(findClaims("we had 200K drivers and 3 s pings")).toEqual([]));
  test("a chain makes one claim per separator", () => expect(findClaims("200K / 3 = 66.7K ≈ 67K").map((c) => c.separator)).toEqual(["=", "≈"]));
  test("a table row: the expression cell and its value cell", () => expect(findClaims("| 1M rows × 1KB | 1 GB |")[0]).toMatchObject({ left: "1M rows × 1KB", right: "1 GB", table: true }));
  test("markdown decoration comes off", () => expect(undecorate("- **200K / 3** = `66`")).toBe("200K / 3 = 66"));
});

describe("capacity claims name a component in any letter case", () => {
  const verdict = (line: string) => new NotesChecker("x.md", { reference: builtInReference() }).checkLine(line, 1).map((f) => f.verdict);
  test.each(["Postgres", "POSTGRES", "postgres"])("%s handles 100K inserts/s over-claims", (name) => expect(verdict(`${name} handles 100K inserts/s`)).toEqual(["reference"]));
  // U+212A KELVIN SIGN lower-cases to k, so the line names Kafka as far as its lower case goes.
  test("\u212Aafka, with a Kelvin sign", () => expect(verdict("\u212Aafka handles 5K writes per second")).toEqual(["ok"]));
});

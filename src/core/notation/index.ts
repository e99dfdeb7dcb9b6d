/**
 * napkin notation, the one door: what the rest of napkin may use of the reading layer. Nothing outside
 * src/core/notation imports its lexer, parser or vocabulary directly (tests/core/layering.test.ts).
 */
export { type Dim, type DimKey, type Term, type Terms, dimensionless, dims, isPlain, noTerms, sameDim, termsMeasure, termsSize } from "./units.js";
export { type Quantity, add, checked, dimName, divide, isDimensionless, isRange, midpoint, multiply, negate, power, quantity } from "./quantity.js";
export { type MathFunctions, type Reading, adoptEachOther, evaluateNode, numberValue, senseOf } from "./evaluate.js";
export { type Literal, type Node, type Part, type ParseOptions, type Parsed, type WordPart, literalsOf, mathFunctionArity, mathFunctionNames, parseNotation, type MathFunctionName } from "./parser.js";
export {
  type Choice, type Picks, type ReadOptions, type ReadResult, type ReadingNote, type WrittenQuantity, choicesOf, dependsOnLanguage, dimsWritten, enumeratePicks, keysOf, notesFor,
  optionCost, quantitiesIn, readNotation, readingCosts, readingFor, senseName, uncorroboratedCost, wordParts,
} from "./reading.js";
export { type DisplayUnit, bitRateUnit, chooseUnit, formatExact, formatNapkin, formatQuantity, formatRounded, groupThousands } from "./format.js";
export { type Language, type Unit, isScaleWord, languageOf, lookupWord, nounNamed, scaleOf, suggestWord, unitById } from "./vocabulary.js";
export { isLetterBefore, isLettersOnly, lettersEnd } from "./letters.js";
export { tokenize } from "./lexer.js";
export { defaultMonthSeconds, secondsPerDay, secondsPerYear } from "./constants.js";

/**
 * napkin estimate: from the numbers an interviewer gives, the whole chain of rates, bandwidth, storage,
 * records, cache and servers, step by step, and the peak against the reference table. One stream from
 * inputs, or a scenario's streams side by side with their total.
 */
export { type CapacityCheck, type Verdict, checkCapacity, defaultAgainst, figureAbout } from "./capacity.js";
export { costFigures } from "./cost.js";
export { type ResultName, type Step, type StreamKind, resultNames } from "./derive.js";
export {
  type EstimateInputName, type EstimateInputs, type EstimateProblem, type EstimateReading, type InputKind, EstimateError, estimateInputs, inputNames,
  inputSpec, problemInput,
} from "./inputs.js";
export { type Estimate, type EstimateOptions, type NamedStream, type ScenarioData, estimateScenario, estimateTraffic, inputsSchema, readScenario, scenarioSchema } from "./scenario.js";

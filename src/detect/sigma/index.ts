/** Native Sigma rules: YAML in, Prowl `Rule`s out, run by the same engine as TypeScript rules. */
export { loadSigmaRules, readSigmaRules, type LoadedSigmaRule, type LoadOptions, type SigmaLoadReport } from './load-rules';
export { parseSigmaRule } from './parse-rule';
export { sigmaRuleId } from './compile-rule';
export { formatProblem, SigmaLoadError, type SigmaProblem, type SigmaProblemKind } from './sigma-error';

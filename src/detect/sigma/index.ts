/** Native Sigma rules: YAML in, Prowl `Rule`s out, run by the same engine as TypeScript rules. */
export { loadSigmaRules } from './load-rules';
export { parseSigmaRule } from './parse-rule';
export { sigmaRuleId } from './compile-rule';
export { SigmaLoadError, type SigmaProblem, type SigmaProblemKind } from './sigma-error';

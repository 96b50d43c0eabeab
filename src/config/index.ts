export * from './config-file';
export * from './detection-settings';
export * from './runtime-env';
export * from './severity';
export { describeIssues } from './zod-issues';

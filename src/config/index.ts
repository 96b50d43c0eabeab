export * from './config-file';
export * from './runtime-env';
export * from './severity';
export { describeIssues } from './zod-issues';

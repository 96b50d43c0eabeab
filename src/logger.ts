import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs (Powertools reads POWERTOOLS_LOG_LEVEL itself). Never log secrets or tokens. */
export const logger = new Logger({ serviceName: 'prowl' });

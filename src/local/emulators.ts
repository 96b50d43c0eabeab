import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { z } from 'zod';
import { ProwlError } from '../errors';

export interface EmulatorEndpoints {
  dynamodb: string;
  aws: string;
}

export interface Emulators {
  endpoints: EmulatorEndpoints;
  stop(): Promise<void>;
}

const endpointsSchema = z.object({ dynamodb: z.url(), aws: z.url() });

/**
 * Starts DynamoDB, S3 and SQS emulators in a child process on loopback. Data persists under
 * `dataDir` when given (the laptop), and lives in memory otherwise (tests).
 */
export async function startEmulators(options: { dataDir?: string; ports?: { dynamodb?: number; aws?: number } } = {}): Promise<Emulators> {
  const child = spawn(process.execPath, [join(__dirname, 'emulator-process.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      ...(options.dataDir ? { PROWL_EMULATOR_DATA_DIR: options.dataDir } : {}),
      PROWL_EMULATOR_DYNAMODB_PORT: String(options.ports?.dynamodb ?? 0),
      PROWL_EMULATOR_AWS_PORT: String(options.ports?.aws ?? 0),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  const firstLine = new Promise<string>((resolve) => lines.once('line', resolve));
  const outcome = await Promise.race([firstLine, exited.then((code) => ({ code }))]);
  if (typeof outcome !== 'string') {
    throw new ProwlError(
      'prowl_internal',
      `the local emulators exited (code ${outcome.code}) before they were ready; is another \`npm start\` using ${options.dataDir ?? 'the ports'}?`,
    );
  }
  const endpoints = endpointsSchema.parse(JSON.parse(outcome));
  return {
    endpoints,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

import { startEmulators } from '../../src/local/emulators';

/** One pair of emulators for the whole run; each test file provisions its own stage inside them. */
export default async function globalSetup(): Promise<void> {
  const emulators = await startEmulators();
  process.env.PROWL_TEST_EMULATORS = JSON.stringify(emulators.endpoints);
  (globalThis as { prowlEmulators?: typeof emulators }).prowlEmulators = emulators;
}

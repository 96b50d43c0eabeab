import { startEmulators } from '../../src/local/emulators';

/** One pair of emulators for the whole run; each test file provisions its own stage inside them. */
export default async function globalSetup(): Promise<void> {
  // Versions are pinned in the lockfile; the SDK's notice about future Node 22 releases is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Handlers log every object at INFO; in a test run that buries the failures. Set it to INFO to see them.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const emulators = await startEmulators();
  process.env.PROWL_TEST_EMULATORS = JSON.stringify(emulators.endpoints);
  (globalThis as { prowlEmulators?: typeof emulators }).prowlEmulators = emulators;
}

import type { Emulators } from '../../src/local/emulators';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { prowlEmulators?: Emulators }).prowlEmulators?.stop();
}

import { rmSync } from 'node:fs';
import { SERVER_KEY, type E2eServer } from './global-setup';

const STOP_TIMEOUT_MS = 30_000;

/** Ctrl-C (SIGINT) stops the server and its embedded PostgreSQL; then the data goes. */
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>)[SERVER_KEY] as E2eServer | undefined;
  if (!server) {
    return;
  }
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGINT');
    const stopped = await Promise.race([
      server.exited.then(() => true),
      new Promise<boolean>((done) => setTimeout(() => done(false), STOP_TIMEOUT_MS).unref()),
    ]);
    if (!stopped) {
      process.stderr.write('[e2e] the server did not stop after SIGINT: killing it\n');
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

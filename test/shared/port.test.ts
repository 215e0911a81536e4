import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isPortFree, nextFreePort, portHolder, waitForPortFree } from "../../scripts/port.ts";

const host = "127.0.0.1";
const servers: Server[] = [];

function listen(port = 0): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, host, () => {
      servers.push(server);
      resolve({ server, port: (server.address() as { port: number }).port });
    });
  });
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

afterEach(async () => {
  await Promise.all(servers.splice(0).filter((server) => server.listening).map(close));
});

describe("npm start's port", () => {
  it("is free once the server that held it has stopped, within the wait", async () => {
    const { server, port } = await listen();
    expect(await isPortFree(port, host)).toBe(false);
    setTimeout(() => void close(server), 400);
    expect(await waitForPortFree(port, host, 3_000)).toBe(true);
  });

  it("is reported busy when something keeps listening", async () => {
    const { port } = await listen();
    expect(await waitForPortFree(port, host, 300)).toBe(false);
  });

  it.runIf(process.platform === "linux")("names the process that listens there", async () => {
    const { port } = await listen();
    expect(portHolder(port)).toMatch(new RegExp(`^pid ${process.pid} \\(.*node`));
  });

  it("says so plainly when no process holds the port", async () => {
    const { server, port } = await listen();
    await close(server);
    expect(portHolder(port)).toBe("another program");
  });

  it("offers the next free port", async () => {
    const first = await listen();
    const second = await listen(first.port + 1).catch(() => null);
    const next = await nextFreePort(first.port, host);
    expect(next).not.toBeNull();
    expect(next).toBeGreaterThan(second ? second.port : first.port);
    expect(await isPortFree(next!, host)).toBe(true);
  });
});

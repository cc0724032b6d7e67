import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { ServerOptions, Server } from 'socket.io';
import type Redis from 'ioredis';
import { createRedis } from '../redis.module';

/** socket.io over the official Redis adapter, so rooms and broadcasts span every API instance. */
export class RedisIoAdapter extends IoAdapter {
  private adapterConstructor: ReturnType<typeof createAdapter> | undefined;
  private clients: Redis[] = [];

  /** `key` names the deployment's channels: instances of one deployment share them, and only they. */
  async connectToRedis(url: string, key: string): Promise<void> {
    // Not pipelined: an event is published as it is issued, before the write it announces is answered,
    // so that an instance dying right after answering cannot take an acknowledged reply's event with it
    // (auto-pipelining holds commands until the end of the turn, after the answer has gone out).
    const pub = createRedis(url, { pipelined: false });
    // Subscriber mode takes no pipelined commands.
    const sub = pub.duplicate({ enableAutoPipelining: false });
    // socket.io closes its adapter once more after Nest has closed the server, and the adapter then
    // unsubscribes without waiting: on a client already quit that was an unhandled rejection, which
    // ended the process with an error at every shutdown.
    for (const name of ['unsubscribe', 'punsubscribe'] as const) {
      const unsubscribe = sub[name].bind(sub) as (...args: unknown[]) => Promise<unknown>;
      (sub as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (sub.status === 'end' ? Promise.resolve(0) : unsubscribe(...args).catch(() => 0));
    }
    this.clients = [pub, sub];
    await Promise.all(this.clients.map((c) => (c.status === 'ready' ? Promise.resolve() : new Promise((resolve, reject) => { c.once('ready', resolve); c.once('error', reject); }))));
    this.adapterConstructor = createAdapter(pub, sub, { key, requestsTimeout: 2000 });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapterConstructor) server.adapter(this.adapterConstructor);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
  }
}

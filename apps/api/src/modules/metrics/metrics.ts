import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached read (a few ms) to the write timeouts (several seconds). */
const HTTP_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds from an event's publication to its delivery to a socket: normally ms, seconds while a gap is filled. */
const LAG_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** What the live module reports on demand: counted at scrape time, never on the hot path. */
export interface LiveCounts {
  sockets: number;
  rooms: number;
}

/**
 * Agora's Prometheus metrics, one registry per application (tests run several in a process). Each
 * metric is listed in the README's Metrics section; a name changed here is changed there.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'agora_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, with their latency; _count is the request count.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  /** Children by label values, so a request costs a Map lookup rather than prom-client's label hashing. */
  private readonly httpChildren = new Map<string, { observe(value: number): void }>();

  private readonly rateLimited = new Counter({
    name: 'agora_rate_limit_refusals_total',
    help: 'Requests refused with 429 by the write rate limits, by route pattern.',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  readonly livePublished = new Counter({
    name: 'agora_live_events_published_total',
    help: 'Live events this instance published (numbered and sent to every instance), by event name.',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  readonly liveDelivered = new Counter({
    name: 'agora_live_events_delivered_total',
    help: "Live events this instance sent to its sockets (one per socket), by event name.",
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  readonly liveLag = new Histogram({
    name: 'agora_live_delivery_lag_seconds',
    help: 'Time from an event’s publication (on any instance) to its delivery to this instance’s sockets.',
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });

  private liveCounts: () => LiveCounts = () => ({ sockets: 0, rooms: 0 });
  private databaseUp: () => boolean = () => false;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // prom-client calls collect() with the gauge as `this`; these read this instance's sources.
    const live = () => this.liveCounts();
    const databaseUp = () => this.databaseUp();
    new Gauge({
      name: 'agora_live_sockets',
      help: 'Sockets connected to this instance’s /live namespace.',
      registers: [this.registry],
      collect() {
        this.set(live().sockets);
      },
    });
    new Gauge({
      name: 'agora_live_rooms',
      help: 'Articles with at least one reader connected to this instance.',
      registers: [this.registry],
      collect() {
        this.set(live().rooms);
      },
    });
    new Gauge({
      name: 'agora_database_up',
      help: '1 while the database can take queries (as the driver’s monitoring sees it), 0 while it cannot.',
      registers: [this.registry],
      collect() {
        this.set(databaseUp() ? 1 : 0);
      },
    });
  }

  /** Sources read at scrape time. */
  watch(sources: { live?: () => LiveCounts; databaseUp?: () => boolean; redisUp?: () => boolean }): void {
    if (sources.live) this.liveCounts = sources.live;
    if (sources.databaseUp) this.databaseUp = sources.databaseUp;
    const redisUp = sources.redisUp;
    // Only an instance given REDIS_URL has this metric: 0 would read as an outage.
    if (redisUp && !this.registry.getSingleMetric('agora_redis_up')) {
      new Gauge({
        name: 'agora_redis_up',
        help: '1 while the Redis connection is ready, 0 while it is not; absent when REDIS_URL is not set.',
        registers: [this.registry],
        collect() {
          this.set(redisUp() ? 1 : 0);
        },
      });
    }
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.httpChildren.get(key);
    if (!child) this.httpChildren.set(key, (child = this.httpDuration.labels(method, route, String(status))));
    child.observe(seconds);
    if (status === 429) this.rateLimited.inc({ route });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

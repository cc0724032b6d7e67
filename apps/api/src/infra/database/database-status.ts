import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ConnectionStates, type Connection, type mongo } from 'mongoose';
import { Subject, type Observable } from 'rxjs';

/**
 * Whether the database can take a query, as the driver's own monitoring sees it. The driver checks the
 * server every heartbeat and at once after a network error, so a dead database is known within moments
 * and its return within a heartbeat; knowing it, requests are refused at once (DatabaseGateInterceptor)
 * instead of each waiting for server selection to give up.
 */
@Injectable()
export class DatabaseStatus implements OnModuleDestroy {
  private up: boolean;
  private readonly losses = new Subject<void>();
  private readonly follow = (event: mongo.TopologyDescriptionChangedEvent): void => {
    const was = this.up;
    this.up = event.newDescription.hasDataBearingServers;
    if (was && !this.up) this.losses.next();
  };

  constructor(@InjectConnection() private readonly connection: Connection) {
    this.up = connection.readyState === ConnectionStates.connected;
    connection.getClient().on('topologyDescriptionChanged', this.follow);
  }

  /** False from the moment the driver knows no server can answer, until one can again. */
  get reachable(): boolean {
    return this.up;
  }

  /** Emits each time the database is lost (reachable turns false). */
  get lost(): Observable<void> {
    return this.losses.asObservable();
  }

  /**
   * Whether the database answers a ping within `timeoutMs`: false at once while it is known to be down. The
   * ping catches a death the driver has not noticed yet (between heartbeats), and tells the driver of it.
   */
  async answers(timeoutMs: number): Promise<boolean> {
    if (!this.up || !this.connection.db) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.connection.db.admin().ping().then(() => true, () => false), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  onModuleDestroy(): void {
    this.connection.getClient().off('topologyDescriptionChanged', this.follow);
  }
}

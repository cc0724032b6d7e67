import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** Where the replay log was kept before it was stored in pages (see LiveLogPageDoc): one document per event. */
const EVENT_PER_DOCUMENT_LOG = 'live_events';

/**
 * Drops the replay log of one document per event, at start. What it held is only for replays: a
 * reader who reconnects across the upgrade, with a seq the paged log does not reach, is told to
 * reload, as after any gap. Instances starting together may both drop it; the second finds nothing.
 */
@Injectable()
export class LiveLogMigration implements OnModuleInit {
  private readonly logger = new Logger('LiveLogMigration');

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    try {
      const found = await this.connection.db!.listCollections({ name: EVENT_PER_DOCUMENT_LOG }, { nameOnly: true }).toArray();
      if (!found.length) return;
      await this.connection.db!.dropCollection(EVENT_PER_DOCUMENT_LOG).catch((error: { codeName?: string }) => {
        if (error?.codeName !== 'NamespaceNotFound') throw error;
      });
      this.logger.log(`Dropped ${EVENT_PER_DOCUMENT_LOG}: the replay log is now kept in pages (live_log)`);
    } catch (error) {
      this.logger.warn(`${EVENT_PER_DOCUMENT_LOG} not dropped (tried again at the next start): ${(error as Error).message}`);
    }
  }
}

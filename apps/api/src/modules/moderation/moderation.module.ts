import { Module } from '@nestjs/common';

/** Flags, review queue, actions, locks, pins, suspensions and the audit log. */
@Module({})
export class ModerationModule {}

import { Injectable } from '@nestjs/common';
import { assertModerator, type AuditEntry, type AuditQuery, type Page } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { AuditRepository } from '../audit/audit.repository';

/** Every moderation action, newest first, for moderators and admins. */
@Injectable()
export class AuditLogService {
  constructor(private readonly audit: AuditRepository) {}

  page(query: AuditQuery, actor: RequestUser): Promise<Page<AuditEntry>> {
    assertModerator(actor);
    const { cursor, limit, ...filter } = query;
    return this.audit.page(cursor, limit, filter);
  }
}

import {
  slowModeSchema,
  appealSchema,
  appealsQuerySchema,
  decideAppealSchema,
  moderatorNoteSchema,
  userDirectoryQuerySchema,
  auditQuerySchema,
  banSchema,
  flagSchema,
  lockSchema,
  moderateNodeSchema,
  pinSchema,
  queueQuerySchema,
  roleChangeSchema,
  suspendSchema,
  unbanSchema,
} from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class FlagDto extends createZodDto(flagSchema) {}
export class ModerateNodeDto extends createZodDto(moderateNodeSchema) {}
export class LockDto extends createZodDto(lockSchema) {}
export class PinDto extends createZodDto(pinSchema) {}
export class SuspendDto extends createZodDto(suspendSchema) {}
export class BanDto extends createZodDto(banSchema) {}
export class UnbanDto extends createZodDto(unbanSchema) {}
export class RoleChangeDto extends createZodDto(roleChangeSchema) {}
export class QueueQueryDto extends createZodDto(queueQuerySchema) {}
export class AuditQueryDto extends createZodDto(auditQuerySchema) {}
export class AppealDto extends createZodDto(appealSchema) {}
export class DecideAppealDto extends createZodDto(decideAppealSchema) {}
export class AppealsQueryDto extends createZodDto(appealsQuerySchema) {}
export class ModeratorNoteDto extends createZodDto(moderatorNoteSchema) {}
export class UserDirectoryQueryDto extends createZodDto(userDirectoryQuerySchema) {}
export class SlowModeDto extends createZodDto(slowModeSchema) {}

import { markNotificationsReadSchema, notificationsQuerySchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class NotificationsQueryDto extends createZodDto(notificationsQuerySchema) {}
export class MarkNotificationsReadDto extends createZodDto(markNotificationsReadSchema) {}

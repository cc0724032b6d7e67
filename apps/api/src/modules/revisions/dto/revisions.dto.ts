import { attachOrphanSchema, orphanParamsSchema, reviseArticleSchema, revisionParamsSchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class ReviseArticleDto extends createZodDto(reviseArticleSchema) {}
export class RevisionParamsDto extends createZodDto(revisionParamsSchema) {}
export class OrphanParamsDto extends createZodDto(orphanParamsSchema) {}
export class AttachOrphanDto extends createZodDto(attachOrphanSchema) {}

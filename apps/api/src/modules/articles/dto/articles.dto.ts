import { idParamSchema, importArticleSchema, paragraphParamsSchema, paragraphReplySchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class IdParamDto extends createZodDto(idParamSchema) {}
export class ImportArticleDto extends createZodDto(importArticleSchema) {}
export class ParagraphParamsDto extends createZodDto(paragraphParamsSchema) {}
export class ParagraphReplyDto extends createZodDto(paragraphReplySchema) {}

import { exportQuerySchema, importQuerySchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class ExportQueryDto extends createZodDto(exportQuerySchema) {}
export class ImportQueryDto extends createZodDto(importQuerySchema) {}

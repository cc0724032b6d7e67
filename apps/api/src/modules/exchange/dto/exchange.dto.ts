import { exportQuerySchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class ExportQueryDto extends createZodDto(exportQuerySchema) {}

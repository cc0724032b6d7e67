import { childrenQuerySchema, editNodeSchema, nodeReplySchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class ChildrenQueryDto extends createZodDto(childrenQuerySchema) {}
export class NodeReplyDto extends createZodDto(nodeReplySchema) {}
export class EditNodeDto extends createZodDto(editNodeSchema) {}

import { voteSchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class VoteDto extends createZodDto(voteSchema) {}

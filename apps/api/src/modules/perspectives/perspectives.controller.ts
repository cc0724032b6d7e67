import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Perspectives } from '@agora/shared';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { PerspectivesService } from './perspectives.service';

@ApiTags('perspectives')
@Controller('articles')
export class PerspectivesController {
  constructor(private readonly perspectives: PerspectivesService) {}

  /** How each opinion group weighs every public node of the article, and the caller's own group. */
  @Get(':id/perspectives')
  get(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser | null): Promise<Perspectives> {
    return this.perspectives.view(id, user);
  }
}

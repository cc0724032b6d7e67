import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FlagView } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { FlagDto } from './dto/moderation.dto';
import { FlagsService } from './flags.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Authenticated()
@Controller('nodes')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Post(':id/flags')
  @WriteThrottle()
  flag(@Param() { id }: IdParamDto, @Body() body: FlagDto, @CurrentUser() user: RequestUser): Promise<FlagView> {
    return this.flags.flag(id, body, user);
  }
}

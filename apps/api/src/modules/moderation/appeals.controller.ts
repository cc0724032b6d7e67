import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppealView, Page } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { AppealDto, AppealsQueryDto, DecideAppealDto } from './dto/moderation.dto';
import { AppealsService } from './appeals.service';

/** An author appeals a decision on their post. */
@ApiTags('moderation')
@ApiBearerAuth()
@Authenticated()
@Controller('nodes')
export class NodeAppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post(':id/appeal')
  @WriteThrottle()
  appeal(@Param() { id }: IdParamDto, @Body() body: AppealDto, @CurrentUser() user: RequestUser): Promise<AppealView> {
    return this.appeals.appeal(id, body, user);
  }
}

/** Moderators list and decide appeals; never those of their own decisions. */
@ApiTags('moderation')
@ApiBearerAuth()
@Authenticated()
@Controller('moderation/appeals')
export class ModerationAppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  list(@Query() query: AppealsQueryDto, @CurrentUser() user: RequestUser): Promise<Page<AppealView>> {
    return this.appeals.page(query, user);
  }

  @Post(':id')
  @HttpCode(200)
  @WriteThrottle()
  decide(@Param() { id }: IdParamDto, @Body() body: DecideAppealDto, @CurrentUser() user: RequestUser): Promise<AppealView> {
    return this.appeals.decide(id, body, user);
  }
}

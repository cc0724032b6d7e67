import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PublicUser } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { BanDto, SuspendDto, UnbanDto } from './dto/moderation.dto';
import { UserModerationService } from './user-moderation.service';

/** Suspensions and bans; moderators act on participants, admins also on moderators. */
@ApiTags('moderation')
@ApiBearerAuth()
@Authenticated()
@Controller('moderation/users')
export class ModerationUsersController {
  constructor(private readonly users: UserModerationService) {}

  @Post(':id/suspend')
  @HttpCode(200)
  @WriteThrottle()
  suspend(@Param() { id }: IdParamDto, @Body() body: SuspendDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.suspend(id, body.until, body.reason, user);
  }

  @Post(':id/ban')
  @HttpCode(200)
  @WriteThrottle()
  ban(@Param() { id }: IdParamDto, @Body() body: BanDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.ban(id, body.reason, user);
  }

  @Post(':id/unban')
  @HttpCode(200)
  @WriteThrottle()
  unban(@Param() { id }: IdParamDto, @Body() body: UnbanDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.unban(id, body.reason, user);
  }
}

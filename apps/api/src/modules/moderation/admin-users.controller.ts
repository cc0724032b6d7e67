import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PublicUser } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { RoleChangeDto } from './dto/moderation.dto';
import { UserModerationService } from './user-moderation.service';

/** Role changes; admins only. */
@ApiTags('admin')
@ApiBearerAuth()
@Authenticated()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UserModerationService) {}

  @Post(':id/role')
  @HttpCode(200)
  @WriteThrottle()
  changeRole(@Param() { id }: IdParamDto, @Body() body: RoleChangeDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.changeRole(id, body.role, body.reason, user);
  }
}

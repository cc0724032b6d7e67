import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserProfile } from '@agora/shared';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { UsernameParamDto } from './dto/profiles.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('users')
@Controller('users')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get(':username')
  profile(@Param() { username }: UsernameParamDto, @CurrentUser() user: RequestUser | null): Promise<UserProfile> {
    return this.profiles.profile(username, user);
  }
}

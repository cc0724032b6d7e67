import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ModeratorNote, Page, PublicUser, UserDossier, UserStanding } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { BanDto, ModeratorNoteDto, SuspendDto, UnbanDto, UserDirectoryQueryDto } from './dto/moderation.dto';
import { UserDirectoryService } from './user-directory.service';
import { UserModerationService } from './user-moderation.service';

/** The user directory, private notes, suspensions and bans; moderators act on participants, admins also on moderators. */
@ApiTags('moderation')
@ApiBearerAuth()
@Authenticated()
@Controller('moderation/users')
export class ModerationUsersController {
  constructor(
    private readonly users: UserModerationService,
    private readonly directory: UserDirectoryService,
  ) {}

  @Get()
  search(@Query() query: UserDirectoryQueryDto, @CurrentUser() user: RequestUser): Promise<Page<UserStanding>> {
    return this.directory.search(query, user);
  }

  @Get(':id')
  dossier(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<UserDossier> {
    return this.directory.dossier(id, user);
  }

  @Get(':id/notes')
  notes(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<ModeratorNote[]> {
    return this.directory.listNotes(id, user);
  }

  @Post(':id/notes')
  @WriteThrottle()
  addNote(@Param() { id }: IdParamDto, @Body() body: ModeratorNoteDto, @CurrentUser() user: RequestUser): Promise<ModeratorNote> {
    return this.directory.addNote(id, body, user);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @WriteThrottle()
  suspend(@Param() { id }: IdParamDto, @Body() body: SuspendDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.suspend(id, body, user);
  }

  @Post(':id/ban')
  @HttpCode(200)
  @WriteThrottle()
  ban(@Param() { id }: IdParamDto, @Body() body: BanDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.ban(id, body, user);
  }

  @Post(':id/unban')
  @HttpCode(200)
  @WriteThrottle()
  unban(@Param() { id }: IdParamDto, @Body() body: UnbanDto, @CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.users.unban(id, body.reason, user);
  }
}

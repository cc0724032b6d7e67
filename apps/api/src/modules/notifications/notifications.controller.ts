import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPage } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { MarkNotificationsReadDto, NotificationsQueryDto } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@Query() query: NotificationsQueryDto, @CurrentUser() user: RequestUser): Promise<NotificationPage> {
    return this.notifications.page(user, query);
  }

  @Post('read')
  @HttpCode(200)
  markRead(@Body() body: MarkNotificationsReadDto, @CurrentUser() user: RequestUser): Promise<{ unread: number }> {
    return this.notifications.markRead(user, body);
  }
}

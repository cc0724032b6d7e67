import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArgumentNode, NodeHistory, Page, StrengthBreakdown } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { ChildrenQueryDto, EditNodeDto, NodeReplyDto } from './dto/nodes.dto';
import { NodesService } from './nodes.service';

@ApiTags('nodes')
@Controller('nodes')
export class NodesController {
  constructor(private readonly nodes: NodesService) {}

  @Get(':id')
  get(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser | null): Promise<ArgumentNode> {
    return this.nodes.get(id, user);
  }

  @Get(':id/children')
  children(@Param() { id }: IdParamDto, @Query() query: ChildrenQueryDto, @CurrentUser() user: RequestUser | null): Promise<Page<ArgumentNode>> {
    return this.nodes.children(id, query, user);
  }

  @Get(':id/strength')
  strength(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser | null): Promise<StrengthBreakdown> {
    return this.nodes.strengthBreakdown(id, user);
  }

  @Get(':id/history')
  history(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser | null): Promise<NodeHistory> {
    return this.nodes.history(id, user);
  }

  @Post(':id/replies')
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  reply(@Param() { id }: IdParamDto, @Body() body: NodeReplyDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.replyToNode(id, body.type, body.text, user);
  }

  @Patch(':id')
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  edit(@Param() { id }: IdParamDto, @Body() body: EditNodeDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.edit(id, body.text, user);
  }

  @Delete(':id')
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  withdraw(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.withdraw(id, user);
  }
}

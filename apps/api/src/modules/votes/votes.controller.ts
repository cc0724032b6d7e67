import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MyVote, VoteResponse } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { VoteDto } from './dto/votes.dto';
import { VotesService } from './votes.service';

@ApiTags('votes')
@ApiBearerAuth()
@Authenticated()
@Controller('nodes/:id')
export class VotesController {
  constructor(private readonly votes: VotesService) {}

  @Put('vote')
  @WriteThrottle('vote')
  vote(@Param() { id }: IdParamDto, @Body() body: VoteDto, @CurrentUser() user: RequestUser): Promise<VoteResponse> {
    return this.votes.vote(id, body.value, user);
  }

  @Delete('vote')
  @WriteThrottle('vote')
  withdraw(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<VoteResponse> {
    return this.votes.withdraw(id, user);
  }

  @Get('my-vote')
  mine(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<MyVote> {
    return this.votes.mine(id, user);
  }
}

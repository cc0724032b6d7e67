import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { LiveModule } from '../live/live.module';
import { NodesModule } from '../nodes/nodes.module';
import { VoteDoc, VoteSchema } from './vote.model';
import { VotesController } from './votes.controller';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';
import { VoteRepair } from './vote-repair';

@Module({
  imports: [ArticleStoreModule, NodesModule, LiveModule, MongooseModule.forFeature([{ name: VoteDoc.name, schema: VoteSchema }])],
  controllers: [VotesController],
  providers: [VotesRepository, VotesService, VoteRepair],
  exports: [VotesService, VotesRepository],
})
export class VotesModule {}

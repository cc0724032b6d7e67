import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { LiveModule } from '../live/live.module';
import { PerspectivesController } from './perspectives.controller';
import { PerspectivesJob } from './perspectives-job';
import { PerspectivesRepository } from './perspectives.repository';
import { PerspectivesService } from './perspectives.service';

/** Opinion groups of each article's readers, computed in the background, and how each weighs every node. */
@Module({
  imports: [ArticleStoreModule, ArticleTreeModule, LiveModule],
  controllers: [PerspectivesController],
  providers: [PerspectivesRepository, PerspectivesService, PerspectivesJob],
  exports: [PerspectivesService],
})
export class PerspectivesModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArgumentNodeDoc, NodeSchema } from './node.model';
import { NodesRepository } from './nodes.repository';

/** Node persistence, shared by the modules that read or write nodes. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ArgumentNodeDoc.name, schema: NodeSchema }])],
  providers: [NodesRepository],
  exports: [NodesRepository],
})
export class NodeStoreModule {}

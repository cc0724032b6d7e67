import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEntryDoc, AuditEntrySchema } from './audit.model';
import { AuditRepository } from './audit.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryDoc.name, schema: AuditEntrySchema }])],
  providers: [AuditRepository],
  exports: [AuditRepository],
})
export class AuditModule {}

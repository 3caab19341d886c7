import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';

@Module({
  controllers: [EvidenceController],
  providers: [EvidenceRepository, EvidenceService, EvidenceUploadInterceptor],
  exports: [EvidenceService],
})
export class EvidenceModule {}

import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { IMPORT_LIMITS, importLimitsFromEnv } from './import-limits';
import { ImportService } from './import.service';
import { ImportUploadInterceptor } from './import-upload.interceptor';

@Module({
  controllers: [ImportController],
  providers: [
    ImportService,
    ImportUploadInterceptor,
    { provide: IMPORT_LIMITS, useFactory: () => importLimitsFromEnv(process.env) },
  ],
})
export class ImportModule {}

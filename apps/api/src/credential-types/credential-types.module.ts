import { Module } from '@nestjs/common';
import { CredentialTypesController } from './credential-types.controller';
import { CredentialTypesService } from './credential-types.service';

@Module({
  controllers: [CredentialTypesController],
  providers: [CredentialTypesService],
  exports: [CredentialTypesService],
})
export class CredentialTypesModule {}

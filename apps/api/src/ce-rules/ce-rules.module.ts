import { Module } from '@nestjs/common';
import { CeRulesController } from './ce-rules.controller';
import { CeRulesService } from './ce-rules.service';

@Module({
  controllers: [CeRulesController],
  providers: [CeRulesService],
  exports: [CeRulesService],
})
export class CeRulesModule {}

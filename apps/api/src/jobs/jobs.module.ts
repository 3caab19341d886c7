import { Global, Module } from '@nestjs/common';
import { JobEngine } from './job-engine';

@Global()
@Module({ providers: [JobEngine], exports: [JobEngine] })
export class JobsModule {}

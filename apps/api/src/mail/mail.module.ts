import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** The mailer, for any feature that sends e-mail (reminders today, password resets later). */
@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}

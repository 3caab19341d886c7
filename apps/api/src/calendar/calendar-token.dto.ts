import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CALENDAR_TOKEN_SCOPES,
  type CalendarTokenScope,
  type CreateCalendarTokenRequest,
} from '@him/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../common/dto-fields';

export class CreateCalendarTokenDto implements CreateCalendarTokenRequest {
  @ApiPropertyOptional({
    example: 'Work phone',
    description: 'a name to recognise the feed by in the list',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  label?: string;

  @ApiProperty({
    enum: CALENDAR_TOKEN_SCOPES,
    description:
      'self: your own credential expiries and CE cycle ends; teams (managers and admins): those of the members of the teams you manage (admins: the whole department)',
  })
  @IsIn(CALENDAR_TOKEN_SCOPES)
  scope!: CalendarTokenScope;
}

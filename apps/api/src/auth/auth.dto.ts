import type {
  LoginRequest,
  PasswordResetCompleteRequest,
  PasswordResetRequest,
  SingleSignOnCompleteRequest,
} from '@him/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'director@riverside-demo.org' })
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Director!Demo2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class SingleSignOnStartQuery {
  @ApiPropertyOptional({ example: '/overview', description: 'the page to open after signing in' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}

export class SingleSignOnCompleteDto implements SingleSignOnCompleteRequest {
  @ApiProperty({ description: 'the ticket of the redirect from the identity provider' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ticket!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'pat.lee@hospital.example' })
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

export class PasswordResetCompleteDto implements PasswordResetCompleteRequest {
  @ApiProperty({ description: 'the token of the e-mailed link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ description: 'the new password: 12 characters or more, not easy to guess' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

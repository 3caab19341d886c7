import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
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

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser, LoginResponse } from '@him/contracts';
import { Public } from './has-permission.decorator';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser, type RequestUser } from './request-user';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password);
  }

  /** Who the token belongs to (the dashboard uses it to restore a session). */
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: RequestUser): AuthUser {
    return user;
  }
}

import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentSessionId, CurrentUser, type RequestUser } from '../auth/request-user';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

/** Accounts of the caller's department (admin only). Accounts are deactivated, never deleted. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @HasPermission(PERMISSIONS.usersManage)
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<User>> {
    return this.users.list(user, page);
  }

  @Get(':id')
  @HasPermission(PERMISSIONS.usersManage)
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<User> {
    return this.users.get(user, id);
  }

  @Post()
  @HasPermission(PERMISSIONS.usersManage)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.usersManage)
  update(
    @CurrentUser() user: RequestUser,
    @CurrentSessionId() sessionId: string,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(user, id, dto, sessionId);
  }
}

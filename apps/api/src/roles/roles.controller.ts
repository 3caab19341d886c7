import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { Page, Role } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { CreateRoleDto, UpdateRoleDto } from './role.dto';
import { REQUIREMENT_MODELS } from './requirements';
import { RolesService } from './roles.service';

@ApiTags('roles')
@ApiBearerAuth()
@ApiExtraModels(...REQUIREMENT_MODELS)
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @HasPermission(PERMISSIONS.catalogRead)
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<Role>> {
    return this.roles.list(user, page);
  }

  @Get(':id')
  @HasPermission(PERMISSIONS.catalogRead)
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<Role> {
    return this.roles.get(user, id);
  }

  @Post()
  @HasPermission(PERMISSIONS.catalogWrite)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateRoleDto): Promise<Role> {
    return this.roles.create(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.catalogWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateRoleDto,
  ): Promise<Role> {
    return this.roles.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @HasPermission(PERMISSIONS.catalogWrite)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.roles.remove(user, id, query.note);
  }
}

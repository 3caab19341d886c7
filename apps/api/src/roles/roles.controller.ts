import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { Page, Role } from '@him/contracts';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { CatalogId, CatalogRoute } from '../common/catalog.routes';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { CreateRoleDto, UpdateRoleDto } from './role.dto';
import { REQUIREMENT_MODELS } from './requirements';
import { RolesService } from './roles.service';

@ApiTags('roles')
@ApiBearerAuth()
@ApiExtraModels(...REQUIREMENT_MODELS)
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @CatalogRoute.list()
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<Role>> {
    return this.roles.list(user, page);
  }

  @CatalogRoute.get()
  get(@CurrentUser() user: RequestUser, @CatalogId() id: string): Promise<Role> {
    return this.roles.get(user, id);
  }

  @CatalogRoute.create()
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateRoleDto): Promise<Role> {
    return this.roles.create(user, dto);
  }

  @CatalogRoute.update()
  update(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Body() dto: UpdateRoleDto,
  ): Promise<Role> {
    return this.roles.update(user, id, dto);
  }

  @CatalogRoute.remove()
  remove(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.roles.remove(user, id, query.note);
  }
}

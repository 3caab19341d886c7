import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CredentialType, Page } from '@him/contracts';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { CatalogId, CatalogRoute } from '../common/catalog.routes';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { CreateCredentialTypeDto, UpdateCredentialTypeDto } from './credential-type.dto';
import { CredentialTypesService } from './credential-types.service';

@ApiTags('credential-types')
@ApiBearerAuth()
@Controller('credential-types')
export class CredentialTypesController {
  constructor(private readonly types: CredentialTypesService) {}

  @CatalogRoute.list()
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<CredentialType>> {
    return this.types.list(user, page);
  }

  @CatalogRoute.get()
  get(@CurrentUser() user: RequestUser, @CatalogId() id: string): Promise<CredentialType> {
    return this.types.get(user, id);
  }

  @CatalogRoute.create()
  create(
    @CurrentUser() user: RequestUser,
    @Body() dto: CreateCredentialTypeDto,
  ): Promise<CredentialType> {
    return this.types.create(user, dto);
  }

  @CatalogRoute.update()
  update(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Body() dto: UpdateCredentialTypeDto,
  ): Promise<CredentialType> {
    return this.types.update(user, id, dto);
  }

  @CatalogRoute.remove()
  remove(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.types.remove(user, id, query.note);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CredentialType, Page } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { CreateCredentialTypeDto, UpdateCredentialTypeDto } from './credential-type.dto';
import { CredentialTypesService } from './credential-types.service';

@ApiTags('credential-types')
@ApiBearerAuth()
@Controller('credential-types')
export class CredentialTypesController {
  constructor(private readonly types: CredentialTypesService) {}

  @Get()
  @HasPermission(PERMISSIONS.catalogRead)
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<CredentialType>> {
    return this.types.list(user, page);
  }

  @Get(':id')
  @HasPermission(PERMISSIONS.catalogRead)
  get(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CredentialType> {
    return this.types.get(user, id);
  }

  @Post()
  @HasPermission(PERMISSIONS.catalogWrite)
  create(
    @CurrentUser() user: RequestUser,
    @Body() dto: CreateCredentialTypeDto,
  ): Promise<CredentialType> {
    return this.types.create(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.catalogWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateCredentialTypeDto,
  ): Promise<CredentialType> {
    return this.types.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @HasPermission(PERMISSIONS.catalogWrite)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.types.remove(user, id, query.note);
  }
}

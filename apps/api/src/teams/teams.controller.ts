import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { Page, Team } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { REQUIREMENT_MODELS } from '../roles/requirements';
import { CreateTeamDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@ApiExtraModels(...REQUIREMENT_MODELS)
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @HasPermission(PERMISSIONS.catalogRead)
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<Team>> {
    return this.teams.list(user, page);
  }

  @Get(':id')
  @HasPermission(PERMISSIONS.catalogRead)
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<Team> {
    return this.teams.get(user, id);
  }

  @Post()
  @HasPermission(PERMISSIONS.catalogWrite)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateTeamDto): Promise<Team> {
    return this.teams.create(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.catalogWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<Team> {
    return this.teams.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @HasPermission(PERMISSIONS.catalogWrite)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.teams.remove(user, id, query.note);
  }
}

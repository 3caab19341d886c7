import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { Page, Team } from '@him/contracts';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { CatalogId, CatalogRoute } from '../common/catalog.routes';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { REQUIREMENT_MODELS } from '../roles/requirements';
import { CreateTeamDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@ApiExtraModels(...REQUIREMENT_MODELS)
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @CatalogRoute.list()
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<Team>> {
    return this.teams.list(user, page);
  }

  @CatalogRoute.get()
  get(@CurrentUser() user: RequestUser, @CatalogId() id: string): Promise<Team> {
    return this.teams.get(user, id);
  }

  @CatalogRoute.create()
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateTeamDto): Promise<Team> {
    return this.teams.create(user, dto);
  }

  @CatalogRoute.update()
  update(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<Team> {
    return this.teams.update(user, id, dto);
  }

  @CatalogRoute.remove()
  remove(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.teams.remove(user, id, query.note);
  }
}

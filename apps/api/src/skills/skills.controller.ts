import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, Skill } from '@him/contracts';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { CatalogId, CatalogRoute } from '../common/catalog.routes';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { CreateSkillDto, UpdateSkillDto } from './skill.dto';
import { SkillsService } from './skills.service';

@ApiTags('skills')
@ApiBearerAuth()
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @CatalogRoute.list()
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<Skill>> {
    return this.skills.list(user, page);
  }

  @CatalogRoute.get()
  get(@CurrentUser() user: RequestUser, @CatalogId() id: string): Promise<Skill> {
    return this.skills.get(user, id);
  }

  @CatalogRoute.create()
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateSkillDto): Promise<Skill> {
    return this.skills.create(user, dto);
  }

  @CatalogRoute.update()
  update(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Body() dto: UpdateSkillDto,
  ): Promise<Skill> {
    return this.skills.update(user, id, dto);
  }

  @CatalogRoute.remove()
  remove(
    @CurrentUser() user: RequestUser,
    @CatalogId() id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.skills.remove(user, id, query.note);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, Skill } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { CreateSkillDto, UpdateSkillDto } from './skill.dto';
import { SkillsService } from './skills.service';

@ApiTags('skills')
@ApiBearerAuth()
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @HasPermission(PERMISSIONS.catalogRead)
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<Skill>> {
    return this.skills.list(user, page);
  }

  @Get(':id')
  @HasPermission(PERMISSIONS.catalogRead)
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<Skill> {
    return this.skills.get(user, id);
  }

  @Post()
  @HasPermission(PERMISSIONS.catalogWrite)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateSkillDto): Promise<Skill> {
    return this.skills.create(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.catalogWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateSkillDto,
  ): Promise<Skill> {
    return this.skills.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @HasPermission(PERMISSIONS.catalogWrite)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.skills.remove(user, id, query.note);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CeRule, Page } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from '../common/delete-query';
import { PageQuery } from '../common/pagination';
import { CreateCeRuleDto, UpdateCeRuleDto } from './ce-rule.dto';
import { CeRulesService } from './ce-rules.service';

const ISSUING_BODY_PARAM = {
  name: 'issuingBody',
  example: 'AHIMA',
  description: 'the issuing body, whatever the letter case',
};

@ApiTags('ce-rules')
@ApiBearerAuth()
@Controller('ce-rules')
export class CeRulesController {
  constructor(private readonly rules: CeRulesService) {}

  @Get()
  @HasPermission(PERMISSIONS.catalogRead)
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<CeRule>> {
    return this.rules.list(user, page);
  }

  @Get(':issuingBody')
  @ApiParam(ISSUING_BODY_PARAM)
  @HasPermission(PERMISSIONS.catalogRead)
  get(
    @CurrentUser() user: RequestUser,
    @Param('issuingBody') issuingBody: string,
  ): Promise<CeRule> {
    return this.rules.get(user, issuingBody);
  }

  @Post()
  @HasPermission(PERMISSIONS.catalogWrite)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateCeRuleDto): Promise<CeRule> {
    return this.rules.create(user, dto);
  }

  @Patch(':issuingBody')
  @ApiParam(ISSUING_BODY_PARAM)
  @HasPermission(PERMISSIONS.catalogWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('issuingBody') issuingBody: string,
    @Body() dto: UpdateCeRuleDto,
  ): Promise<CeRule> {
    return this.rules.update(user, issuingBody, dto);
  }

  @Delete(':issuingBody')
  @ApiParam(ISSUING_BODY_PARAM)
  @HttpCode(204)
  @HasPermission(PERMISSIONS.catalogWrite)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('issuingBody') issuingBody: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.rules.remove(user, issuingBody, query.note);
  }
}

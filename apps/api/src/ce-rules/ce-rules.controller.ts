import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CeRule, Page } from '@him/contracts';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { CatalogRoute } from '../common/catalog.routes';
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

  @CatalogRoute.list()
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<CeRule>> {
    return this.rules.list(user, page);
  }

  @CatalogRoute.get(':issuingBody')
  @ApiParam(ISSUING_BODY_PARAM)
  get(
    @CurrentUser() user: RequestUser,
    @Param('issuingBody') issuingBody: string,
  ): Promise<CeRule> {
    return this.rules.get(user, issuingBody);
  }

  @CatalogRoute.create()
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateCeRuleDto): Promise<CeRule> {
    return this.rules.create(user, dto);
  }

  @CatalogRoute.update(':issuingBody')
  @ApiParam(ISSUING_BODY_PARAM)
  update(
    @CurrentUser() user: RequestUser,
    @Param('issuingBody') issuingBody: string,
    @Body() dto: UpdateCeRuleDto,
  ): Promise<CeRule> {
    return this.rules.update(user, issuingBody, dto);
  }

  @CatalogRoute.remove(':issuingBody')
  @ApiParam(ISSUING_BODY_PARAM)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('issuingBody') issuingBody: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.rules.remove(user, issuingBody, query.note);
  }
}
